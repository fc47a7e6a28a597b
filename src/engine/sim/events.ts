// Asynchronous events (S3 notifications, SQS messages, schedules): arrivals wait in a queue that absorbs bursts and
// are processed oldest first. An event still waiting when it is older than maxAgeSeconds fails (finding
// events-too-old): reason overload when capacity was there but too small, else why no capacity was there.
// Ages are counted in whole minutes: an event processed in the minute it arrived has age 0.
import type {EventsWorkload} from '../types.js';
import type {FailureReason} from '../vocab.js';
import {creditCapVcpuMin} from './credits.js';
import {cacheSpeed, fleetDownReason, type Fleet} from './fleet.js';
import type {WorkloadStats} from './stats.js';
import {finishMinute, MIN_CPU_MS, type MinuteOutcome} from './web.js';

export class EventQueue {
  private readonly arrivedAt: number[] = [];
  private readonly waiting: number[] = [];
  private head = 0;
  oldestAgeMinutes = 0;

  constructor(private readonly maxAgeMinutes: number) {}

  /** Nothing waiting. */
  get empty(): boolean {
    return this.head === this.waiting.length;
  }

  /** Age in minutes of the oldest event still waiting after this minute (0 when none is). */
  waitingAgeMinutes(minute: number): number {
    return this.head < this.waiting.length ? minute - (this.arrivedAt[this.head] ?? minute) : 0;
  }

  /** Reports this minute's queue to the stats (nothing to report in the usual minute: an empty queue). */
  report(minute: number, stats: WorkloadStats): void {
    if (this.empty && this.oldestAgeMinutes === 0) return;
    stats.queue(minute, this.backlog, Math.max(this.oldestAgeMinutes, this.waitingAgeMinutes(minute)));
  }

  get backlog(): number {
    let n = 0;
    for (let i = this.head; i < this.waiting.length; i++) n += this.waiting[i] ?? 0;
    return n;
  }

  /** Adds this minute's arrivals, fails what aged out, processes up to `capacity`; returns the number processed. */
  step(minute: number, arrivals: number, capacity: number, stats: WorkloadStats, agedOutReason: FailureReason): number {
    if (this.head === this.waiting.length && arrivals <= capacity) {
      // Nothing waiting and room for every arrival, the usual minute: all of them are processed at age 0, as the
      // loop below would do, without passing through the queue's arrays.
      this.oldestAgeMinutes = 0;
      return arrivals > 0 ? arrivals : 0;
    }
    if (arrivals > 0) {
      this.arrivedAt.push(minute);
      this.waiting.push(arrivals);
    }
    while (this.head < this.waiting.length && minute - (this.arrivedAt[this.head] ?? minute) > this.maxAgeMinutes) {
      stats.fail(agedOutReason, this.waiting[this.head] ?? 0, minute);
      this.head++;
    }
    let left = capacity;
    let processed = 0;
    this.oldestAgeMinutes = 0;
    while (left > 0 && this.head < this.waiting.length) {
      const n = this.waiting[this.head] ?? 0;
      const take = Math.min(n, left);
      const age = minute - (this.arrivedAt[this.head] ?? minute);
      if (age > this.oldestAgeMinutes) this.oldestAgeMinutes = age;
      processed += take;
      left -= take;
      if (take >= n) this.head++;
      else this.waiting[this.head] = n - take;
    }
    if (this.head > 1024 && this.head * 2 > this.waiting.length) {
      this.arrivedAt.splice(0, this.head);
      this.waiting.splice(0, this.head);
      this.head = 0;
    }
    return processed;
  }
}

export function maxAgeMinutes(workload: EventsWorkload): number {
  return Math.floor(workload.maxAgeSeconds / 60);
}

/** One minute of events on a fleet of workers (instances or tasks): every serving unit pulls from the queue. */
export function serveEventsMinute(fleet: Fleet, workload: EventsWorkload, queue: EventQueue, minute: number, arrivals: number, stats: WorkloadStats): MinuteOutcome {
  const spec = fleet.spec;
  let capacity = 0;
  for (const unit of fleet.units) {
    unit.workVcpuMin = 0;
    unit.capVcpuMin = 0;
    if (unit.state !== 'ready') continue;
    const capVcpu = creditCapVcpuMin(spec.burst, unit, spec.vcpu);
    capacity += (capVcpu * cacheSpeed(fleet, unit, minute) * 60_000) / Math.max(workload.cpuMsPerEvent, MIN_CPU_MS);
  }
  const reason: FailureReason = capacity > 0 ? 'overload' : fleetDownReason(fleet);
  const backlogBefore = queue.backlog + arrivals;
  const processed = queue.step(minute, arrivals, capacity, stats, reason);
  const share = capacity > 0 ? processed / capacity : 0;
  for (const unit of fleet.units) {
    if (unit.state !== 'ready') continue;
    const capVcpu = creditCapVcpuMin(spec.burst, unit, spec.vcpu);
    unit.workVcpuMin = capVcpu * share;
  }
  stats.record(minute, arrivals, capacity, processed, queue.oldestAgeMinutes * 60_000);
  queue.report(minute, stats);
  const demandVcpuMin = (backlogBefore * workload.cpuMsPerEvent) / 60_000;
  return finishMinute(fleet, minute, demandVcpuMin);
}
