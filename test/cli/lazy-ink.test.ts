// Ink and React load only for the game: --help, --version, the headless commands and the no-TTY message never
// load the chunk that holds them. A module hook records every ES module the built binary loads.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {CLI, ROOT, fixture, useCli} from './run.js';

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

describe('Ink is loaded lazily', () => {
  it('the bundle does hold Ink and React, in a chunk other than dist/cli.js (the markers are real)', () => {
    const dist = join(ROOT, 'dist');
    const chunks = readdirSync(dist).filter((name) => name.endsWith('.js')).map((name) => join(dist, name));
    expect(chunks.filter(hasInkOrReact).length).toBeGreaterThan(0);
    expect(hasInkOrReact(CLI)).toBe(false);
  });

  const runs: {name: string; args: string[]}[] = [
    {name: '--version', args: ['--version']},
    {name: '--help', args: ['--help']},
    {name: 'no TTY', args: []},
    {name: 'levels', args: ['--levels', fixture('levels'), 'levels']},
    {name: 'score', args: ['score', fixture('win.yaml'), '--level', fixture('levels/two-zones.yaml')]},
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
