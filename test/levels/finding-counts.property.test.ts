// Every finding that blames a number of failed requests, jobs or events on a cause states a number the failures
// by reason account for: over every shipped level's start, reference and counterexamples, on several seeds.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {levelsDir, loadCampaign} from '../../src/content/index.js';
import {simulate} from '../../src/engine/index.js';
import {FINDING_REASONS} from '../../src/engine/sim/findings-dynamic.js';
import type {Finding, Level, Result, Tier} from '../../src/engine/types.js';

const campaign = loadCampaign(levelsDir());
const levels: Level[] = campaign.ok ? campaign.value.levels : [];

const builds = (level: Level): {name: string; tiers: Tier[]}[] => [
  {name: 'start', tiers: level.start.tiers},
  {name: 'reference', tiers: level.reference.tiers},
  ...level.counterexamples.map((c, i) => ({name: `counterexample ${i + 1} (${c.finding})`, tiers: c.tiers})),
];

const WHOLE = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
/** "412,310 requests", "3 jobs": a count of items in a message. */
const ITEM_COUNT = /\b\d[\d,]* (?:requests|jobs|events)\b/;

function unaccounted(result: Result): string[] {
  const out: string[] = [];
  const check = (f: Finding): void => {
    if (f.failed) {
      const backed = f.failed.reasons.reduce((sum, r) => sum + (result.failures[r] ?? 0), 0);
      if (f.failed.count > Math.round(backed) + 1) out.push(`${f.id}: blames ${f.failed.count}, reasons ${f.failed.reasons.join('/')} hold ${backed}`);
      if (!f.message.includes(WHOLE.format(f.failed.count))) out.push(`${f.id}: message does not state its count ${f.failed.count}: ${f.message}`);
    } else if (FINDING_REASONS[f.id] && ITEM_COUNT.test(f.message) && /failed|too slow|slower|missed|after their|waited|arrived while/.test(f.message) && !/\b0 (requests|jobs|events)/.test(f.message)) {
      out.push(`${f.id}: states a count of failed items but not which reasons hold it: ${f.message}`);
    }
  };
  result.findings.forEach(check);
  return out;
}

describe('finding counts agree with failures by reason', () => {
  it('loads the shipped levels', () => {
    expect(levels.length).toBeGreaterThanOrEqual(3);
  });

  for (const level of levels) {
    for (const build of builds(level)) {
      it(`${level.id}: ${build.name}, on several seeds`, () => {
        fc.assert(
          fc.property(fc.integer({min: 0, max: 2 ** 31 - 1}), (seed) => {
            const result = simulate(level, {tiers: build.tiers}, {seed});
            expect(unaccounted(result)).toEqual([]);
          }),
          {numRuns: 3, seed: 7},
        );
      });
    }
  }
});
