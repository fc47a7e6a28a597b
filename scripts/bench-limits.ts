// npm run bench (part 3): the worst shapes a level or solution may have within the file limits and the work
// budget, through the built binary: wall time and peak memory of `score` and `validate` for each. The target
// (issue #8): every one under 10 s and 500 MB. Plain numbers, no pass/fail here.
// Run: npm run bench (builds first), or `npx tsx scripts/bench-limits.ts`.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {parseDocument} from 'yaml';
import {estimateWork, LEVEL_WORK_BUDGET, RUN_WORK_BUDGET} from '../src/engine/budget.js';
import {loadLevelFile} from '../src/content/index.js';

const ROOT = process.cwd();
const CLI = join(ROOT, 'dist', 'cli.js');
const BASE = join(ROOT, 'test', 'fixtures', 'cli', 'levels', 'two-zones.yaml');
const dir = mkdtempSync(join(tmpdir(), 'rightsize-bench-limits-'));

type Obj = Record<string, unknown>;
const ec2 = (workload: string, count: number, extra: Obj = {}): Obj => ({workload, compute: 'ec2', instanceType: 'm5.large', count, azs: ['a', 'b'], ...extra});

/** The two-zones fixture with these top-level keys replaced; written to `name`. */
function level(name: string, patch: Obj): string {
  const doc = parseDocument(readFileSync(BASE, 'utf8'));
  doc.setIn(['allow', 'compute'], doc.createNode(['ec2', 'ecs', 'lambda']));
  doc.setIn(['allow', 'features'], doc.createNode(['instanceType', 'count', 'multiAz', 'loadBalancer', 'network', 'security', 'lambdaConfig']));
  doc.set('counterexamples', doc.createNode([]));
  doc.set('objectives', doc.createNode([{metric: 'availability', pass: 0.99, gold: 0.999}]));
  for (const [key, value] of Object.entries(patch)) doc.set(key, doc.createNode(value));
  const path = join(dir, name);
  writeFileSync(path, doc.toString({lineWidth: 0}));
  return path;
}

function solution(name: string, tiers: Obj[]): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({formatVersion: 1, level: 'two-zones', tiers}));
  return path;
}

/** Runs the binary; its own peak RSS is printed by an exit hook in the child. */
function measure(args: string[]): {seconds: number; cpu: number; mb: number; status: number | null; first: string} {
  const hook = `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write('\\nMAXRSS ' + u.maxRSS + ' CPU ' + (u.userCPUTime + u.systemCPUTime) + '\\n'); }); process.argv.splice(1, 0, ${JSON.stringify(CLI)}); await import(${JSON.stringify(CLI)});`;
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', hook, ...args], {encoding: 'utf8', env: {...process.env, RIGHTSIZE_HOME: dir, NO_COLOR: '1'}, maxBuffer: 64 * 1024 * 1024});
  const seconds = (performance.now() - started) / 1000;
  const rss = /MAXRSS (\d+)/.exec(run.stderr)?.[1];
  const cpu = Number(/ CPU (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN) / 1e6;
  const first = (run.stderr.split('\n').find((l) => l.trim() !== '' && !l.startsWith('MAXRSS')) ?? run.stdout.split('\n')[0] ?? '').slice(0, 110);
  return {seconds, cpu, mb: rss ? Number(rss) / 1024 : Number.NaN, status: run.status, first};
}

const days28 = 28;
const hourlyJobs = {id: 'batch', kind: 'jobs', every: 'hour', at: ':00', count: 100_000, vcpuMinutes: 5, memoryGb: 1, deadlineMinutes: 1440};
const events = (id: string): Obj => ({id, kind: 'events', baseRate: 400, cpuMsPerEvent: 50, maxAgeSeconds: 300});
const web = (id: string): Obj => ({id, kind: 'web', baseRps: 300, daily: 'flat', cpuMsPerRequest: 20, sloMs: 300});
const webIds = Array.from({length: 10}, (_, i) => `w${i}`);
const webTiers = webIds.map((id) => ec2(id, 25, {loadBalancer: 'alb'}));

const cases: {name: string; args: () => string[]; work?: () => number}[] = [
  {
    name: 'score: 100,000 jobs an hour, 28 days, 85 × m5.large',
    args: () => ['score', '--level', level('jobs.yaml', {horizonDays: days28, workloads: [hourlyJobs], start: {tiers: [ec2('batch', 1)]}, reference: {tiers: [ec2('batch', 2)]}}), solution('jobs-sol.json', [ec2('batch', 85)])],
  },
  {
    name: 'score: 95,000 jobs an hour on Lambda, 5 days',
    args: () => [
      'score',
      '--level',
      level('lambda-jobs.yaml', {horizonDays: 5, workloads: [{...hourlyJobs, count: 95_000, vcpuMinutes: 1}], start: {tiers: [ec2('batch', 1)]}, reference: {tiers: [ec2('batch', 2)]}}),
      solution('lambda-sol.json', [{workload: 'batch', compute: 'lambda', memoryMb: 2048, timeoutSeconds: 900, trigger: 'schedule'}]),
    ],
  },
  {
    name: 'score: events, 28 days, 95 units',
    args: () => ['score', '--level', level('events.yaml', {horizonDays: days28, workloads: [events('ev')], start: {tiers: [ec2('ev', 1)]}, reference: {tiers: [ec2('ev', 2)]}}), solution('events-sol.json', [ec2('ev', 95)])],
  },
  {
    name: 'score: 10 web workloads × 25 units, 28 days',
    args: () => ['score', '--level', level('web10.yaml', {horizonDays: days28, workloads: webIds.map(web), start: {tiers: webTiers}, reference: {tiers: webTiers}}), solution('web10-sol.json', webTiers)],
  },
  {
    name: 'validate: 10 web workloads × 25 units, 28 days, start + reference + 1 counterexample',
    args: () => ['validate', level('web10-v.yaml', {horizonDays: days28, workloads: webIds.map(web), start: {tiers: webTiers}, reference: {tiers: webTiers}, counterexamples: [{why: 'same', finding: 'single-az', tiers: webTiers}]})],
  },
  {
    name: 'validate: 10 workloads × 200 units, 28 days, 20 counterexamples (over the budget)',
    args: () => {
      const big = webIds.map((id) => ec2(id, 200));
      return ['validate', level('huge.yaml', {horizonDays: days28, workloads: webIds.map(web), start: {tiers: big}, reference: {tiers: big}, counterexamples: Array.from({length: 20}, () => ({why: 'x', finding: 'single-az', tiers: big}))})];
    },
  },
  {
    name: 'validate: 1 MB of nested brackets',
    args: () => {
      const unit = `${'['.repeat(30)}${']'.repeat(30)},`;
      const path = join(dir, 'brackets.yaml');
      writeFileSync(path, `x: [${unit.repeat(Math.floor((1024 * 1024 - 10) / unit.length))}[]]\n`);
      return ['validate', path];
    },
  },
  {
    name: 'validate: 49,000 values in one file (just under the node bound)',
    args: () => {
      const path = join(dir, 'n49k.yaml');
      writeFileSync(path, `x: [${'[],'.repeat(49_000)}[]]\n`);
      return ['validate', path];
    },
  },
];

console.log(`worst shapes within the limits (run budget ${RUN_WORK_BUDGET / 1e6} million work units, level budget ${LEVEL_WORK_BUDGET / 1e6} million):`);
try {
  for (const c of cases) {
    const args = c.args();
    const levelFile = args[0] === 'score' ? args[2] : args[1];
    let work = '';
    if (args[0] === 'score' && levelFile) {
      const loaded = loadLevelFile(levelFile);
      const sol = JSON.parse(readFileSync(args[3] ?? '', 'utf8')) as {tiers: never[]};
      if (loaded.ok) work = `, ${(estimateWork(loaded.value, sol.tiers).total / 1e6).toFixed(1)} M units`;
    }
    const m = measure(args);
    console.log(`  ${c.name}: ${m.seconds.toFixed(2)} s wall, ${m.cpu.toFixed(2)} s CPU, ${m.mb.toFixed(0)} MB peak, exit ${m.status}${work}`);
    console.log(`    ${m.first}`);
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}
