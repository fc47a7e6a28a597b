// npm run bench, the leaderboard case: 1,000 submissions × 3 private seeds re-scored by the built `rightsize
// leaderboard` (npm run bench builds first), on this thread and on worker threads (one per core), without a cache.
import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {availableParallelism, loadavg, tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {performance} from 'node:perf_hooks';
import {makeChallenge, openChallenge} from '../src/classroom/index.js';
import {challengeToYaml, loadCampaign} from '../src/content/index.js';
import {createRng, ENGINE_VERSION, levelHash, nextInt, withDefaults, type Tier} from '../src/engine/index.js';
import {mergeSubmission, submissionToJson} from '../src/store/index.js';

const SUBMISSIONS = 1000;
const SEEDS = [11, 22, 33];

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
  // Timed as a teacher runs it: the built command in a new process (start-up included), on this thread and on
  // worker threads, each three times in turn; the median and the best of the three are printed (this machine's
  // timings vary by ±20 % from one minute to the next, so one run says little).
  const [load1m = 0] = loadavg();
  console.log(`leaderboard: ${SUBMISSIONS.toLocaleString('en-US')} submissions × ${SEEDS.length} private seeds on level 1 (${level.id}), no cache; ${availableParallelism()} cores, load ${load1m.toFixed(2)}`);
  console.log(`  command: rightsize leaderboard submissions/ --challenge bench.teacher.yaml --json --no-cache --workers N`);
  const cli = resolve(import.meta.dirname, '..', 'dist', 'cli.js');
  const run = (workers: number) => {
    const start = performance.now();
    const child = spawnSync(process.execPath, [cli, 'leaderboard', join(dir, 'submissions'), '--challenge', file, '--json', '--no-cache', '--workers', String(workers)], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: {...process.env, NO_COLOR: '1'}});
    const ms = performance.now() - start;
    if (child.status !== 0) throw new Error(`leaderboard exited ${child.status}: ${child.stderr}`);
    return {ms, json: child.stdout};
  };
  const threads = availableParallelism();
  const times: Record<string, number[]> = {sequential: [], workers: []};
  const outputs = new Set<string>();
  for (let round = 0; round < 3; round++) {
    for (const [name, workers] of [['sequential', 0], ['workers', threads]] as const) {
      const {ms, json} = run(workers);
      times[name]?.push(ms);
      outputs.add(json);
    }
  }
  const parsed = JSON.parse([...outputs][0] ?? '{}') as {rows?: unknown[]; rejected?: unknown[]};
  const summary = (list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `median ${((sorted[1] ?? 0) / 1000).toFixed(2)} s, best ${((sorted[0] ?? 0) / 1000).toFixed(2)} s (runs: ${list.map((ms) => (ms / 1000).toFixed(2)).join(', ')})`;
  };
  console.log(`  sequential:         ${summary(times['sequential'] ?? [])}`);
  console.log(`  ${threads} worker threads:   ${summary(times['workers'] ?? [])} (target: under 10 s on 2 cores)`);
  console.log(`  ${parsed.rows?.length ?? 0} players ranked, ${parsed.rejected?.length ?? 0} rejected; the same leaderboard bytes in all six runs: ${outputs.size === 1 ? 'yes' : 'NO'}`);
} finally {
  rmSync(dir, {recursive: true, force: true});
}
