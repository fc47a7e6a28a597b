// Untrusted input: files too big, nested too deep, alias bombs, prototype keys. Each gives a clear problem, never a
// crash, a hang or a stack trace.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {formatProblem, loadSolutionFile, MAX_DEPTH, parseLevel, parseSolution, parseYaml} from '../../src/content/index.js';
import {findExcessiveNesting} from '../../src/content/guards.js';

const temp = mkdtempSync(join(tmpdir(), 'rightsize-guards-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

describe('files on disk', () => {
  it.each([
    {
      name: 'a 100 MB file is refused from its size, without reading it',
      make: (path: string) => {
        writeFileSync(path, '');
        truncateSync(path, 100 * 1024 * 1024);
      },
      message: 'file is 104,857,600 bytes; the limit is 1,048,576 bytes (1 MB)',
    },
    {name: 'a missing file', make: () => undefined, message: 'no such file'},
    {name: 'a named pipe (reading it would wait for a writer)', make: (path: string) => execFileSync('mkfifo', [path]), message: 'is not a regular file'},
    {name: 'a directory', make: (path: string) => mkdirSync(path), message: 'is a directory, not a file'},
    {name: 'an empty file', make: (path: string) => writeFileSync(path, ''), message: 'expected a mapping (key: value), got null'},
  ])('$name', ({name, make, message}) => {
    const path = join(temp, name.replace(/\W+/g, '-'));
    make(path);
    const loaded = loadSolutionFile(path);
    expect(loaded.ok ? [] : loaded.problems.map(formatProblem)).toEqual([`${path}:1:1: ${message}`]);
  });
});

const nestedMaps = (levels: number) => `${Array.from({length: levels}, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')} 1\n`;
const flowIn = (levels: number) => `a: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;

describe('nesting depth (checked before the parser recurses)', () => {
  it.each([
    {name: "100,000 '['", text: '['.repeat(100_000), problem: `f.yaml:1:64: nested more than ${MAX_DEPTH} levels deep`},
    {name: "100,000 '{a: '", text: '{a: '.repeat(100_000), problem: `f.yaml:1:253: nested more than ${MAX_DEPTH} levels deep`},
    {name: "100,000 compact '- '", text: `${'- '.repeat(100_000)}x`, problem: `f.yaml:1:129: nested more than ${MAX_DEPTH} levels deep`},
    {name: 'a flow list 64 deep under a key', text: flowIn(64), problem: `f.yaml:1:67: nested more than ${MAX_DEPTH} levels deep`},
    {name: 'block mappings 65 deep', text: nestedMaps(65), problem: `f.yaml:65:129: nested more than ${MAX_DEPTH} levels deep`},
    {
      name: 'sequences and mappings alternating (found in the parsed tree)',
      text: `a:\n${Array.from({length: 60}, (_, i) => `${'  '.repeat(i)}- b${i}:`).join('\n')} 1\n`,
      problem: `f.yaml:34:65: nested more than ${MAX_DEPTH} levels deep`,
    },
  ])('$name is refused at its line:col', ({text, problem}) => {
    const parsed = parseYaml(text, 'f.yaml');
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([problem]);
  });

  it.each([
    {name: 'a flow list 63 deep under a key (64 levels with the mapping)', text: flowIn(63)},
    {name: 'block mappings 64 deep', text: nestedMaps(64)},
    {
      name: 'brackets in quotes, comments, block scalars, plain text and URLs',
      text: `a: "${'['.repeat(200)}"\nb: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\nc: |\n  ${'['.repeat(200)}\nd: x${'['.repeat(200)}\ne: http://x/${'['.repeat(100)}\nf: [a, "${'['.repeat(100)}"]\n`,
    },
  ])('$name is accepted', ({text}) => {
    expect(findExcessiveNesting(text)).toBeUndefined();
    expect(parseYaml(text, 'f.yaml').ok).toBe(true);
  });
});

describe('text guards', () => {
  it.each([
    {name: 'text over 1 MB', text: `a: "${'x'.repeat(1024 * 1024)}"`, problem: 'f.yaml:1:1: text is over the 1 MB limit'},
    {name: 'two documents', text: 'a: 1\n---\nb: 2\n', problem: 'f.yaml:2:1: Source contains multiple documents; please use YAML.parseAllDocuments()'},
    {name: 'a duplicate key', text: 'a: 1\na: 2\n', problem: "f.yaml:2:1: key 'a' appears twice in this mapping"},
    {name: "'prototype' as a key", text: 'a: {prototype: 1}\n', problem: "f.yaml:1:5: key 'prototype' is not allowed"},
  ])('$name', ({text, problem}) => {
    const parsed = parseYaml(text, 'f.yaml');
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([problem]);
  });

  it.each([
    {
      name: 'an escape sequence in a free text',
      text: 'formatVersion: 1\nlevel: x\nplayer: "\\e[2Jada"\ntiers: [{workload: web, compute: lambda}]\n',
      problem: "f.yaml:3:9 player: must not contain control characters (got '\\u001b[2Jada')",
    },
    {
      name: 'an escape sequence in an unknown key',
      text: 'formatVersion: 1\nlevel: x\n"\\e[31mred": 1\ntiers: [{workload: web, compute: lambda}]\n',
      problem: "f.yaml:3:1 \\u001b[31mred: unknown key '\\u001b[31mred'",
    },
  ])('control characters are never printed back raw: $name', ({text, problem}) => {
    const parsed = parseSolution(text, 'f.yaml');
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([problem]);
  });

  it('a time made of 500,000 spaces is refused by its length, before the time pattern sees it', () => {
    const text = `formatVersion: 1\nid: x\ntitle: X\nchapter: ec2\nconcepts: [x]\nbriefing: b\ndebrief: d\nworkloads:\n  - {id: web, kind: web, baseRps: 1, cpuMsPerRequest: 1, sloMs: 100}\nincidents:\n  - {kind: az-outage, az: a, minutes: 5, at: "${' '.repeat(500_000)}x"}\nstart: {tiers: [{workload: web, compute: lambda}]}\nreference: {tiers: [{workload: web, compute: lambda}]}\nobjectives: [{metric: availability, pass: 0.9, gold: 0.99}]\n`;
    const parsed = parseLevel(text, 'l.yaml');
    expect(parsed.ok ? [] : parsed.problems.map((p) => `${p.line}:${p.col} ${p.path}: ${p.message.slice(0, 58)}`)).toEqual([
      "11:46 incidents[0].at: must be a time such as \"wed 14:00\" or \"day 2 14:00\" (got '",
    ]);
  });

  it('15,000 unknown keys (within the node bound): the first 100 problems, then a count of the rest', () => {
    const text = `formatVersion: 1\nlevel: x\ntiers: [{workload: web, compute: lambda}]\n${Array.from({length: 15_000}, (_, i) => `k${i}: 1`).join('\n')}`;
    const parsed = parseSolution(text, 'f.yaml');
    const problems = parsed.ok ? [] : parsed.problems.map(formatProblem);
    expect([problems.length, problems[0], problems[99], problems[100]]).toEqual([
      101,
      "f.yaml:4:1 k0: unknown key 'k0'",
      "f.yaml:103:1 k99: unknown key 'k99'",
      'f.yaml:1:1: … and 14900 more problems',
    ]);
  });

  it.each([
    {name: 'CRLF line ends', text: 'formatVersion: 1\r\nlevel: x\r\ntiers:\r\n  - {workload: web, compute: lambda, memoryMb: 64}\r\n', problem: 'f.yaml:4:48 tiers[0].memoryMb: must be a whole number from 128 to 10240 (got 64)'},
    {name: 'a byte-order mark before JSON', text: '\ufeff{"formatVersion": 1, "level": "x", "tiers": [{"workload": "web", "compute": "lambda", "memoryMb": 64}]}', problem: 'f.yaml:1:99 tiers[0].memoryMb: must be a whole number from 128 to 10240 (got 64)'},
  ])('positions survive $name', ({text, problem}) => {
    const parsed = parseSolution(text, 'f.yaml');
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([problem]);
  });

  it('a rejected __proto__ key leaves Object.prototype untouched', () => {
    const parsed = parseSolution('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 'p.json');
    expect(parsed.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});

describe('no input makes a loader throw', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({maxLength: 300}), (text) => {
        const parsed = parseSolution(text, 'f.yaml');
        return parsed.ok || parsed.problems.length > 0;
      }),
      {numRuns: 300},
    );
  });

  it('arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 6}), (value) => {
        const parsed = parseSolution(JSON.stringify(value), 'f.json');
        return parsed.ok || parsed.problems.every((p) => p.line >= 1 && p.col >= 1 && p.message.length > 0);
      }),
      {numRuns: 300},
    );
  });

  it('YAML made of indicators', () => {
    const piece = fc.constantFrom('- ', '[', ']', '{', '}', ': ', ',', '\n', '  ', 'a', '&x ', '*x', '"', "'", '#', '|\n', '? ', '!!str ', '1e999', '.nan');
    fc.assert(
      fc.property(fc.array(piece, {maxLength: 200}), (pieces) => {
        const parsed = parseSolution(pieces.join(''), 'f.yaml');
        return parsed.ok || parsed.problems.length > 0;
      }),
      {numRuns: 500},
    );
  });
});
