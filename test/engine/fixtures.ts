// Small builders for engine tests: a complete level or workload from the fields a test cares about.
import {withDefaults} from '../../src/engine/defaults.js';
import {EVENTS_DEFAULTS, JOBS_DEFAULTS, WEB_DEFAULTS} from '../../src/engine/defaults.js';
import type {EventsWorkload, JobsWorkload, Level, Solution, Tier, WebWorkload} from '../../src/engine/types.js';

export {withDefaults};

export function web(partial: Partial<WebWorkload> = {}): WebWorkload {
  return {id: 'web', kind: 'web', baseRps: 10, cpuMsPerRequest: 20, sloMs: 300, ...WEB_DEFAULTS, weekly: [...WEB_DEFAULTS.weekly], spikes: [], noise: 0, ...partial};
}

export function jobs(partial: Partial<JobsWorkload> = {}): JobsWorkload {
  return {id: 'batch', kind: 'jobs', every: 'day', at: '02:00', count: 1, vcpuMinutes: 10, memoryGb: 1, deadlineMinutes: 120, ...JOBS_DEFAULTS, ...partial};
}

export function events(partial: Partial<EventsWorkload> = {}): EventsWorkload {
  return {id: 'events', kind: 'events', baseRate: 5, cpuMsPerEvent: 100, maxAgeSeconds: 300, ...EVENTS_DEFAULTS, weekly: [...EVENTS_DEFAULTS.weekly], spikes: [], noise: 0, ...partial};
}

export function makeLevel(partial: Partial<Level> = {}): Level {
  return {
    formatVersion: 1,
    id: 'test-level',
    title: 'Test level',
    chapter: 'ec2',
    concepts: [],
    exam: [],
    briefing: '',
    horizonDays: 7,
    seed: 1,
    workloads: [web()],
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings: []},
    incidents: [],
    allow: {compute: ['ec2', 'ecs', 'eks', 'lambda'], features: []},
    start: {tiers: []},
    objectives: [{metric: 'availability', pass: 0.99, gold: 0.999, weight: 1}],
    hints: [],
    debrief: '',
    reference: {tiers: []},
    counterexamples: [],
    quiz: [],
    ...partial,
  };
}

export function solution(...tiers: Tier[]): Solution {
  return {formatVersion: 1, level: 'test-level', tiers};
}
