// Scheduled batch jobs on a fleet. Each job needs `vcpuMinutes` of one vCPU (a parallelizable job uses every vCPU of
// its unit) and `memoryGb`; a unit runs as many jobs at once as it has whole vCPUs and memory for. Jobs wait in a FIFO
// queue; a job whose unit dies restarts from the beginning elsewhere. A job that needs more memory than a unit has
// fails at once (out-of-memory); one that finishes after its deadline, or is still waiting at its deadline, fails
// (deadline — or, when no unit could run anything, why not: scheduled-stop, pending-task, az-outage ...).
// Jobs still unresolved when the horizon ends with their deadline beyond it are not counted.
// Waiting jobs are identical but for their deadline, so the queue keeps them as counts by deadline (a batch of
// 100,000 jobs is one entry): a minute's cost grows with the running jobs (at most the fleet's slots), not the queue.
import type {JobsWorkload} from '../types.js';
import {creditCapVcpuMin} from './credits.js';
import {cacheSpeed, fleetDownReason, launchUnit, terminate, type Fleet} from './fleet.js';
import type {SimContext} from './context.js';
import type {WorkloadStats} from './stats.js';
import type {Unit} from './units.js';
import {finishMinute, type MinuteOutcome} from './web.js';

export interface Job {
  deadline: number;
  remainingVcpuMin: number;
  /** The unit running it (null while queued). */
  unit: Unit | null;
}

/** Waiting jobs that share a deadline, in queue order (front first). None has started: each needs the full work. */
export interface QueuedJobs {
  deadline: number;
  count: number;
}

export class JobBook {
  /** FIFO; an entry's count is above zero. */
  readonly queued: QueuedJobs[] = [];
  /** Jobs waiting, the sum of the queue's counts. */
  queuedCount = 0;
  readonly running: Job[] = [];
  released = 0;
  resolved = 0;
  oom = 0;
  lateFinishes = 0;

  constructor(readonly workload: JobsWorkload) {}

  release(minute: number, stats: WorkloadStats, unitMemoryGb: number): void {
    const w = this.workload;
    if (!(w.count > 0)) return;
    this.released += w.count;
    if (w.memoryGb > unitMemoryGb) {
      this.oom += w.count;
      this.resolved += w.count;
      stats.fail('out-of-memory', w.count, minute);
      return;
    }
    this.enqueueBack(minute + w.deadlineMinutes, w.count);
  }

  private enqueueBack(deadline: number, count: number): void {
    const last = this.queued.at(-1);
    if (last && last.deadline === deadline) last.count += count;
    else this.queued.push({deadline, count});
    this.queuedCount += count;
  }

  /** Jobs to run again from the start, in this order, ahead of every waiting job. */
  requeueFront(deadlines: readonly number[]): void {
    const front: QueuedJobs[] = [];
    for (const deadline of deadlines) {
      const last = front.at(-1);
      if (last && last.deadline === deadline) last.count++;
      else front.push({deadline, count: 1});
    }
    const head = this.queued[0];
    const tail = front.at(-1);
    if (head && tail && head.deadline === tail.deadline) {
      head.count += tail.count;
      front.pop();
    }
    this.queued.unshift(...front);
    this.queuedCount += deadlines.length;
  }

  /** Takes up to `n` jobs from the queue's front; returns their deadlines in order through `take`. */
  dequeue(n: number, take: (deadline: number) => void): number {
    let taken = 0;
    while (taken < n && this.queued.length > 0) {
      const head = this.queued[0] as QueuedJobs;
      const k = Math.min(n - taken, head.count);
      for (let i = 0; i < k; i++) take(head.deadline);
      head.count -= k;
      taken += k;
      if (head.count === 0) this.queued.shift();
    }
    this.queuedCount -= taken;
    return taken;
  }

  /** Removes every waiting job whose deadline has come; calls `expire` once per entry with its count. */
  expireQueued(minute: number, expire: (count: number) => void): void {
    let kept = 0;
    for (let i = 0; i < this.queued.length; i++) {
      const entry = this.queued[i] as QueuedJobs;
      if (minute < entry.deadline) {
        this.queued[kept++] = entry;
        continue;
      }
      this.queuedCount -= entry.count;
      this.resolved += entry.count;
      expire(entry.count);
    }
    if (kept !== this.queued.length) this.queued.length = kept;
  }

  /** Jobs never resolved (deadline beyond the horizon): removed from the offered count. */
  unresolvedAtEnd(horizonMinutes: number, stats: WorkloadStats): number {
    let dropped = 0;
    const open = (deadline: number, count: number): void => {
      if (deadline < horizonMinutes) {
        stats.fail('deadline', count, horizonMinutes - 1);
        this.resolved += count;
      } else dropped += count;
    };
    for (const job of this.running) open(job.deadline, 1);
    for (const entry of this.queued) open(entry.deadline, entry.count);
    return dropped;
  }
}

/** Jobs one unit runs at once. */
export function slotsPerUnit(workload: JobsWorkload, vcpu: number, memoryGb: number): number {
  if (workload.parallelizable) return 1;
  const byMemory = workload.memoryGb > 0 ? Math.floor(memoryGb / workload.memoryGb) : Infinity;
  return Math.max(0, Math.min(Math.max(1, Math.floor(vcpu)), byMemory));
}

export interface ElasticPolicy {
  /** Units are started per job and stopped when idle (a task per job), up to this many at once. */
  maxUnits: number;
}

/** One minute of jobs on a fleet. `elastic`: run a task per job (Fargate / ECS RunTask) instead of a standing pool. */
export function serveJobsMinute(fleet: Fleet, book: JobBook, minute: number, releasing: boolean, stats: WorkloadStats, ctx: SimContext, elastic: ElasticPolicy | null): MinuteOutcome {
  const spec = fleet.spec;
  const w = book.workload;
  if (releasing) book.release(minute, stats, spec.memoryGb);
  if (book.queuedCount === 0 && book.running.length === 0) {
    // Nothing to run: the common minute between batches.
    let capacity = 0;
    for (const unit of fleet.units) {
      unit.workVcpuMin = 0;
      unit.capVcpuMin = 0;
      unit.runningJobs = 0;
      if (unit.state === 'ready') capacity++;
    }
    if (elastic && capacity > 0) scaleTasksForJobs(fleet, book, 1, minute, ctx, elastic);
    stats.record(minute, releasing ? w.count : 0, capacity * slotsPerUnit(w, spec.vcpu, spec.memoryGb), 0, 0);
    return finishMinute(fleet, minute, 0);
  }
  const slots = slotsPerUnit(w, spec.vcpu, spec.memoryGb);
  const threadsPerJob = w.parallelizable ? spec.vcpu : Math.min(1, spec.vcpu);
  for (const unit of fleet.units) {
    unit.workVcpuMin = 0;
    unit.capVcpuMin = 0;
    unit.runningJobs = 0;
  }
  // Jobs whose unit stopped serving start again from the queue's front. The running list is compacted in place;
  // a terminated unit is never ready again, so one that has left fleet.units restarts its jobs too.
  const running = book.running;
  let kept = 0;
  let restarted: number[] | null = null;
  for (let i = 0; i < running.length; i++) {
    const job = running[i] as Job;
    const unit = job.unit;
    if (unit && unit.state === 'ready') {
      running[kept++] = job;
      unit.runningJobs++;
    } else (restarted ??= []).push(job.deadline);
  }
  if (kept !== running.length) running.length = kept; // setting length is a runtime call even when it is unchanged
  if (restarted) book.requeueFront(restarted);

  if (elastic) scaleTasksForJobs(fleet, book, slots, minute, ctx, elastic);

  // Assign queued jobs to free slots, FIFO, units in order.
  for (const unit of fleet.units) {
    if (unit.state !== 'ready' || book.queuedCount === 0) continue;
    if (unit.runningJobs >= slots) continue;
    unit.runningJobs += book.dequeue(slots - unit.runningJobs, (deadline) => {
      running.push({deadline, remainingVcpuMin: w.vcpuMinutes, unit});
    });
  }

  // Progress: a unit's jobs share what its credits allow, slowed by a cold cache. Finished jobs leave the list
  // (compacted in place, order kept).
  let completedOnTime = 0;
  kept = 0;
  for (let i = 0; i < running.length; i++) {
    const job = running[i] as Job;
    const unit = job.unit as Unit;
    const jobsOnUnit = unit.runningJobs;
    const capVcpu = creditCapVcpuMin(spec.burst, unit, spec.vcpu);
    const threads = Math.min(threadsPerJob, capVcpu / jobsOnUnit);
    unit.workVcpuMin += threads;
    job.remainingVcpuMin -= threads * cacheSpeed(fleet, unit, minute);
    if (job.remainingVcpuMin > 1e-9) {
      running[kept++] = job;
      continue;
    }
    book.resolved++;
    if (minute + 1 > job.deadline) {
      book.lateFinishes++;
      stats.fail('deadline', 1, minute);
    } else completedOnTime++;
  }
  if (kept !== running.length) running.length = kept;

  // Still waiting at the deadline: fail now.
  const anyReady = fleet.units.some((u) => u.state === 'ready');
  book.expireQueued(minute, (count) => stats.fail(anyReady ? 'deadline' : fleetDownReason(fleet), count, minute));

  let capacity = 0;
  for (const unit of fleet.units) if (unit.state === 'ready') capacity += slots;
  stats.record(minute, releasing ? w.count : 0, capacity, completedOnTime, 0);
  stats.queue(minute, book.queuedCount + book.running.length, 0);
  const demandVcpuMin = (book.running.length + book.queuedCount) * threadsPerJob;
  return finishMinute(fleet, minute, demandVcpuMin);
}

/** A task per job: start tasks for waiting jobs (up to the cap), stop tasks with nothing to do. */
function scaleTasksForJobs(fleet: Fleet, book: JobBook, slots: number, minute: number, ctx: SimContext, elastic: ElasticPolicy): void {
  // A unit runs jobs when its runningJobs count (set by the caller this minute) is above zero.
  let live = 0;
  let starting = 0;
  for (const unit of fleet.units) {
    if (unit.state === 'terminated') continue;
    if (unit.state === 'ready' && unit.runningJobs === 0 && book.queuedCount === 0) {
      terminate(unit);
      continue;
    }
    live++;
    if (unit.state !== 'ready') starting++;
  }
  let wanted = Math.ceil(book.queuedCount / Math.max(1, slots)) - starting;
  for (const unit of fleet.units) if (unit.state === 'ready' && unit.runningJobs === 0) wanted--;
  while (wanted > 0 && live < elastic.maxUnits) {
    if (!launchUnit(fleet, minute, ctx)) break;
    live++;
    wanted--;
  }
}
