// A good level with random damage: the loader never throws, and every problem points inside the file.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseLevel} from '../../src/content/index.js';

const GOOD = readFileSync('test/fixtures/levels/good-level.yaml', 'utf8');
const LINES = GOOD.split('\n');
const CONCEPTS = new Set(['availability-zones', 'load-balancer', 'auto-scaling']);

type Mutation = {kind: 'delete' | 'duplicate'; line: number} | {kind: 'insert'; line: number; at: number; text: string};

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({kind: fc.constantFrom('delete' as const, 'duplicate' as const), line: fc.nat(LINES.length - 1)}),
  fc.record({
    kind: fc.constant('insert' as const),
    line: fc.nat(LINES.length - 1),
    at: fc.nat(80),
    text: fc.constantFrom('[', ']', '{', '}', ':', ' ', '-', '"', "'", '#', '&a', '*a', '|', '1e999', '.nan', 'x: 1', ', ', '\t', '__proto__: 1'),
  }),
);

function apply(lines: string[], m: Mutation): string[] {
  const out = [...lines];
  const line = out[m.line] ?? '';
  if (m.kind === 'delete') out.splice(m.line, 1);
  else if (m.kind === 'duplicate') out.splice(m.line, 0, line);
  else if (m.kind === 'insert') out[m.line] = line.slice(0, m.at) + m.text + line.slice(m.at);
  return out;
}

describe('a damaged level', () => {
  it('gives problems inside the file, never an exception', () => {
    fc.assert(
      fc.property(fc.array(mutation, {minLength: 1, maxLength: 4}), (mutations) => {
        const lines = mutations.reduce(apply, LINES);
        const parsed = parseLevel(lines.join('\n'), 'l.yaml', {concepts: CONCEPTS});
        if (parsed.ok) return;
        expect(parsed.problems.length).toBeGreaterThan(0);
        for (const p of parsed.problems) {
          expect(p.line).toBeGreaterThanOrEqual(1);
          expect(p.line).toBeLessThanOrEqual(lines.length + 1);
          expect(p.col).toBeGreaterThanOrEqual(1);
          expect(p.message).not.toMatch(/^\s*$|\bat .*\.ts:\d+/);
        }
      }),
      {numRuns: 300},
    );
  });
});
