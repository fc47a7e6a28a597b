// npm run bench, the leaderboard case: 1,000 submissions × 3 private seeds re-scored through the classroom library
// (the same path as `rightsize leaderboard`), on this thread and on worker threads (one per core), without a cache.
// The workers are the bundled dist/score-worker.js (npm run bench builds first), as an installed rightsize runs them.
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import {buildLeaderboard, leaderboardJson, makeChallenge, openChallenge} from '../src/classroom/index.js';
import {challengeToYaml, loadCampaign} from '../src/content/index.js';
import {createRng, ENGINE_VERSION, levelHash, nextInt, withDefaults, type Tier} from '../src/engine/index.js';
import {mergeSubmission, submissionToJson} from '../src/store/index.js';

const SUBMISSIONS = 1000;
const SEEDS = [11, 22, 33];

process.env['RIGHTSIZE_SCORE_WORKER'] ??= resolve(import.meta.dirname, '..', 'dist', 'score-worker.js');
const campaign = loadCampaign();
if (!campaign.ok) throw new Error('the shipped campaign does not load');
const level = campaign.value.levels[0];
if (!level) throw new Error('no level');

const dir = mkdtempSync(join(tmpdir(), 'rightsize-bench-'));
try {
  const challenge = makeChallenge({id: 'bench', title: 'Benchmark', levels: [{level}], publicSeed: 1, privateSeeds: SEEDS});
  const file = join(dir, 'bench.teacher.yaml');
  writeFileSync(file, challengeToYaml(challenge));
  const opened = openChallenge(file);
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  mkdirSync(join(dir, 'submissions'));
  // 1,000 distinct builds on level 1's own choices (scaling bounds and target, AZs, image): every run is new work.
  const reference = level.reference.tiers[0] as Tier;
  const azSets = [['a'], ['a', 'b'], ['a', 'b', 'c'], ['b', 'c']];
  for (let i = 0; i < SUBMISSIONS; i++) {
    const min = 1 + (i % 4);
    const max = min + 1 + (Math.floor(i / 4) % 6);
    const targetCpu = Math.round((0.3 + (Math.floor(i / 24) % 13) * 0.05) * 100) / 100;
    const azs = azSets[Math.floor(i / 312) % azSets.length];
    const image = nextInt(createRng(i + 1), 2) === 0 ? 'golden' : 'stock';
    const tier = withDefaults({...reference, scaling: {min, max, targetCpu}, azs, image} as Parameters<typeof withDefaults>[0]);
    const submission = mergeSubmission(undefined, {challenge: 'bench', player: `player-${i}`, engineVersion: ENGINE_VERSION}, [{level: level.id, levelHash: levelHash(level), tiers: [tier]}], new Date(Date.UTC(2026, 11, 1, 0, i)), [level.id]);
    writeFileSync(join(dir, 'submissions', `player-${i}.json`), submissionToJson(submission));
  }
  const context = {challenge: opened.challenge, levels: opened.levels};
  const paths = [join(dir, 'submissions')];
  const [load1m = 0] = loadavg();
  console.log(`leaderboard: ${SUBMISSIONS.toLocaleString('en-US')} submissions × ${SEEDS.length} private seeds on level 1 (${level.id}), no cache; ${availableParallelism()} cores, load ${load1m.toFixed(2)}`);
  const time = async (workers: number) => {
    const start = performance.now();
    const scored = await buildLeaderboard(context, {paths, workers});
    return {ms: performance.now() - start, scored};
  };
  const sequential = await time(0);
  console.log(`  sequential: ${(sequential.ms / 1000).toFixed(2)} s (${sequential.scored.stats.simulated} distinct runs simulated, ${sequential.scored.leaderboard.rows.length} players ranked, ${sequential.scored.leaderboard.rejected.length} rejected)`);
  const threads = availableParallelism();
  const pooled = await time(threads);
  console.log(`  ${threads} worker threads: ${(pooled.ms / 1000).toFixed(2)} s (target: under 10 s on 2 cores)`);
  console.log(`  same leaderboard bytes: ${leaderboardJson(sequential.scored.leaderboard) === leaderboardJson(pooled.scored.leaderboard) ? 'yes' : 'NO'}`);
} finally {
  rmSync(dir, {recursive: true, force: true});
}
