import {describe, expect, it} from 'vitest';
import {CATALOG} from '../../src/engine/catalog.js';
import {withDefaults} from '../../src/engine/defaults.js';
import {lambdaWorkSeconds, staticFindings} from '../../src/engine/findings-static.js';
import type {LambdaTier, Level, Tier, Workload} from '../../src/engine/types.js';
import {FINDING_CONCEPT, FINDING_IDS, type FindingId} from '../../src/engine/vocab.js';

const web: Workload = {id: 'web', kind: 'web', baseRps: 40, daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0, cpuMsPerRequest: 20, sloMs: 300};
const batch: Workload = {id: 'batch', kind: 'jobs', every: 'day', at: '02:00', count: 1, vcpuMinutes: 40, memoryGb: 1, deadlineMinutes: 120, parallelizable: false};
const events: Workload = {id: 'uploads', kind: 'events', source: 's3', baseRate: 5, daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0, cpuMsPerEvent: 200, maxAgeSeconds: 60};

function makeLevel(patch: Partial<Level> = {}): Level {
  return {
    formatVersion: 1,
    id: 'test-level',
    title: 'Test level',
    chapter: 'mixed',
    concepts: [],
    exam: [],
    briefing: '',
    horizonDays: 1,
    seed: 1,
    workloads: [web, batch, events],
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings: []},
    incidents: [],
    allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: []},
    start: {tiers: []},
    objectives: [],
    hints: [],
    debrief: '',
    reference: {tiers: []},
    counterexamples: [],
    quiz: [],
    ...patch,
  };
}

// A web tier with nothing to say about it except the servers someone patches.
const goodWeb = {workload: 'web', compute: 'ec2', instanceType: 'm5.large', count: 2, azs: ['a', 'b'], loadBalancer: 'alb', network: 'private'} as const;
const ec2 = (patch: object = {}): Tier => withDefaults({...goodWeb, ...patch} as unknown as Parameters<typeof withDefaults>[0]);
const fargate = (patch: object = {}): Tier =>
  withDefaults({workload: 'web', compute: 'ecs', launchType: 'fargate', tasks: 2, azs: ['a', 'b'], loadBalancer: 'alb', network: 'private', ...patch} as Parameters<typeof withDefaults>[0]);
const lambda = (patch: object = {}): Tier => withDefaults({workload: 'batch', compute: 'lambda', memoryMb: 1769, timeoutSeconds: 900, ...patch} as Parameters<typeof withDefaults>[0]);
const byol = makeLevel({requirements: {license: 'per-socket-byol', forbidFindings: []}});
const customerData = makeLevel({data: {customerData: true}});

describe('staticFindings: which findings a build raises', () => {
  it.each<{name: string; level?: Level; tiers: Tier[]; ids: FindingId[]}>([
    {name: 'two AZs behind an ALB: only servers to patch', tiers: [ec2()], ids: ['servers-to-patch']},
    {name: 'two instances in one AZ', tiers: [ec2({azs: ['a']})], ids: ['single-az', 'servers-to-patch']},
    {name: 'the same AZ listed twice is still one AZ', tiers: [ec2({azs: ['b', 'b']})], ids: ['single-az', 'servers-to-patch']},
    {name: 'one instance in one AZ', tiers: [ec2({count: 1, azs: ['a'], loadBalancer: 'none'})], ids: ['single-az', 'single-instance', 'servers-to-patch']},
    {name: 'an ASG with max 1 is a single instance', tiers: [ec2({scaling: {min: 1, max: 1, targetCpu: 0.5}, image: 'golden'})], ids: ['single-instance', 'servers-to-patch']},
    {name: 'two instances, no load balancer', tiers: [ec2({loadBalancer: 'none'})], ids: ['no-load-balancer', 'servers-to-patch']},
    {name: 'an ASG that can grow past 1 needs a load balancer', tiers: [ec2({count: 1, scaling: {min: 1, max: 4, targetCpu: 0.5}, image: 'golden', loadBalancer: 'none'})], ids: ['no-load-balancer', 'servers-to-patch']},
    {name: 'default VPC without customer data is fine', tiers: [ec2({network: 'default-vpc'})], ids: ['servers-to-patch']},
    {name: 'customer data on EC2 in the default VPC', level: customerData, tiers: [ec2({network: 'default-vpc', inbound: ['https']})], ids: ['customer-data-in-default-vpc', 'servers-to-patch']},
    {name: 'customer data over plain HTTP only (#14)', level: customerData, tiers: [ec2({inbound: ['http']})], ids: ['servers-to-patch', 'customer-data-over-http']},
    {name: 'customer data with HTTP beside HTTPS (a redirect) is encrypted', level: customerData, tiers: [ec2({inbound: ['http', 'https']})], ids: ['servers-to-patch']},
    {name: 'plain HTTP without customer data raises nothing', tiers: [ec2({inbound: ['http']})], ids: ['servers-to-patch']},
    {name: 'customer data on Fargate in the default VPC', level: customerData, tiers: [fargate({network: 'default-vpc'})], ids: ['customer-data-in-default-vpc']},
    {name: 'customer data in private subnets', level: customerData, tiers: [ec2({inbound: ['https']}), fargate()], ids: ['servers-to-patch']},
    {name: 'SSH open to the world', tiers: [ec2({inbound: ['https', 'ssh-anywhere']})], ids: ['ssh-open-to-world', 'servers-to-patch']},
    {name: 'access keys on the instance', tiers: [ec2({identity: 'access-keys'})], ids: ['access-keys-on-instance', 'servers-to-patch']},
    {name: 'per-socket BYOL on on-demand EC2', level: byol, tiers: [ec2()], ids: ['license-not-compliant', 'servers-to-patch']},
    {name: 'per-socket BYOL on a dedicated instance', level: byol, tiers: [ec2({purchase: 'dedicated-instance'})], ids: ['license-not-compliant', 'servers-to-patch']},
    {name: 'per-socket BYOL on a dedicated host', level: byol, tiers: [ec2({purchase: 'dedicated-host'})], ids: ['servers-to-patch']},
    {name: 'per-socket BYOL on Fargate', level: byol, tiers: [fargate()], ids: ['license-not-compliant']},
    {name: 'per-socket BYOL on Lambda', level: byol, tiers: [lambda({workload: 'uploads'})], ids: ['license-not-compliant']},
    {
      name: 'per-socket BYOL on ECS with a dedicated-host cluster',
      level: byol,
      tiers: [fargate({launchType: 'ec2', cluster: {instanceType: 'm5.large', count: 2, purchase: 'dedicated-host'}})],
      ids: ['servers-to-patch'],
    },
    {
      name: 'per-socket BYOL on ECS with an on-demand cluster',
      level: byol,
      tiers: [fargate({launchType: 'ec2', cluster: {instanceType: 'm5.large', count: 2}})],
      ids: ['license-not-compliant', 'servers-to-patch'],
    },
    {name: 'a 40-minute job on a 1-vCPU Lambda', tiers: [lambda()], ids: ['lambda-timeout-wall']},
    {name: 'a 10-minute job on a 1-vCPU Lambda fits in 900 s', tiers: [lambda()], level: makeLevel({workloads: [{...batch, vcpuMinutes: 10}]}), ids: []},
    {name: 'a 10-minute job on 128 MB needs far more than 900 s', tiers: [lambda({memoryMb: 128})], level: makeLevel({workloads: [{...batch, vcpuMinutes: 10}]}), ids: ['lambda-timeout-wall']},
    {name: 'a 10-minute job past a 300 s timeout', tiers: [lambda({timeoutSeconds: 300})], level: makeLevel({workloads: [{...batch, vcpuMinutes: 10}]}), ids: ['lambda-timeout-wall']},
    {
      name: 'a parallel 10-minute job on 10,240 MB fits in 120 s',
      tiers: [lambda({memoryMb: 10240, timeoutSeconds: 120})],
      level: makeLevel({workloads: [{...batch, vcpuMinutes: 10, parallelizable: true}]}),
      ids: [],
    },
    {
      name: 'the same job single-threaded does not fit in 120 s',
      tiers: [lambda({memoryMb: 10240, timeoutSeconds: 120})],
      level: makeLevel({workloads: [{...batch, vcpuMinutes: 10, parallelizable: false}]}),
      ids: ['lambda-timeout-wall'],
    },
    {name: 'a 200 ms event past a 3 s timeout on 128 MB', tiers: [lambda({workload: 'uploads', memoryMb: 128, timeoutSeconds: 1})], ids: ['lambda-timeout-wall']},
    {name: 'hibernate on an encrypted m5.large', tiers: [ec2({schedule: 'office-hours-hibernate', encryptedRoot: true})], ids: ['servers-to-patch']},
    {name: 'hibernate without an encrypted root', tiers: [ec2({schedule: 'office-hours-hibernate'})], ids: ['hibernate-not-supported', 'servers-to-patch']},
    // checkSolution refuses this build (engine/check.ts): no finding pretends it runs as a stop.
    {name: 'hibernate in an Auto Scaling group: refused, not a finding', tiers: [ec2({schedule: 'office-hours-hibernate', encryptedRoot: true, image: 'golden', scaling: {min: 2, max: 4, targetCpu: 0.5}})], ids: ['servers-to-patch']},
    {name: 'stop (not hibernate) needs nothing', tiers: [ec2({schedule: 'office-hours-stop'})], ids: ['servers-to-patch']},
    {name: 'an ASG from a stock AMI boots slowly', tiers: [ec2({scaling: {min: 2, max: 4, targetCpu: 0.5}})], ids: ['slow-boot-stock-ami', 'servers-to-patch']},
    {name: 'an ASG from a golden AMI', tiers: [ec2({scaling: {min: 2, max: 4, targetCpu: 0.5}, image: 'golden'})], ids: ['servers-to-patch']},
    {name: 'a jobs tier in one AZ is not a single-az finding', tiers: [ec2({workload: 'batch', azs: ['a'], count: 2, loadBalancer: 'none'})], ids: ['servers-to-patch']},
    {name: 'Fargate tasks in one AZ', tiers: [fargate({azs: ['c']})], ids: ['single-az']},
    {name: 'one Fargate task is not a single instance', tiers: [fargate({tasks: 1})], ids: []},
    {name: 'Fargate tasks without a load balancer', tiers: [fargate({loadBalancer: 'none'})], ids: ['no-load-balancer']},
    {name: 'EKS on EC2 has servers to patch', tiers: [fargate({compute: 'eks', launchType: 'ec2', cluster: {instanceType: 'm5.large', count: 3}})], ids: ['servers-to-patch', 'eks-cluster-fee']},
    {name: 'a tier for an unknown workload raises only workload-free findings', tiers: [ec2({workload: 'nope', azs: ['a']})], ids: ['servers-to-patch']},
  ])('$name', ({level, tiers, ids}) => {
    expect(staticFindings(level ?? makeLevel(), tiers).map((f) => f.id)).toEqual(ids);
  });
});

describe('staticFindings: order, severity, concept, workload', () => {
  const level = makeLevel({data: {customerData: true}, requirements: {license: 'per-socket-byol', forbidFindings: []}});
  const tiers = [lambda({workload: 'uploads', memoryMb: 128, timeoutSeconds: 1}), ec2({azs: ['a'], count: 1, network: 'default-vpc', inbound: ['ssh-anywhere'], identity: 'access-keys'})];
  const findings = staticFindings(level, tiers);

  it('follows tier order, then FINDING_IDS order', () => {
    expect(findings.map((f) => `${f.workload}:${f.id}`)).toEqual([
      'uploads:license-not-compliant',
      'uploads:lambda-timeout-wall',
      'web:single-az',
      'web:single-instance',
      'web:customer-data-in-default-vpc',
      'web:ssh-open-to-world',
      'web:access-keys-on-instance',
      'web:license-not-compliant',
      'web:servers-to-patch',
      // SSH alone admits no web traffic (#14).
      'web:inbound-rule-missing',
    ]);
    const rank = (f: {id: FindingId}) => FINDING_IDS.indexOf(f.id);
    const web = findings.filter((f) => f.workload === 'web');
    expect([...web].sort((a, b) => rank(a) - rank(b))).toEqual(web);
  });

  it.each<{name: string; id: FindingId; severity: string}>([
    {name: 'customer data in the default VPC fails the level', id: 'customer-data-in-default-vpc', severity: 'critical'},
    {name: 'a non-compliant licence fails the level', id: 'license-not-compliant', severity: 'critical'},
    {name: 'SSH from anywhere is a warning', id: 'ssh-open-to-world', severity: 'warning'},
    {name: 'access keys are a warning', id: 'access-keys-on-instance', severity: 'warning'},
    {name: 'the timeout wall is a warning (the run fails the work)', id: 'lambda-timeout-wall', severity: 'warning'},
    {name: 'servers to patch is information', id: 'servers-to-patch', severity: 'info'},
  ])('$name', ({id, severity}) => {
    const finding = findings.find((f) => f.id === id);
    expect(finding?.severity).toBe(severity);
    expect(finding?.concept).toBe(FINDING_CONCEPT[id]);
  });

  it('is deterministic', () => {
    expect(staticFindings(level, tiers)).toEqual(findings);
  });
});

describe('staticFindings: messages carry the numbers', () => {
  const one = (level: Level, tier: Tier, id: FindingId): string => staticFindings(level, [tier]).find((f) => f.id === id)?.message ?? '';
  it.each<{name: string; level?: Level; tier: Tier; id: FindingId; parts: string[]}>([
    {name: 'single-az names the AZ and the count', tier: ec2({azs: ['a'], count: 3}), id: 'single-az', parts: ['3 instances', 'us-east-1a']},
    {name: 'single-az for a lone instance', tier: ec2({azs: ['c'], count: 1}), id: 'single-az', parts: ['The only instance of web runs', 'us-east-1c']},
    {name: 'single-az names a scaling range', tier: ec2({azs: ['b'], image: 'golden', scaling: {min: 2, max: 6, targetCpu: 0.6}}), id: 'single-az', parts: ['2–6 instances', 'us-east-1b']},
    {name: 'no-load-balancer counts the idle units', tier: ec2({count: 4, loadBalancer: 'none'}), id: 'no-load-balancer', parts: ['up to 4 instances', 'other 3']},
    {name: 'timeout wall: 40 vCPU-minutes at 1 vCPU is 2,400 s', tier: lambda(), id: 'lambda-timeout-wall', parts: ['2,400 s', '1,769 MB', '900 s']},
    {name: 'timeout wall names the 900 s cap', tier: lambda({timeoutSeconds: 3600}), id: 'lambda-timeout-wall', parts: ['after 900 s', 'never runs longer than 900 s']},
    {name: 'hibernation names every reason', tier: ec2({schedule: 'office-hours-hibernate'}), id: 'hibernate-not-supported', parts: ['not encrypted']},
    {
      name: 'slow boot gives stock and golden minutes',
      tier: ec2({scaling: {min: 2, max: 4, targetCpu: 0.5}}),
      id: 'slow-boot-stock-ami',
      parts: [
        `${(CATALOG.timings.ec2LaunchSeconds + CATALOG.timings.stockAmiBootSeconds) / 60} min`,
        `${(CATALOG.timings.ec2LaunchSeconds + CATALOG.timings.goldenAmiBootSeconds) / 60} min`,
      ],
    },
    {name: 'servers to patch gives the ops hours', tier: ec2({count: 3}), id: 'servers-to-patch', parts: ['3 EC2 servers', `${3 * CATALOG.timings.opsHoursPerServerMonth} ops hours`]},
    {name: 'servers to patch gives an ASG range', tier: ec2({image: 'golden', scaling: {min: 2, max: 5, targetCpu: 0.5}}), id: 'servers-to-patch', parts: ['2–5 EC2 servers']},
  ])('$name', ({level, tier, id, parts}) => {
    const message = one(level ?? makeLevel(), tier, id);
    for (const part of parts) expect(message).toContain(part);
  });
});

describe('lambdaWorkSeconds', () => {
  const fn = (memoryMb: number) => withDefaults({workload: 'x', compute: 'lambda', memoryMb}) as LambdaTier;
  it.each([
    {name: '40 vCPU-min job at 1 vCPU', workload: batch, memoryMb: 1769, seconds: 2400},
    {name: '40 vCPU-min job at half a vCPU', workload: batch, memoryMb: 884.5, seconds: 4800},
    {name: 'single-threaded job gains nothing above 1 vCPU', workload: batch, memoryMb: 3538, seconds: 2400},
    {name: 'parallel job uses 2 vCPU', workload: {...batch, parallelizable: true}, memoryMb: 3538, seconds: 1200},
    {name: '20 ms request at 1 vCPU', workload: web, memoryMb: 1769, seconds: 0.02},
    {name: '200 ms event at 1/4 vCPU', workload: events, memoryMb: 442.25, seconds: 0.8},
  ])('$name', ({workload, memoryMb, seconds}) => {
    expect(lambdaWorkSeconds(workload as Workload, fn(memoryMb))).toBeCloseTo(seconds, 9);
  });
});
