// Every shipped level, and every level added later, survives the level author's search (#14): among the builds it
// allows, no 3-star build raises a counterexample's finding, makes a counterexample's mistake, or costs more than
// 5 % less than the reference. The budget fits CI; `rightsize validate --search` runs the same search with more.
// The search scores the whole budget, or the whole space when the level allows fewer builds than that (it then
// scores every one of them, so the answer is a proof rather than a sample).
import {afterAll, describe, expect, it} from 'vitest';
import {levelsDir, loadCampaign} from '../../src/content/index.js';
import {defaultWorkers, ScorePool} from '../../src/cli/search/pool.js';
import {formatSearchReport} from '../../src/cli/search/report.js';
import {searchLevel} from '../../src/cli/search/search.js';

/** Builds scored per level (the search re-checks what it flags on three seeds). RIGHTSIZE_SEARCH_BUILDS overrides. */
const BUILDS = Number(process.env.RIGHTSIZE_SEARCH_BUILDS ?? 600);

const campaign = loadCampaign(levelsDir());
if (!campaign.ok) throw new Error('the shipped campaign does not load');
const pool = new ScorePool(Math.min(2, defaultWorkers()));
afterAll(() => pool.close());

describe('the search finds no dodge in any shipped level', () => {
  it.each(campaign.value.levels.map((level) => ({name: level.id, level, file: campaign.value.files.get(level.id) ?? level.id})))(
    '$name',
    async ({level, file}) => {
      const report = await searchLevel(level, pool.scorer(level), {budget: BUILDS});
      const text = formatSearchReport(report, level.reference.tiers, String(file), 0, pool.size).join('\n');
      expect(report.scored, text).toBeGreaterThanOrEqual(Math.min(BUILDS, report.spaceBuilds ?? report.spaceSize));
      if (report.exhaustive) expect(report.scored, text).toBe(report.spaceBuilds);
      expect(report.dodges, text).toEqual([]);
    },
    600_000,
  );
});
