// #8 items 8 and 10: the parser's node count is bounded before any document is built, and sizes print so that
// a file over the limit and the limit never read the same.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatProblem, loadSolutionFile, MAX_FILE_BYTES, MAX_NODES, parseYaml} from '../../src/content/index.js';
import {findTooManyNodes} from '../../src/content/guards.js';

const temp = mkdtempSync(join(tmpdir(), 'rightsize-limits-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

/** `x: [<unit><unit>…[]]` filling about `bytes`. */
const filled = (unit: string, bytes: number): string => `x: [${unit.repeat(Math.floor((bytes - 10) / unit.length))}[]]\n`;

describe('#8.8 the number of YAML nodes is bounded before a document is built', () => {
  const rows: {name: string; text: string; at: string}[] = [
    {name: '1 MB of nested brackets within the depth limit', text: filled(`${'['.repeat(30)}${']'.repeat(30)},`, 1024 * 1024), at: 'f.yaml:1:'},
    {name: '1 MB of empty lists', text: filled('[],', 1024 * 1024), at: 'f.yaml:1:'},
    // `x:` is 2 nodes; each `- a` 2 more: item 25,000 (line 25,001) passes the limit.
    {name: 'a block list of 60,000 items', text: `x:\n${'  - a\n'.repeat(60_000)}`, at: 'f.yaml:25001:3'},
    // each `k: 1` is 3 nodes: key 16,666 (line 16,668) passes the limit.
    {name: 'a mapping of 30,000 keys', text: `x:\n${Array.from({length: 30_000}, (_, i) => `  k${i}: 1\n`).join('')}`, at: 'f.yaml:16668:'},
  ];
  for (const row of rows) {
    it(`${row.name}: refused at the node past the limit`, () => {
      const parsed = parseYaml(row.text, 'f.yaml');
      const problems = parsed.ok ? [] : parsed.problems.map(formatProblem);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toContain(row.at);
      expect(problems[0]).toContain(`more than ${MAX_NODES.toLocaleString('en-US')} values in one file`);
    });
  }

  it('the count is exact: MAX_NODES values pass, one more does not', () => {
    // `x: [a, a, …]`: the key, the pair, the list and its items are nodes (3 + items).
    const list = (items: number): string => `x: [${Array.from({length: items}, () => 'a').join(', ')}]\n`;
    expect(findTooManyNodes(list(MAX_NODES - 3))).toBeUndefined();
    expect(findTooManyNodes(list(MAX_NODES - 2))).toEqual({line: 1, col: 5 + 3 * (MAX_NODES - 3)});
  });

  it('keys, values, pairs and collections each count: 12 nodes here, the 9th at 2:11', () => {
    expect(findTooManyNodes(`a: 1\nb: [1, 2, {c: "d"}]\n`, 12)).toBeUndefined();
    expect(findTooManyNodes(`a: 1\nb: [1, 2, {c: "d"}]\n`, 8)).toEqual({line: 2, col: 11});
  });
});

describe('#8.10 sizes print so that two different sizes differ', () => {
  const rows: {name: string; bytes: number; says: string}[] = [
    {name: 'a 1,100,399-byte file', bytes: 1_100_399, says: 'file is 1,100,399 bytes; the limit is 1,048,576 bytes (1 MB)'},
    {name: 'one byte over', bytes: MAX_FILE_BYTES + 1, says: 'file is over 1,048,576 bytes; the limit is 1,048,576 bytes (1 MB)'},
  ];
  for (const row of rows) {
    it(row.name, () => {
      const path = join(temp, `${row.bytes}.yaml`);
      writeFileSync(path, 'x'.repeat(row.bytes));
      const loaded = loadSolutionFile(path);
      expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([`${path}:1:1: ${row.says}`]);
    });
  }
});
