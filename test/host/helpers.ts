// A live host on 127.0.0.1 (a free port) over the classroom fixture (the one-day lucky-spot level, six private
// seeds), and submission bodies written the way the game writes them.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {startHost, type HostOptions, type RunningHost} from '../../src/host/index.js';
import type {Tier} from '../../src/engine/index.js';
import {classroom, type Classroom} from '../classroom/helpers.js';

export interface LiveClassroom {
  room: Classroom;
  host: RunningHost;
  dataDir: string;
  /** The text of a submission file for `player` with this build (at is the student's clock: the host ignores it). */
  body(player: string, tiers: Tier[], patch?: (s: Record<string, unknown>) => void): string;
  post(body: string, token?: string, code?: string): Promise<{status: number; json: Record<string, unknown>; headers: Headers}>;
  teacher(method: string, path: string, token?: string): Promise<{status: number; text: string}>;
  board(): Promise<{rows: {player: string; points: number; rank: number}[]; superseded: {player: string}[]; freeze?: string}>;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

let counter = 0;

export async function liveClassroom(options: Partial<HostOptions> = {}): Promise<LiveClassroom> {
  const room = classroom();
  const dataDir = join(room.dir, 'event');
  const start = () => startHost({challengePath: room.teacherFile, dataDir, workers: 1, port: 0, bind: '127.0.0.1', submitPerMinute: 0, ...options});
  const live: LiveClassroom = {
    room,
    host: await start(),
    dataDir,
    body(player, tiers, patch) {
      const path = room.submit(`${player}-${counter++}.json`, player, tiers, '2026-12-02T10:00:00Z', patch);
      return readFileSync(path, 'utf8');
    },
    async post(body, token, code) {
      const response = await fetch(`${live.host.url}/${code ?? live.host.event.joinCode}/submissions`, {
        method: 'POST',
        body,
        headers: {'Content-Type': 'application/json', ...(token ? {Authorization: `Bearer ${token}`} : {})},
      });
      return {status: response.status, json: (await response.json()) as Record<string, unknown>, headers: response.headers};
    },
    async teacher(method, path, token) {
      const response = await fetch(`${live.host.url}/api/teacher/${path}`, {method, headers: token ? {Authorization: `Bearer ${token}`} : {}});
      return {status: response.status, text: await response.text()};
    },
    async board() {
      return (await (await fetch(`${live.host.url}/api/board`)).json()) as Awaited<ReturnType<LiveClassroom['board']>>;
    },
    async restart() {
      const port = live.host.port;
      await live.host.stop();
      live.host = await startHost({challengePath: room.teacherFile, dataDir, workers: 1, port, bind: '127.0.0.1', submitPerMinute: 0, ...options});
    },
    async stop() {
      await live.host.stop();
      room.cleanup();
    },
  };
  return live;
}
