// The jobs queue keeps waiting jobs as counts by deadline (#8 item 6): a batch of 100,000 jobs is one entry, and
// the queue behaves exactly like the list of single jobs it replaced (same jobs taken, same jobs expired, same order).
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {JobBook} from '../../src/engine/sim/jobs.js';
import {WorkloadStats} from '../../src/engine/sim/stats.js';
import {jobs} from './fixtures.js';

const stats = (): WorkloadStats => new WorkloadStats(40_320, 15);

describe('the jobs queue holds counts, not jobs', () => {
  const rows: {name: string; run: (book: JobBook) => void; entries: number; waiting: number}[] = [
    {name: 'one release of 100,000 jobs is one entry', run: (b) => b.release(0, stats(), 8), entries: 1, waiting: 100_000},
    {name: 'two releases with different deadlines are two entries', run: (b) => (b.release(0, stats(), 8), b.release(60, stats(), 8)), entries: 2, waiting: 200_000},
    {name: 'taking 3 jobs leaves the rest in one entry', run: (b) => (b.release(0, stats(), 8), b.dequeue(3, () => undefined)), entries: 1, waiting: 99_997},
    {name: 'restarted jobs with the front deadline join the front entry', run: (b) => (b.release(0, stats(), 8), b.dequeue(3, () => undefined), b.requeueFront([120, 120])), entries: 1, waiting: 99_999},
    {name: 'jobs that need more memory than a unit fail at once and queue nothing', run: (b) => b.release(0, stats(), 0.5), entries: 0, waiting: 0},
  ];
  for (const row of rows) {
    it(row.name, () => {
      const book = new JobBook(jobs({count: 100_000, memoryGb: 1, deadlineMinutes: 120}));
      row.run(book);
      expect(book.queued.length).toBe(row.entries);
      expect(book.queuedCount).toBe(row.waiting);
    });
  }

  it('out-of-memory jobs are counted once per job', () => {
    const s = stats();
    const book = new JobBook(jobs({count: 100_000, memoryGb: 16}));
    book.release(0, s, 8);
    expect([book.released, book.oom, book.resolved, s.failedBy('out-of-memory')]).toEqual([100_000, 100_000, 100_000, 100_000]);
  });

  type Op = {kind: 'release'; minute: number} | {kind: 'take'; n: number} | {kind: 'restart'; deadlines: number[]} | {kind: 'expire'; minute: number};
  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({kind: fc.constant('release' as const), minute: fc.integer({min: 0, max: 500})}),
    fc.record({kind: fc.constant('take' as const), n: fc.integer({min: 0, max: 9})}),
    fc.record({kind: fc.constant('restart' as const), deadlines: fc.array(fc.integer({min: 0, max: 600}), {maxLength: 4})}),
    fc.record({kind: fc.constant('expire' as const), minute: fc.integer({min: 0, max: 700})}),
  );

  it('any sequence of releases, takes, restarts and expiries: the same jobs as a queue of single jobs', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 5}), fc.integer({min: 1, max: 200}), fc.array(op, {maxLength: 40}), (count, deadlineMinutes, ops) => {
        const book = new JobBook(jobs({count, deadlineMinutes}));
        let naive: number[] = []; // one deadline per waiting job, front first: the old queue
        for (const o of ops) {
          if (o.kind === 'release') {
            book.release(o.minute, stats(), 8);
            for (let i = 0; i < count; i++) naive.push(o.minute + deadlineMinutes);
          } else if (o.kind === 'take') {
            const taken: number[] = [];
            book.dequeue(o.n, (d) => taken.push(d));
            expect(taken).toEqual(naive.slice(0, o.n));
            naive = naive.slice(o.n);
          } else if (o.kind === 'restart') {
            book.requeueFront(o.deadlines);
            naive = [...o.deadlines, ...naive];
          } else {
            let expired = 0;
            book.expireQueued(o.minute, (n) => (expired += n));
            expect(expired).toBe(naive.filter((d) => o.minute >= d).length);
            naive = naive.filter((d) => o.minute < d);
          }
          expect(book.queuedCount).toBe(naive.length);
          expect(book.queued.flatMap((e) => Array.from({length: e.count}, () => e.deadline))).toEqual(naive);
          expect(book.queued.every((e) => e.count > 0)).toBe(true);
        }
      }),
      {numRuns: 300},
    );
  });
});
