// Level files: defaults applied from the engine, schema problems and the checks between a level's parts.
import {describe, expect, it} from 'vitest';
import {EC2_DEFAULTS, WEB_DEFAULTS} from '../../src/engine/defaults.js';
import {FEATURES} from '../../src/engine/vocab.js';
import {formatProblem, loadLevelFile, parseLevel} from '../../src/content/index.js';
import {readFileSync} from 'node:fs';

const DIR = 'test/fixtures/levels';
const CONCEPTS = new Set(['availability-zones', 'load-balancer', 'auto-scaling']);

function problemsOf(name: string): string[] {
  const loaded = loadLevelFile(`${DIR}/${name}`, {concepts: CONCEPTS});
  return loaded.ok ? [] : loaded.problems.map((p) => formatProblem(p).replace(`${DIR}/`, ''));
}

describe('a good level', () => {
  const loaded = loadLevelFile(`${DIR}/good-level.yaml`, {concepts: CONCEPTS});
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  const level = loaded.value;
  const web = level.workloads[0];
  const start = level.start.tiers[0];

  it.each([
    {name: 'workload weekly default', actual: web?.kind === 'web' ? web.weekly : undefined, expected: [...WEB_DEFAULTS.weekly]},
    {name: 'workload noise default', actual: web?.kind === 'web' ? web.noise : undefined, expected: WEB_DEFAULTS.noise},
    {name: 'requirements default', actual: level.requirements, expected: {license: 'none', forbidFindings: []}},
    {name: 'start tier purchase default', actual: start?.compute === 'ec2' ? start.purchase : undefined, expected: EC2_DEFAULTS.purchase},
    {name: 'start tier inbound default', actual: start?.compute === 'ec2' ? start.inbound : undefined, expected: [...EC2_DEFAULTS.inbound]},
    {name: 'counterexample tier defaults', actual: level.counterexamples[0]?.tiers[0]?.compute === 'ec2' ? level.counterexamples[0].tiers[0].rootVolumeGb : undefined, expected: EC2_DEFAULTS.rootVolumeGb},
    {name: 'quiz answer', actual: level.quiz[0]?.answer, expected: 1},
  ])('$name', ({actual, expected}) => {
    expect(actual).toEqual(expected);
  });

  it('defaults are fresh arrays, never shared between tiers', () => {
    const a = level.start.tiers[0];
    const b = level.counterexamples[0]?.tiers[0];
    expect(a?.compute === 'ec2' && b?.compute === 'ec2' && a.inbound !== b.inbound).toBe(true);
  });

  it('allow.features absent means every feature', () => {
    const text = readFileSync(`${DIR}/good-level.yaml`, 'utf8').replace(/^allow: .*$/m, 'allow: {compute: [ec2]}');
    const parsed = parseLevel(text, 'l.yaml');
    expect(parsed.ok ? parsed.value.allow.features : parsed.problems.map(formatProblem)).toEqual([...FEATURES]);
  });

  it('the JSON form of the same level parses to the same value', () => {
    const parsed = parseLevel(JSON.stringify(level), 'l.json');
    expect(parsed.ok ? parsed.value : parsed.problems.map(formatProblem)).toEqual(level);
  });
});

describe('bad levels', () => {
  it.each([
    {
      name: 'schema problems, all of them',
      file: 'bad-schema.yaml',
      problems: [
        "bad-schema.yaml:2:5 id: must be a kebab-case id such as stay-up (lowercase letters, digits and single dashes, at most 64 characters) (got 'Bad_Level')",
        "bad-schema.yaml:3:8 title: must be a text of 1 to 100 characters (got '')",
        "bad-schema.yaml:4:10 chapter: must be one of ec2, containers, serverless, buying, mixed (got 'lambda')",
        'bad-schema.yaml:5:11 concepts: must be a list of 1 to 20 items (got 0)',
        "bad-schema.yaml:6:8 exam[0]: must be one of CLF-C02/cloud-concepts, CLF-C02/security, CLF-C02/technology, CLF-C02/billing, SAA-C03/secure, SAA-C03/resilient, SAA-C03/performant, SAA-C03/cost (got 'SAA-C03/resilience', did you mean 'SAA-C03/resilient'?)",
        'bad-schema.yaml:8:14 horizonDays: must be a whole number from 1 to 28 (got 400)',
        "bad-schema.yaml:10:21 workloads[0].kind: must be one of web, jobs, events (got 'website')",
        'bad-schema.yaml:11:44 workloads[1].at: "25:00": hour 25 is past 23',
        'bad-schema.yaml:11:60 workloads[1].count: must be a whole number from 1 to 100000 (got 0)',
        'bad-schema.yaml:12:80 workloads[2].daily: must be a list of exactly 24 items (got 3)',
        'bad-schema.yaml:12:99 workloads[2].weekly: must be a list of exactly 7 items (got 8)',
        "bad-schema.yaml:14:12 incidents[0].kind: must be one of az-outage, instance-failure, spot-interruption, container-crash (got 'meteor')",
        "bad-schema.yaml:15:27 incidents[1].az: must be one of a, b, c, d, e, f (got 'g')",
        'bad-schema.yaml:15:34 incidents[1].at: "someday" is not a time: write "wed 14:00", "day 2 14:00" or "14:00"',
        'bad-schema.yaml:16:16 start.tiers: must be a list of 1 to 10 items (got 0)',
        "bad-schema.yaml:18:14 objectives[0].metric: must be one of availability, p95LatencyMs, monthlyCostUsd, idleCostShare, jobsOnTime, eventsWithinMaxAge, opsHoursPerMonth (got 'uptime')",
        'bad-schema.yaml:23:23 quiz[0].choices: must be a list of 2 to 6 items (got 1)',
        'bad-schema.yaml:23:36 quiz[0].answer: must be a whole number from 0 to 5 (got -1)',
      ],
    },
    {
      name: 'references, catalog, horizon, objectives and quiz',
      file: 'bad-semantics.yaml',
      problems: [
        "bad-semantics.yaml:5:32 concepts[1]: no concept card 'availability-zone' in assets/concepts.yaml — did you mean 'availability-zones'?",
        'bad-semantics.yaml:10:86 workloads[0].spikes[0].at: "fri 09:00" is past the 2-day horizon',
        "bad-semantics.yaml:11:10 workloads[1].id: workload id 'web' is used twice",
        'bad-semantics.yaml:13:34 incidents[0].at: "wed 14:00" is past the 2-day horizon',
        "bad-semantics.yaml:14:40 incidents[1].workload: no workload 'wbe' in this level — did you mean 'web'?",
        "bad-semantics.yaml:15:51 allow.instanceTypes[1]: unknown instance type 't3.huge' (not in assets/catalog.json)",
        "bad-semantics.yaml:17:55 start.tiers[0].instanceType: 't3.large' is not in this level's allow.instanceTypes (t3.small, t3.huge)",
        'bad-semantics.yaml:19:47 objectives[0].gold: gold (0.99) must be at least as good as pass (0.999): for availability, higher is better',
        "bad-semantics.yaml:20:14 objectives[1].metric: metric 'availability' has two objectives",
        "bad-semantics.yaml:24:18 reference.tiers[0].workload: no workload 'api' in this level (workloads: web)",
        "bad-semantics.yaml:24:32 reference.tiers[0].compute: compute 'lambda' is not allowed in this level (allow.compute: ec2)",
        "bad-semantics.yaml:25:51 reference.tiers[1].instanceType: unknown instance type 'm9.large' (not in assets/catalog.json)",
        "bad-semantics.yaml:29:79 counterexamples[0].tiers[1].workload: workload 'web' already has a tier (counterexamples[0].tiers[0]): one tier per workload",
        'bad-semantics.yaml:33:13 quiz[0].answer: answer 2 is not a choice: there are 2 (0 to 1)',
      ],
    },
  ])('$name', ({file, problems}) => {
    expect(problemsOf(file)).toEqual(problems);
  });

  it.each([
    {name: 'without concept ids, concepts are not checked', concepts: undefined, expected: 13},
    {name: 'with concept ids, unknown ones are problems', concepts: CONCEPTS, expected: 14},
  ])('$name', ({concepts, expected}) => {
    const loaded = loadLevelFile(`${DIR}/bad-semantics.yaml`, {concepts});
    expect(loaded.ok ? 0 : loaded.problems.length).toBe(expected);
  });
});

describe('one change to a good level', () => {
  const GOOD = readFileSync(`${DIR}/good-level.yaml`, 'utf8');
  it.each([
    {
      name: 'a daily batch released on a weekday',
      from: '  - {id: web, kind: web, baseRps: 40, daily: business-hours, cpuMsPerRequest: 20, sloMs: 300}\n',
      to: '  - {id: web, kind: web, baseRps: 40, daily: business-hours, cpuMsPerRequest: 20, sloMs: 300}\n  - {id: batch, kind: jobs, every: day, at: "wed 02:00", count: 1, vcpuMinutes: 40, memoryGb: 2, deadlineMinutes: 60}\n',
      problems: [
        'l.yaml:14:45 workloads[1].at: for every: day, write a time of day, such as "02:00" (got "wed 02:00")',
        "l.yaml:20:10 start.tiers: no tier for workload 'batch'",
        "l.yaml:29:5 reference.tiers: no tier for workload 'batch'",
        "l.yaml:40:12 counterexamples[0].tiers: no tier for workload 'batch'",
      ],
    },
    {
      name: 'an hourly batch at a time of day',
      from: '  - {id: web, kind: web, baseRps: 40, daily: business-hours, cpuMsPerRequest: 20, sloMs: 300}\n',
      to: '  - {id: web, kind: jobs, every: hour, at: "02:15", count: 1, vcpuMinutes: 4, memoryGb: 2, deadlineMinutes: 60}\n',
      problems: ['l.yaml:13:44 workloads[0].at: for every: hour, write the minute of the hour, such as ":15" (got "02:15")'],
    },
    {
      name: 'an objective for a kind of workload the level does not have',
      from: '  - {metric: monthlyCostUsd, pass: 150, gold: 90, weight: 2}\n',
      to: '  - {metric: eventsWithinMaxAge, pass: 0.9, gold: 0.99}\n',
      problems: ['l.yaml:22:14 objectives[1].metric: eventsWithinMaxAge needs a events workload, and this level has none'],
    },
    {
      name: 'an incident past the horizon',
      from: 'horizonDays: 7',
      to: 'horizonDays: 1',
      problems: ['l.yaml:16:34 incidents[0].at: "wed 14:00" is past the 1-day horizon'],
    },
  ])('$name', ({from, to, problems}) => {
    expect(GOOD.includes(from)).toBe(true);
    const parsed = parseLevel(GOOD.replace(from, to), 'l.yaml', {concepts: CONCEPTS});
    expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual(problems);
  });
});
