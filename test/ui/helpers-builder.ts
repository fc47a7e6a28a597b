// Levels, results and key helpers for the builder and run screen tests: objects built directly, keys pressed
// for real, and every press followed by a wait for the frame to change (never a fixed sleep).
import {render} from 'ink-testing-library';
import {createElement, type ReactElement} from 'react';
import {withDefaults} from '../../src/engine/defaults.js';
import type {Level, Result, Tier, Timeline, TimelineMark, Workload} from '../../src/engine/types.js';
import {KeyRouterProvider, type KeyHandler} from '../../src/ui/input/key-router.js';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  shiftTab: '\u001B[Z',
  space: ' ',
} as const;

const WAIT_MS = 5000;

export type Rendered = ReturnType<typeof render>;

/** Renders under the one key router, as the game does; `fallback` sees keys no screen handled (the game's '?'). */
export function renderWithKeys(element: ReactElement, fallback?: KeyHandler): Rendered {
  return render(createElement(KeyRouterProvider, {fallback, children: element}));
}

/** Sets the fake terminal's size and tells Ink it changed. */
export function resize(ui: Rendered, columns: number, rows: number): void {
  Object.defineProperty(ui.stdout, 'columns', {value: columns, configurable: true});
  Object.defineProperty(ui.stdout, 'rows', {value: rows, configurable: true});
  ui.stdout.emit('resize');
}

/** Makes the fake terminal the smallest supported size and waits for the frame to be redrawn for it. */
export async function toSmallestTerminal(ui: Rendered): Promise<string> {
  resize(ui, 80, 24);
  return waitFor(ui, (frame) => frame.split('\n').every((line) => [...line].length <= 80));
}

/** Polls the last frame until `check` passes; on timeout the error shows the frame. */
export async function waitFor(ui: Rendered, check: string | ((frame: string) => boolean), timeoutMs = WAIT_MS): Promise<string> {
  const test = typeof check === 'string' ? (frame: string) => frame.includes(check) : check;
  const started = Date.now();
  for (;;) {
    const frame = ui.lastFrame() ?? '';
    if (test(frame)) return frame;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${typeof check === 'string' ? JSON.stringify(check) : 'a frame'}; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Presses a key and waits for the frame to show `expected` (without it: for the frame to change). */
export async function press(ui: Rendered, key: string, expected?: string | ((frame: string) => boolean)): Promise<string> {
  const before = ui.lastFrame() ?? '';
  ui.stdin.write(key);
  return waitFor(ui, expected ?? ((frame) => frame !== before));
}

/** Polls until `check()` is true (a callback was called), or fails after the timeout. */
export async function until(check: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The line of the frame that contains `text` (for asserting one field's row). */
export function lineWith(frame: string, text: string): string {
  return frame.split('\n').find((line) => line.includes(text)) ?? '';
}

export const WEB: Workload = {id: 'web', kind: 'web', baseRps: 40, daily: 'business-hours', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0.05, cpuMsPerRequest: 20, sloMs: 300};
export const EVENTS: Workload = {id: 'thumbs', kind: 'events', source: 's3', baseRate: 5, daily: 'flat', weekly: [1, 1, 1, 1, 1, 1, 1], spikes: [], noise: 0.05, cpuMsPerEvent: 400, maxAgeSeconds: 60};

export function ec2Tier(overrides: Partial<Extract<Tier, {compute: 'ec2'}>> = {}): Tier {
  return withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 1, ...overrides});
}

export function makeLevel(overrides: Partial<Level> = {}): Level {
  const start = ec2Tier();
  return {
    formatVersion: 1,
    id: 'stay-up',
    title: 'Stay Up',
    chapter: 'ec2',
    concepts: ['availability-zones'],
    exam: ['SAA-C03/resilient'],
    briefing: 'The shop runs on one t3.small in us-east-1a.',
    horizonDays: 7,
    seed: 7,
    workloads: [WEB],
    data: {customerData: false},
    requirements: {license: 'none', forbidFindings: []},
    incidents: [{kind: 'az-outage', az: 'a', at: 'wed 14:00', minutes: 180}],
    allow: {compute: ['ec2', 'lambda'], features: ['instanceType', 'count', 'multiAz', 'loadBalancer', 'autoScaling', 'lambdaConfig']},
    start: {tiers: [start]},
    objectives: [{metric: 'availability', pass: 0.999, gold: 0.9995, weight: 3}],
    hints: ['Think about what happens when one AZ goes down.', 'A load balancer spreads traffic over AZs.'],
    debrief: 'Spread out.',
    reference: {tiers: [start]},
    counterexamples: [],
    quiz: [],
    ...overrides,
  };
}

/** A week in 15-minute buckets: flat demand, capacity falling to zero during an AZ outage on Wednesday 14:00–17:00. */
export function makeTimeline(marks: TimelineMark[] = [{minute: 2 * 1440 + 14 * 60, kind: 'az-outage', label: 'AZ a down Wed 14:00–17:00'}]): Timeline {
  const bucketMinutes = 15;
  const buckets = (7 * 1440) / bucketMinutes;
  const outage = (b: number): boolean => b * bucketMinutes >= 2 * 1440 + 14 * 60 && b * bucketMinutes < 2 * 1440 + 17 * 60;
  const demand = Array.from({length: buckets}, () => 40);
  const capacity = Array.from({length: buckets}, (_, b) => (outage(b) ? 0 : 100));
  // Failures as the engine gives them: a rate per second over the bucket.
  const failed = Array.from({length: buckets}, (_, b) => (outage(b) ? 40 : 0));
  return {
    bucketMinutes,
    buckets,
    series: [{workload: 'web', kind: 'web', unit: 'req/s', demand, capacity, served: demand.map((d, b) => (outage(b) ? 0 : d)), failed, p95Ms: demand.map(() => 120), peakDemand: demand, lowCapacity: capacity}],
    costUsdPerHour: Array.from({length: buckets}, () => 0.5),
    marks,
  };
}

export function makeResult(timeline: Timeline = makeTimeline()): Result {
  return {
    level: 'stay-up',
    levelHash: 'h',
    engineVersion: 'test',
    seed: 7,
    horizonHours: 168,
    passed: false,
    stars: 0,
    points: 0,
    objectives: [],
    hardFailures: [],
    metrics: {
      availability: 0.98,
      p95LatencyMs: 120,
      monthlyCostUsd: 365,
      idleCostShare: 0.1,
      jobsOnTime: 1,
      eventsWithinMaxAge: 1,
      opsHoursPerMonth: 1,
      requestsOffered: 1000,
      requestsServed: 980,
      requestsFailed: 20,
      jobsTotal: 0,
      jobsFailed: 0,
      eventsTotal: 0,
      eventsFailed: 0,
    },
    cost: [],
    failures: {},
    findings: [],
    timeline,
    fingerprint: 'f',
  };
}
