// Workers started ahead of their jobs (the leaderboard starts them before it reads the submissions): they give the
// same answers as this thread, they are stopped whatever happens, and one that cannot start is an error, not a crash.
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {buildLeaderboard, leaderboardJson, runJobs, startWorkers, type ScoreJob} from '../../src/classroom/index.js';
import {classroom, ROBUST, SINGLE, SPOT, type Classroom} from './helpers.js';

let room: Classroom | undefined;
afterEach(() => {
  room?.cleanup();
  room = undefined;
  delete process.env['RIGHTSIZE_SCORE_WORKER'];
});

const jobsFor = (count: number): ScoreJob[] =>
  Array.from({length: count}, (_, i) => ({key: `job-${i}`, levelIndex: 0, seed: 1 + i, tiers: [ROBUST, SPOT, SINGLE][i % 3] ?? ROBUST}));

const exited = (worker: {threadId: number; once(event: 'exit', listener: () => void): unknown}, alreadyGone: boolean) =>
  alreadyGone || worker.threadId === -1 ? Promise.resolve() : new Promise<void>((resolve) => worker.once('exit', () => resolve()));

describe('workers started before their jobs', () => {
  it('give the same summaries as this thread, and are stopped when the jobs are done', async () => {
    room = classroom();
    const levels = [room.level];
    const jobs = jobsFor(20);
    const here = await runJobs(levels, jobs, {workers: 0});
    const started = startWorkers(levels, 2);
    const gone = started.workers.map((w) => exited(w, false));
    const there = await runJobs(levels, jobs, {started});
    expect(there).toEqual(here);
    await Promise.all(gone);
    expect(started.workers.every((w) => w.threadId === -1)).toBe(true);
  });

  it('are stopped when there turns out to be nothing to run', async () => {
    room = classroom();
    const started = startWorkers([room.level], 2);
    expect(await runJobs([room.level], [], {started})).toEqual([]);
    expect(started.workers.every((w) => w.threadId === -1)).toBe(true);
  });

  it('refuse levels other than the ones they were given', async () => {
    room = classroom();
    const started = startWorkers([room.level], 1);
    await expect(runJobs([{...room.level}], jobsFor(3), {started})).rejects.toThrow(/other levels/);
    await runJobs([room.level], [], {started});
  });

  it('that cannot start make runJobs fail with the reason (the process goes on)', async () => {
    room = classroom();
    process.env['RIGHTSIZE_SCORE_WORKER'] = join(room.dir, 'no-such-worker.js');
    const started = startWorkers([room.level], 2);
    // The failure arrives while the caller is still busy elsewhere (reading submissions), before anyone listens.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(runJobs([room.level], jobsFor(30), {started})).rejects.toThrow(/no-such-worker|Cannot find|stopped/);
  });

  it('a leaderboard whose every file is rejected still ends, with the early workers stopped', async () => {
    room = classroom();
    for (let i = 0; i < 40; i++) room.writeRaw(`broken-${i}.json`, '{');
    const scored = await buildLeaderboard(room.context, {paths: [join(room.dir, 'submissions')], workers: 2});
    expect(scored.leaderboard.rejected).toHaveLength(40);
    expect(scored.stats.simulated).toBe(0);
  });

  it('a leaderboard that starts workers early ranks exactly as one run on this thread', async () => {
    room = classroom();
    ['ada', 'bob', 'cy', 'dee', 'eve', 'fay', 'gus', 'hal', 'ivy'].forEach((p, i) => room!.submit(`${p}.json`, p, [ROBUST, SPOT, SINGLE][i % 3]!, `2026-12-0${1 + (i % 3)}T10:00:00Z`));
    const paths = [join(room.dir, 'submissions')];
    const sequential = await buildLeaderboard(room.context, {paths, workers: 0});
    const early = await buildLeaderboard(room.context, {paths, workers: 2});
    expect(leaderboardJson(early.leaderboard)).toBe(leaderboardJson(sequential.leaderboard));
    expect(early.stats.simulated).toBe(sequential.stats.simulated);
  });
});
