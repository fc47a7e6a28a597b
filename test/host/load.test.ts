// 100 concurrent clients send 2,000 submissions over loopback: every one is acknowledged, and every acknowledged
// one is on the board (a player's best, or superseded below it), re-scored by the host. Timing is measured by
// `npm run bench` (scripts/bench-host.ts), never asserted here.
import {afterAll, beforeAll, expect, it} from 'vitest';
import {liveClassroom, type LiveClassroom} from './helpers.js';
import {boardFiles, runLoad} from './load.js';

let live: LiveClassroom;
beforeAll(async () => {
  live = await liveClassroom({workers: 2});
}, 60_000);
afterAll(async () => {
  await live.stop();
});

it('acknowledges 2,000 submissions from 100 clients, and the board holds every one', async () => {
  const result = await runLoad({joinUrl: live.host.joinUrl, challengeId: live.room.challenge.id, level: live.room.level, clients: 100, total: 2000});
  expect(result.failures).toEqual([]);
  expect(result.dropped).toBe(0);
  expect(result.acked).toHaveLength(2000);
  const board = (await (await fetch(`${live.host.url}/api/board`)).json()) as {rows: {file: string; player: string; points: number}[]; superseded: {file: string}[]};
  expect(board.rows).toHaveLength(100);
  const files = boardFiles(board);
  expect(files.size).toBe(2000);
  for (const ack of result.acked) expect(files.has(ack.file)).toBe(true);
  // Re-scored: each row's points are the host's runs on the private seeds.
  const status = (await (await fetch(`${live.host.url}/api/status`)).json()) as {submissions: number; players: number};
  expect(status).toMatchObject({submissions: 2000, players: 100});
}, 300_000);
