// Free play as a sandbox: any open level with every compute kind and feature unlocked (its own objectives still
// score it), or an empty level built from the player's choices: a workload shape, a budget and incidents.
// Pure: the empty level is written as a level file's data and read through the content parser, so it gets the
// same defaults and checks as a shipped level.
import {COMPUTE_KINDS, FEATURES, type Level} from '../../engine/index.js';
import {parseLevel} from '../../content/index.js';

/** The id of the empty sandbox level (never a campaign level's: ids there are the files' own). */
export const SANDBOX_LEVEL_ID = 'sandbox';

/** A level with nothing locked: every compute kind, every feature, any instance type in the catalog. */
export function unlockAll(level: Level): Level {
  const {instanceTypes: _anyType, ...allow} = level.allow;
  return {...level, allow: {...allow, compute: [...COMPUTE_KINDS], features: [...FEATURES]}};
}

export const SANDBOX_SHAPES = [
  {id: 'web-steady', label: 'web, steady 50 req/s all day'},
  {id: 'web-office', label: 'web, office hours (120 req/s at peak, quiet nights)'},
  {id: 'web-spiky', label: 'web, evening peak with a 10× spike on Wednesday'},
  {id: 'nightly-jobs', label: 'nightly batch: 4 jobs of 30 vCPU-minutes at 02:00'},
  {id: 'event-queue', label: 'events: an SQS queue, 20 messages/s, max age 60 s'},
] as const;
export type SandboxShape = (typeof SANDBOX_SHAPES)[number]['id'];

export const SANDBOX_BUDGETS_USD = [25, 50, 100, 200, 500, 1000] as const;

export const SANDBOX_INCIDENTS = [
  {id: 'none', label: 'none'},
  {id: 'az-outage', label: 'an AZ outage (Wed 14:00, 3 hours)'},
  {id: 'instance-failure', label: 'an instance failure (Tue 10:00)'},
  {id: 'spot-interruption', label: 'a Spot interruption (Thu 11:00, half the Spot units)'},
  {id: 'all', label: 'all three'},
] as const;
export type SandboxIncidents = (typeof SANDBOX_INCIDENTS)[number]['id'];

export interface SandboxSpec {
  shape: SandboxShape;
  budgetUsd: number;
  incidents: SandboxIncidents;
}

export const DEFAULT_SANDBOX: SandboxSpec = {shape: 'web-steady', budgetUsd: 100, incidents: 'none'};

function workloadOf(shape: SandboxShape): Record<string, unknown> {
  switch (shape) {
    case 'web-steady':
      return {id: 'web', kind: 'web', baseRps: 50, daily: 'flat', cpuMsPerRequest: 20, sloMs: 300};
    case 'web-office':
      return {id: 'web', kind: 'web', baseRps: 120, daily: 'business-hours', weekly: [1, 1, 1, 1, 1, 0.3, 0.3], cpuMsPerRequest: 20, sloMs: 300};
    case 'web-spiky':
      return {id: 'web', kind: 'web', baseRps: 40, daily: 'evening-peak', spikes: [{at: 'wed 20:00', minutes: 30, factor: 10}], cpuMsPerRequest: 20, sloMs: 300};
    case 'nightly-jobs':
      return {id: 'jobs', kind: 'jobs', every: 'day', at: '02:00', count: 4, vcpuMinutes: 30, memoryGb: 4, deadlineMinutes: 120};
    case 'event-queue':
      return {id: 'events', kind: 'events', source: 'sqs', baseRate: 20, daily: 'flat', cpuMsPerEvent: 200, maxAgeSeconds: 60};
  }
}

function incidentsOf(choice: SandboxIncidents): Record<string, unknown>[] {
  const outage = {kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180};
  const failure = {kind: 'instance-failure', at: 'tue 10:00', units: 1};
  const spot = {kind: 'spot-interruption', at: 'thu 11:00', share: 0.5};
  switch (choice) {
    case 'none':
      return [];
    case 'az-outage':
      return [outage];
    case 'instance-failure':
      return [failure];
    case 'spot-interruption':
      return [spot];
    case 'all':
      return [outage, failure, spot];
  }
}

/** The objective that fits the workload, then the budget. */
function objectivesOf(shape: SandboxShape, budgetUsd: number): Record<string, unknown>[] {
  const serve =
    shape === 'nightly-jobs'
      ? {metric: 'jobsOnTime', pass: 1, gold: 1, weight: 2}
      : shape === 'event-queue'
        ? {metric: 'eventsWithinMaxAge', pass: 0.99, gold: 0.999, weight: 2}
        : {metric: 'availability', pass: 0.99, gold: 0.999, weight: 2};
  return [serve, {metric: 'monthlyCostUsd', pass: budgetUsd, gold: Math.round(budgetUsd * 0.6), weight: 1}];
}

export function describeSandbox(spec: SandboxSpec): string {
  const shape = SANDBOX_SHAPES.find((s) => s.id === spec.shape)?.label ?? spec.shape;
  const incidents = SANDBOX_INCIDENTS.find((i) => i.id === spec.incidents)?.label ?? spec.incidents;
  return `${shape}; budget $${spec.budgetUsd}/month; incidents: ${incidents}.`;
}

/** The empty sandbox as a level: one workload, a start of one t3.small, every compute kind and feature open. */
export function sandboxLevel(spec: SandboxSpec): Level {
  const workload = workloadOf(spec.shape);
  const start = {tiers: [{workload: workload['id'], compute: 'ec2', instanceType: 't3.small', count: 1}]};
  const data = {
    formatVersion: 1,
    id: SANDBOX_LEVEL_ID,
    title: 'Sandbox',
    chapter: 'mixed',
    concepts: ['compute-choices'],
    exam: [],
    briefing: `An empty sandbox: ${describeSandbox(spec)} Build anything: every compute kind and feature is open.`,
    seed: 1,
    workloads: [workload],
    incidents: incidentsOf(spec.incidents),
    allow: {compute: [...COMPUTE_KINDS], features: [...FEATURES]},
    start,
    objectives: objectivesOf(spec.shape, spec.budgetUsd),
    hints: [],
    debrief: 'A sandbox has no lesson of its own: compare builds and read the findings.',
    reference: start,
  };
  const parsed = parseLevel(JSON.stringify(data), 'sandbox');
  if (!parsed.ok) throw new Error(`the sandbox level is invalid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  return parsed.value;
}
