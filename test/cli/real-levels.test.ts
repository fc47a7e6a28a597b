// `rightsize score` on the shipped campaign: for every level, its own reference scores 3 stars (exit 0) and its
// starting build does not (exit 0 only if it passes at all). The solutions are written from the level files.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCampaign, solutionToYaml} from '../../src/content/index.js';
import type {Build, Level} from '../../src/engine/types.js';
import {useCli} from './run.js';

const cli = useCli();
const campaign = loadCampaign();
if (!campaign.ok) throw new Error(`the shipped campaign does not load: ${JSON.stringify(campaign.problems[0])}`);

function solutionFile(level: Level, build: Build, name: string): string {
  const path = join(cli.home(), `${level.id}-${name}.yaml`);
  writeFileSync(path, solutionToYaml({formatVersion: 1, level: level.id, tiers: build.tiers}));
  return path;
}

describe('score on the shipped levels', () => {
  it('there are levels to score', () => expect(campaign.value.levels.length).toBeGreaterThanOrEqual(3));

  for (const level of campaign.value.levels) {
    it(`${level.id}: the reference gets 3 stars, exit 0`, () => {
      const run = cli.run(['score', solutionFile(level, level.reference, 'reference'), '--json']);
      expect(run.status, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({level: level.id, passed: true, stars: 3});
    });

    it(`${level.id}: the starting build is short of 3 stars; the exit code says whether it passed`, () => {
      const file = solutionFile(level, level.start, 'start');
      const json = cli.run(['score', file, '--json']);
      const result = JSON.parse(json.stdout) as {passed: boolean; stars: number};
      expect(result.stars).toBeLessThan(3);
      expect(json.status).toBe(result.passed ? 0 : 1);
      const text = cli.run(['score', file]);
      expect(text.status).toBe(json.status);
      expect(text.stdout).toContain(`${level.title} (${level.id})`);
      expect(text.stdout).toContain('✗');
    });
  }
});
