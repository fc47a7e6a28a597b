import {describe, expect, it} from 'vitest';
import {checkSolution, nearestNames} from '../../src/engine/check.js';
import {withDefaults} from '../../src/engine/defaults.js';
import type {Level, Solution, Tier, Workload} from '../../src/engine/types.js';
import {FEATURES} from '../../src/engine/vocab.js';

const web: Workload = {id: 'web', kind: 'web', baseRps: 40, daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0, cpuMsPerRequest: 20, sloMs: 300};
const batch: Workload = {id: 'batch', kind: 'jobs', every: 'day', at: '02:00', count: 1, vcpuMinutes: 10, memoryGb: 1, deadlineMinutes: 120, parallelizable: false};

type PartialTier = Parameters<typeof withDefaults>[0];
const tier = (t: object): Tier => withDefaults(t as PartialTier);

const startWeb = tier({workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 1, azs: ['a']});
const startBatch = tier({workload: 'batch', compute: 'ecs', launchType: 'fargate', task: {vcpu: 1, memoryGb: 2}});

function makeLevel(patch: Partial<Level> = {}): Level {
  return {
    formatVersion: 1,
    id: 'stay-up',
    title: 'Stay up',
    chapter: 'mixed',
    concepts: [],
    exam: [],
    briefing: '',
    horizonDays: 1,
    seed: 1,
    workloads: [web, batch],
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings: []},
    incidents: [],
    allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: [...FEATURES]},
    start: {tiers: [startWeb, startBatch]},
    objectives: [],
    hints: [],
    debrief: '',
    reference: {tiers: []},
    counterexamples: [],
    quiz: [],
    ...patch,
  };
}

const solution = (tiers: Tier[], level = 'stay-up'): Solution => ({formatVersion: 1, level, tiers});
const withWeb = (patch: object): Tier[] => [tier({...startWeb, ...patch}), startBatch];
const withBatch = (patch: object): Tier[] => [startWeb, tier({...startBatch, ...patch})];
const onlyFeatures = (...features: Level['allow']['features']): Level => makeLevel({allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features}});

interface Row {
  name: string;
  level?: Level;
  solution: Solution;
  /** Each expected problem: its path and words its message must contain. */
  problems: {path: (string | number)[]; says: string}[];
}

describe('checkSolution', () => {
  it.each<Row>([
    {name: 'the start build is valid', solution: solution([startWeb, startBatch]), problems: []},
    {name: 'a solution for another level', solution: solution([startWeb, startBatch], 'other'), problems: [{path: ['level'], says: 'set level: stay-up'}]},
    {
      name: 'a tier for an unknown workload',
      solution: solution([startWeb, startBatch, tier({...startWeb, workload: 'api'})]),
      problems: [{path: ['tiers', 2, 'workload'], says: 'use web or batch'}],
    },
    {name: 'a workload with no tier', solution: solution([startWeb]), problems: [{path: ['tiers'], says: 'workload "batch" has no tier'}]},
    {
      name: 'a workload with two tiers',
      solution: solution([startWeb, startBatch, startWeb]),
      problems: [{path: ['tiers', 2, 'workload'], says: 'already has a tier (tiers[0])'}],
    },
    {
      name: 'compute the level does not allow',
      level: makeLevel({allow: {compute: ['ec2', 'ecs'], features: [...FEATURES]}}),
      solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule'})]),
      problems: [{path: ['tiers', 1, 'compute'], says: 'use ec2 or ecs'}],
    },
    {name: 'a misspelt instance type', solution: solution(withWeb({instanceType: 'm5.larg'})), problems: [{path: ['tiers', 0, 'instanceType'], says: 'did you mean m5.large'}]},
    {name: 'a wrong-case instance type', solution: solution(withWeb({instanceType: 'T3.Small'})), problems: [{path: ['tiers', 0, 'instanceType'], says: 'did you mean t3.small'}]},
    {
      name: 'a type the level does not offer',
      level: makeLevel({allow: {compute: ['ec2', 'ecs'], features: [...FEATURES], instanceTypes: ['t3.small', 't3.medium']}}),
      solution: solution(withWeb({instanceType: 'm5.large'})),
      problems: [{path: ['tiers', 0, 'instanceType'], says: 'use one of t3.small, t3.medium'}],
    },
    {
      name: 'an unknown type suggests from the level\u2019s own list',
      level: makeLevel({allow: {compute: ['ec2', 'ecs'], features: [...FEATURES], instanceTypes: ['t3.small', 't3.medium']}}),
      solution: solution(withWeb({instanceType: 't3.smal'})),
      problems: [{path: ['tiers', 0, 'instanceType'], says: 'did you mean t3.small, t3.medium?'}],
    },
    {
      name: 'a feature the level does not allow, changed',
      level: onlyFeatures('instanceType'),
      solution: solution(withWeb({count: 2})),
      problems: [{path: ['tiers', 0, 'count'], says: 'feature "count" is not allowed here): set it back to 1'}],
    },
    {name: 'a feature the level does not allow, unchanged', level: onlyFeatures(), solution: solution([startWeb, startBatch]), problems: []},
    {
      name: 'adding scaling needs autoScaling',
      level: onlyFeatures('count'),
      solution: solution(withWeb({scaling: {min: 1, max: 3, targetCpu: 0.5}})),
      problems: [{path: ['tiers', 0, 'scaling'], says: 'feature "autoScaling"'}],
    },
    {name: 'a second AZ needs multiAz', level: onlyFeatures('count'), solution: solution(withWeb({azs: ['a', 'b']})), problems: [{path: ['tiers', 0, 'azs'], says: 'set it back to ["a"]'}]},
    {
      name: 'security covers inbound and identity',
      level: onlyFeatures('network'),
      solution: solution(withWeb({inbound: ['https'], identity: 'access-keys'})),
      problems: [
        {path: ['tiers', 0, 'inbound'], says: 'feature "security"'},
        {path: ['tiers', 0, 'identity'], says: 'feature "security"'},
      ],
    },
    {
      name: 'Fargate task size needs taskSize',
      level: onlyFeatures('count'),
      solution: solution(withBatch({task: {vcpu: 2, memoryGb: 4}})),
      problems: [{path: ['tiers', 1, 'task'], says: 'feature "taskSize"'}],
    },
    {
      name: 'a cluster instance type needs instanceType',
      level: onlyFeatures('count'),
      solution: solution(withBatch({launchType: 'ec2', cluster: {instanceType: 'm5.large', count: 1}})),
      problems: [{path: ['tiers', 1, 'cluster', 'instanceType'], says: 'feature "instanceType"'}],
    },
    {
      name: 'a new compute kind is compared with its defaults',
      level: onlyFeatures(),
      solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', memoryMb: 2048})]),
      problems: [{path: ['tiers', 1, 'memoryMb'], says: 'set it back to 128'}],
    },
    {
      name: 'ECS to EKS keeps the container start values',
      level: onlyFeatures(),
      solution: solution([startWeb, tier({...startBatch, compute: 'eks'})]),
      problems: [],
    },
    {name: 'Fargate: 1 vCPU with 1 GB', solution: solution(withBatch({task: {vcpu: 1, memoryGb: 1}})), problems: [{path: ['tiers', 1, 'task', 'memoryGb'], says: 'takes 2, 3, 4, 5, 6, 7 or 8 GB'}]},
    {name: 'Fargate: 3 vCPU', solution: solution(withBatch({task: {vcpu: 3, memoryGb: 6}})), problems: [{path: ['tiers', 1, 'task', 'vcpu'], says: 'has 0.25, 0.5, 1, 2, 4, 8 or 16 vCPU'}]},
    {name: 'Fargate: 16 vCPU with 120 GB is valid', solution: solution(withBatch({task: {vcpu: 16, memoryGb: 120}})), problems: []},
    {name: 'Lambda memory below 128 MB', solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', memoryMb: 64})]), problems: [{path: ['tiers', 1, 'memoryMb'], says: '128–10240 MB in 1 MB steps, not 64'}]},
    {name: 'Lambda memory above 10,240 MB', solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', memoryMb: 10241})]), problems: [{path: ['tiers', 1, 'memoryMb'], says: 'not 10241'}]},
    {name: 'Lambda memory in fractions of a MB', solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', memoryMb: 1769.5})]), problems: [{path: ['tiers', 1, 'memoryMb'], says: 'in 1 MB steps, not 1769.5'}]},
    {name: 'Lambda at exactly 10,240 MB and 900 s', solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', memoryMb: 10240, timeoutSeconds: 900})]), problems: []},
    {name: 'Lambda timeout past 900 s', solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', timeoutSeconds: 901})]), problems: [{path: ['tiers', 1, 'timeoutSeconds'], says: 'at most 900 s'}]},
    {
      name: 'provisioned above reserved concurrency',
      solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', reservedConcurrency: 10, provisionedConcurrency: 11})]),
      problems: [{path: ['tiers', 1, 'provisionedConcurrency'], says: 'above the reserved concurrency 10'}],
    },
    {
      name: 'reserved concurrency past 1,000 − 100',
      solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', reservedConcurrency: 901})]),
      problems: [{path: ['tiers', 1, 'reservedConcurrency'], says: 'above 900'}],
    },
    {name: 'reserved concurrency of exactly 900', solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', reservedConcurrency: 900, provisionedConcurrency: 900})]), problems: []},
    {
      name: 'provisioned past 900 without a reservation',
      solution: solution([startWeb, tier({workload: 'batch', compute: 'lambda', trigger: 'schedule', provisionedConcurrency: 901})]),
      problems: [{path: ['tiers', 1, 'provisionedConcurrency'], says: 'above 900'}],
    },
    {name: 'scaling min above max', solution: solution(withWeb({scaling: {min: 4, max: 2, targetCpu: 0.5}})), problems: [{path: ['tiers', 0, 'scaling', 'min'], says: 'min 4 is above max 2'}]},
    {name: 'target CPU of 0', solution: solution(withWeb({scaling: {min: 1, max: 2, targetCpu: 0}})), problems: [{path: ['tiers', 0, 'scaling', 'targetCpu'], says: 'between 0 and 1'}]},
    {name: 'target CPU of 1', solution: solution(withWeb({scaling: {min: 1, max: 2, targetCpu: 1}})), problems: [{path: ['tiers', 0, 'scaling', 'targetCpu'], says: 'between 0 and 1'}]},
    {name: 'target CPU given in percent', solution: solution(withBatch({scaling: {min: 1, max: 2, targetCpu: 60}})), problems: [{path: ['tiers', 1, 'scaling', 'targetCpu'], says: '0.6 for 60%'}]},
    {name: 'ECS on EC2 without a cluster', solution: solution(withBatch({launchType: 'ec2'})), problems: [{path: ['tiers', 1, 'cluster'], says: 'add cluster'}]},
    {
      name: 'a task larger than the cluster instance',
      solution: solution(withBatch({launchType: 'ec2', task: {vcpu: 4, memoryGb: 8}, cluster: {instanceType: 't3.small', count: 2}})),
      problems: [{path: ['tiers', 1, 'task'], says: 'does not fit on a t3.small (2 vCPU; 2 GiB, of which ECS registers 1,996 MiB for tasks)'}],
    },
    {
      name: 'ECS on EC2 skips the Fargate size rule',
      solution: solution(withBatch({launchType: 'ec2', task: {vcpu: 1, memoryGb: 1}, cluster: {instanceType: 'm5.large', count: 1}})),
      problems: [],
    },
    {
      name: 'a misspelt cluster instance type',
      solution: solution(withBatch({launchType: 'ec2', cluster: {instanceType: 'm5.lrage', count: 1}})),
      problems: [{path: ['tiers', 1, 'cluster', 'instanceType'], says: 'did you mean m5.large'}],
    },
  ])('$name', ({level, solution: s, problems}) => {
    const found = checkSolution(level ?? makeLevel(), s);
    expect(found.map((p) => p.path)).toEqual(problems.map((p) => p.path));
    problems.forEach((p, i) => expect(found[i]?.message).toContain(p.says));
  });
});

describe('nearestNames', () => {
  it.each([
    {name: 'one letter missing', input: 'm5.larg', first: 'm5.large'},
    {name: 'swapped letters', input: 't3.smlal', first: 't3.small'},
    {name: 'wrong generation', input: 'm6g.large', first: 'm6i.large'},
  ])('$name', ({input, first}) => {
    expect(nearestNames(input, ['t3.small', 'm5.large', 'm6i.large', 'c5.large'])[0]).toBe(first);
  });
  it('returns at most three, ties in name order', () => {
    expect(nearestNames('x', ['c', 'b', 'a', 'd'])).toEqual(['a', 'b', 'c']);
  });
});
