// Crash safety: the built binary hosts the event; in the middle of the load it is killed with SIGKILL (no chance
// to flush anything), then started again on the same data folder. Every submission it acknowledged before it died
// is still there, on the board.
import {spawn, type ChildProcess} from 'node:child_process';
import {resolve} from 'node:path';
import {afterAll, beforeAll, expect, it} from 'vitest';
import {classroom, type Classroom} from '../classroom/helpers.js';
import {boardFiles, runLoad} from './load.js';

const CLI = resolve(import.meta.dirname, '../../dist/cli.js');
let room: Classroom;
let child: ChildProcess | undefined;

function startHost(dataDir: string): Promise<{child: ChildProcess; joinUrl: string; url: string}> {
  return new Promise((done, fail) => {
    const proc = spawn(process.execPath, [CLI, 'host', '--challenge', room.teacherFile, '--data', dataDir, '--port', '0', '--bind', '127.0.0.1', '--submit-rate', '0', '--workers', '2'], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, RIGHTSIZE_HOME: resolve(room.dir, 'home')}});
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const join = /^join: (\S+)$/m.exec(out)?.[1];
      if (join) done({child: proc, joinUrl: join, url: join.replace(/\/[^/]+$/, '')});
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('exit', (code) => fail(new Error(`the host exited (${code}) before it listened: ${err}`)));
  });
}

beforeAll(() => {
  room = classroom();
});
afterAll(() => {
  child?.kill('SIGKILL');
  room.cleanup();
});

it('kill -9 during the load loses no acknowledged submission', async () => {
  const dataDir = resolve(room.dir, 'event');
  const first = await startHost(dataDir);
  child = first.child;
  let killed = false;
  const load = runLoad({
    joinUrl: first.joinUrl,
    challengeId: room.challenge.id,
    level: room.level,
    clients: 100,
    total: 2000,
    onAck: (acked) => {
      if (acked >= 300 && !killed) {
        killed = true;
        first.child.kill('SIGKILL');
      }
    },
  });
  const result = await load;
  expect(killed).toBe(true);
  expect(result.acked.length).toBeGreaterThanOrEqual(300);
  expect(result.dropped).toBeGreaterThan(0);

  const second = await startHost(dataDir);
  child = second.child;
  expect(second.joinUrl.split('/').pop()).toBe(first.joinUrl.split('/').pop());
  const board = (await (await fetch(`${second.url}/api/board`)).json()) as {rows: {file: string}[]; superseded: {file: string}[]};
  const files = boardFiles(board);
  const lost = result.acked.filter((a) => !files.has(a.file));
  expect(lost).toEqual([]);
  second.child.kill('SIGTERM');
  await new Promise((done) => second.child.once('exit', done));
  child = undefined;
}, 300_000);
