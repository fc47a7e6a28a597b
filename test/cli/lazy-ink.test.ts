// Ink and React load only for the game: --help, --version, the headless commands and the no-TTY message never
// load the chunk that holds them. A module hook records every ES module the built binary loads.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {CLI, fixture, useCli} from './run.js';

const cli = useCli();

/** Strings only Ink or React put in a bundle. */
const INK_OR_REACT = ['react.transitional.element', 'isScreenReaderEnabled', 'yoga'];

function hasInkOrReact(file: string): boolean {
  const text = readFileSync(file, 'utf8');
  return INK_OR_REACT.some((marker) => text.includes(marker));
}

function loadedFiles(args: string[]): string[] {
  const out = join(cli.home(), 'loads.txt');
  const run = cli.run(args, {RIGHTSIZE_RECORD_LOADS: out}, ['--import', fixture('record-loads.mjs')]);
  expect(run.status === 0 || run.status === 1, run.stderr).toBe(true);
  return readFileSync(out, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
}

/** The chunks a bundle file imports, statically (`from "./x.js"`, `import "./x.js"`) and dynamically (`import("./x.js")`). */
function chunkImports(file: string): {static: string[]; dynamic: string[]} {
  const text = readFileSync(file, 'utf8');
  const dir = dirname(file);
  const found = (pattern: RegExp) => [...text.matchAll(pattern)].map((m) => join(dir, m[1] ?? ''));
  return {
    static: found(/(?:\bfrom\s*|\bimport\s*)"(\.\/[^"]+\.js)"/g),
    dynamic: found(/\bimport\(\s*"(\.\/[^"]+\.js)"\s*\)/g),
  };
}

/** Every chunk reachable from `entry`: through static imports only, or through dynamic ones too. */
function closure(entry: string, withDynamic: boolean): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const next = chunkImports(file);
    queue.push(...next.static, ...(withDynamic ? next.dynamic : []));
  }
  return seen;
}

describe('Ink is loaded lazily', () => {
  it('Ink and React are reachable from dist/cli.js only through a dynamic import (the markers are real)', () => {
    const everything = [...closure(CLI, true)];
    const eager = [...closure(CLI, false)];
    expect(everything.filter(hasInkOrReact).length).toBeGreaterThan(0);
    expect(eager.filter(hasInkOrReact)).toEqual([]);
  });

  const runs: {name: string; args: string[]}[] = [
    {name: '--version', args: ['--version']},
    {name: '--help', args: ['--help']},
    {name: 'no TTY', args: []},
    {name: 'levels', args: ['--levels', fixture('levels'), 'levels']},
    {name: 'score', args: ['score', fixture('win.yaml'), '--level', fixture('levels/two-zones.yaml')]},
    {name: 'catalog', args: ['catalog', '--json']},
    {name: 'validate', args: ['validate', fixture('levels/two-zones.yaml')]},
  ];
  for (const row of runs) {
    it(`${row.name}: loads dist/cli.js and no module with Ink or React`, () => {
      const files = loadedFiles(row.args);
      expect(files).toContain(CLI);
      expect(files.filter((file) => file.includes('node_modules'))).toEqual([]);
      expect(files.filter(hasInkOrReact)).toEqual([]);
    });
  }
});
