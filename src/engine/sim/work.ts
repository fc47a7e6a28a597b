// Jobs and events on a fleet (instances or tasks): the inputs precomputed for a workload, and one minute of work.
import type {Workload} from '../types.js';
import type {SimContext} from './context.js';
import {EventQueue, maxAgeMinutes, serveEventsMinute} from './events.js';
import type {Fleet} from './fleet.js';
import {JobBook, serveJobsMinute, type ElasticPolicy} from './jobs.js';
import type {WorkloadStats} from './stats.js';
import type {MinuteOutcome} from './web.js';

export interface WorkInputs {
  /** web: requests/s per minute; events: events/s per minute. */
  rate: Float64Array | null;
  /** jobs: 1 at a release minute. */
  releases: Uint8Array | null;
  jobs: JobBook | null;
  queue: EventQueue | null;
}

export function workInputs(workload: Workload, rate: Float64Array | null, releases: Uint8Array | null): WorkInputs {
  return {
    rate,
    releases,
    jobs: workload.kind === 'jobs' ? new JobBook(workload) : null,
    queue: workload.kind === 'events' ? new EventQueue(maxAgeMinutes(workload)) : null,
  };
}

export function serveWorkMinute(fleet: Fleet, workload: Workload, inputs: WorkInputs, minute: number, stats: WorkloadStats, ctx: SimContext, elastic: ElasticPolicy | null): MinuteOutcome {
  if (workload.kind === 'jobs' && inputs.jobs) {
    return serveJobsMinute(fleet, inputs.jobs, minute, (inputs.releases?.[minute] ?? 0) === 1, stats, ctx, elastic);
  }
  if (workload.kind === 'events' && inputs.queue) {
    const arrivals = (inputs.rate?.[minute] ?? 0) * 60;
    const out = serveEventsMinute(fleet, workload, inputs.queue, minute, arrivals, stats);
    out.itemsServed = arrivals;
    return out;
  }
  return {surplusCredits: 0};
}

/** Jobs still open when the horizon ends: late ones fail, ones with a later deadline are not counted. */
export function finishWork(inputs: WorkInputs, stats: WorkloadStats, minutes: number): void {
  if (!inputs.jobs) return;
  const dropped = inputs.jobs.unresolvedAtEnd(minutes, stats);
  stats.offered -= dropped;
}
