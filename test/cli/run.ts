// Runs the built binary (dist/cli.js: `npm run build` first; `npm test` does) with its own RIGHTSIZE_HOME and no TTY.
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterEach, beforeAll, beforeEach} from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

/** A fresh RIGHTSIZE_HOME per test; `run` uses it. */
export function useCli(): {home: () => string; run: (args: string[], env?: Record<string, string | undefined>, nodeArgs?: string[]) => Run} {
  let home = '';
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  });
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'rightsize-cli-'));
  });
  afterEach(() => rmSync(home, {recursive: true, force: true}));
  return {
    home: () => home,
    run(args, env = {}, nodeArgs = []) {
      const base: Record<string, string | undefined> = {...process.env, RIGHTSIZE_HOME: home, RIGHTSIZE_LEVELS: undefined, NO_COLOR: undefined, FORCE_COLOR: undefined, RIGHTSIZE_DEBUG: undefined};
      const merged = Object.fromEntries(Object.entries({...base, ...env}).filter((entry): entry is [string, string] => entry[1] !== undefined));
      const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], {cwd: ROOT, env: merged, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'], timeout: 60_000});
      return {status: result.status, stdout: result.stdout, stderr: result.stderr};
    },
  };
}
