// The level author's search (#14): the space of builds a level allows, the lessons a counterexample stands for,
// and the search itself (deterministic, the same on one thread or two), on a level that can be dodged.
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {levelsDir, loadCampaign, loadLevelFile} from '../../src/content/index.js';
import {canonicalJson, withDefaults, type Level, type Tier} from '../../src/engine/index.js';
import {ScorePool} from '../../src/cli/search/pool.js';
import {flow} from '../../src/cli/search/report.js';
import {diffTiers, lessonsOf, searchLevel, sharesFailure, sharesShape, type Scored} from '../../src/cli/search/search.js';
import {allGenomes, buildSpace, canonicalBuild, decode, encode, spaceSize} from '../../src/cli/search/space.js';
import {fixture, useCli} from './run.js';

const PINNED = fixture('pinned/pinned-az.yaml');

function load(path: string): Level {
  const loaded = loadLevelFile(path);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => p.message).join('\n'));
  return loaded.value;
}

const shipped = (): Level[] => {
  const campaign = loadCampaign(levelsDir());
  if (!campaign.ok) throw new Error('the shipped campaign does not load');
  return campaign.value.levels;
};

/** Without the fields a run ignores, as the search compares builds. */
const normal = (tiers: readonly Tier[]): string => canonicalJson(canonicalBuild(tiers));

describe('the space of builds a level allows', () => {
  it.each(shipped().map((level) => ({name: level.id, level})))('$name: every named build (start, reference, counterexamples) is a point of its space', ({level}) => {
    const space = buildSpace(level);
    for (const tiers of [level.start.tiers, level.reference.tiers, ...level.counterexamples.map((c) => c.tiers)]) {
      expect(normal(decode(space, encode(space, tiers)))).toBe(normal(tiers));
    }
  });

  it('a field no allowed feature governs is not a dimension: Stay Up never varies the instance type', () => {
    const level = load(join(levelsDir(), '01-stay-up.yaml'));
    const paths = buildSpace(level)[0]?.choices[0]?.dimensions.map((d) => d.path.join('.'));
    expect(paths).not.toContain('instanceType');
    expect(paths).toEqual(expect.arrayContaining(['count', 'scaling', 'azs', 'image', 'loadBalancer', 'network', 'inbound', 'identity']));
  });
});

describe('a small space is counted and searched whole', () => {
  const lightsOut = (): Level => load(join(levelsDir(), '06-lights-out.yaml'));

  it('every genome of Lights Out (schedule × encrypted root): six, all different builds', () => {
    const space = buildSpace(lightsOut());
    const genomes = allGenomes(space, 1000) ?? [];
    expect(spaceSize(space)).toBe(6);
    expect(new Set(genomes.map((g) => normal(decode(space, g)))).size).toBe(6);
    expect(allGenomes(space, 5)).toBeUndefined();
  });

  it('the search scores all six, and the reference counts as a 3-star build (it is the cheapest, not "no 3-star build")', async () => {
    const level = lightsOut();
    const report = await searchLevel(level, new ScorePool(1).scorer(level), {budget: 50});
    expect(report).toMatchObject({exhaustive: true, spaceSize: 6, spaceBuilds: 6, scored: 6});
    expect(report.threeStar).toBeGreaterThanOrEqual(1);
    expect(diffTiers(level.reference.tiers, report.cheapest?.tiers ?? [])).toEqual([]);
  });

  it('a budget smaller than the space samples it instead', async () => {
    const level = lightsOut();
    const report = await searchLevel(level, new ScorePool(1).scorer(level), {budget: 4});
    expect(report).toMatchObject({exhaustive: false, spaceBuilds: 6, scored: 4});
  });
});

describe('a counterexample as a lesson', () => {
  const ec2 = (partial: object): Tier => withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.small', ...partial} as Parameters<typeof withDefaults>[0]);
  const reference = [ec2({scaling: {min: 2, max: 4, targetCpu: 0.6}, azs: ['a', 'b'], loadBalancer: 'alb'})];
  const counter = [ec2({count: 2, azs: ['a', 'b'], loadBalancer: 'alb'})];

  it('the fields where it differs from the reference: a fixed count of 2 instead of scaling', () => {
    expect(diffTiers(reference, counter).map((d) => `${d.workload}.${d.field}: ${flow(d.from)} → ${flow(d.to)}`)).toEqual([
      'web.scaling: {min: 2, max: 4, targetCpu: 0.6} → unset',
      'web.count: unset → 2',
    ]);
  });

  it.each([
    {name: 'the counterexample itself shares its shape', tiers: counter, shares: true},
    {name: 'the same mistake in other AZs still shares it (AZs are not part of this lesson)', tiers: [ec2({count: 2, azs: ['c', 'd'], loadBalancer: 'alb'})], shares: true},
    {name: 'a fixed count of 3 does not share it', tiers: [ec2({count: 3, azs: ['a', 'b'], loadBalancer: 'alb'})], shares: false},
    {name: 'the reference does not share it', tiers: reference, shares: false},
  ])('$name', ({tiers, shares}) => {
    const none: Scored = {stars: 3, points: 1000, monthlyCostUsd: 1, findings: []};
    const level = {reference: {tiers: reference}, counterexamples: [{why: 'fixed count', finding: 'instance-not-replaced', tiers: counter}]} as unknown as Level;
    const [lesson] = lessonsOf(level, none);
    expect(sharesShape(tiers, lesson as NonNullable<typeof lesson>)).toBe(shares);
  });
});

describe('a build shares a counterexample\'s mistake only if it shares what makes it fail', () => {
  const spare = (): Level => load(join(levelsDir(), '16-spare-change.yaml'));
  const scoreOn = (level: Level) => {
    const scorer = new ScorePool(1).scorer(level);
    return (builds: Tier[][]) => scorer(builds, level.seed);
  };
  const fargate = (partial: object): Tier[] => [
    {workload: 'render', compute: 'ecs', launchType: 'fargate', task: {vcpu: 1, memoryGb: 2}, tasks: 7, spot: true, architecture: 'arm', azs: ['a'], network: 'private', ...partial} as Tier,
  ];

  it('eight 1-vCPU Spot tasks share the task size of "seven 1-vCPU Spot tasks" but not its failure: eight finish on time', async () => {
    const level = spare();
    const [lesson] = lessonsOf(level, {stars: 3, points: 1000, monthlyCostUsd: 40, findings: []});
    const eight = fargate({tasks: 8});
    expect(sharesShape(eight, lesson!)).toBe(true);
    expect(await sharesFailure(level, lesson!, eight, scoreOn(level))).toBe(false);
  });

  it('the counterexample itself, and the same seven tasks in another AZ, share it', async () => {
    const level = spare();
    const [lesson] = lessonsOf(level, {stars: 3, points: 1000, monthlyCostUsd: 40, findings: []});
    expect(await sharesFailure(level, lesson!, fargate({}), scoreOn(level))).toBe(true);
    expect(await sharesFailure(level, lesson!, fargate({azs: ['b']}), scoreOn(level))).toBe(true);
  });

  it('a build two changes away, neither of which alone rescues the counterexample, shares it (on a scorer that says so)', async () => {
    const level = spare();
    const [lesson] = lessonsOf(level, {stars: 3, points: 1000, monthlyCostUsd: 40, findings: []});
    // Only both changes together would pass: each one alone leaves the counterexample failing with its finding.
    const failing: Scored = {stars: 0, points: 0, monthlyCostUsd: 40, findings: ['jobs-missed-deadline']};
    const asked: Tier[][] = [];
    const fake = async (builds: Tier[][]) => {
      asked.push(...builds);
      return builds.map(() => failing);
    };
    expect(await sharesFailure(level, lesson!, fargate({azs: ['b'], architecture: 'x86'}), fake)).toBe(true);
    expect(asked).toHaveLength(2);
    const passing = async (builds: Tier[][]) => builds.map((): Scored => ({...failing, stars: 1}));
    expect(await sharesFailure(level, lesson!, fargate({azs: ['b'], architecture: 'x86'}), passing)).toBe(false);
  });

  it('the search no longer flags Spare Change for builds with the task size of the seven-task counterexample', async () => {
    const level = spare();
    const report = await searchLevel(level, new ScorePool(1).scorer(level), {budget: 200});
    expect(report.dodges.filter((d) => d.kind === 'shape')).toEqual([]);
    expect(report.shapeChecks).toBeGreaterThan(0);
  });
});

describe('the search', () => {
  const level = load(PINNED);

  it('finds the dodge of a pinned AZ: a 3-star build that stays out of AZ a and raises single-az', async () => {
    const pool = new ScorePool(1);
    const report = await searchLevel(level, pool.scorer(level), {budget: 60});
    const dodge = report.dodges.find((d) => d.kind === 'finding' && d.lesson?.finding === 'single-az');
    expect(dodge).toBeDefined();
    const web = dodge?.tiers[0] as Tier & {azs: string[]};
    expect(web.azs).not.toContain('a');
    expect(dodge?.scored.stars).toBe(3);
    expect(report.scored).toBe(60);
  });

  it('is deterministic: the same arguments give the same report, on one thread or on two worker threads', async () => {
    const one = new ScorePool(1);
    const two = new ScorePool(2);
    try {
      const a = await searchLevel(level, one.scorer(level), {budget: 40});
      const b = await searchLevel(level, one.scorer(level), {budget: 40});
      const c = await searchLevel(level, two.scorer(level), {budget: 40});
      expect(canonicalJson(b)).toBe(canonicalJson(a));
      expect(canonicalJson(c)).toBe(canonicalJson(a));
    } finally {
      await two.close();
    }
  }, 120_000);
});

describe('rightsize validate --search', () => {
  const cli = useCli();

  it('prints each dodge as a diff against the reference with the lesson it skips, and exits 1', () => {
    const run = cli.run(['validate', '--search', '40', '--workers', '1', PINNED]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^search .*pinned-az\.yaml: 40 builds scored .* at 3 stars/);
    expect(run.stdout).toMatch(/✗ \d+ three-star builds? raise single-az and still win: counterexample 0 \("one instance in one AZ"\) is dodged/);
    expect(run.stdout).toMatch(/web\.azs: \[a, b\] → \[[b-f](, [b-f])*\]/);
    expect(run.stdout).toMatch(/the cheapest 3-star build found: \$\d+\.\d\d/);
    expect(run.stderr).toMatch(/incidents\[0\]\.az: warning: a pinned AZ can be dodged/);
  });

  it('a bad count is a usage error (exit 2)', () => {
    const run = cli.run(['validate', '--search', '40', '--workers', '0', PINNED]);
    expect(run.status).toBe(2);
  });
});
