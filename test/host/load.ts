// A classroom's worth of load on a live host (loopback only): `clients` players at once, each sending its share
// of `total` submissions one after another (the first without a token, the rest with the one it got back).
// The builds cycle through a handful of distinct ones, as a class's converge, so the run is bounded by the
// HTTP path, the storage and the board rather than by simulating thousands of distinct builds.
// Shared by test/host/load.test.ts, test/host/crash.test.ts and scripts/bench-host.ts.
import {performance} from 'node:perf_hooks';
import {ENGINE_VERSION, levelHash, withDefaults, type Level, type Tier} from '../../src/engine/index.js';
import {mergeSubmission, submissionToJson} from '../../src/store/index.js';

type PartialTier = Parameters<typeof withDefaults>[0];
const base = {workload: 'web', compute: 'ec2', instanceType: 't3.small', azs: ['a', 'b'], loadBalancer: 'alb', network: 'private', inbound: ['https']};

/** Seven distinct builds: one instance in one AZ, or 2–4 behind an ALB over two or three AZs (every EC2 level here allows these). */
export const LOAD_BUILDS: Tier[][] = [
  [withDefaults({...base, count: 1, azs: ['a'], loadBalancer: 'none'} as PartialTier)],
  ...[2, 3, 4].flatMap((count) => [['a', 'b'], ['a', 'b', 'c']].map((azs) => [withDefaults({...base, count, azs} as PartialTier)])),
];

export function submissionBody(challengeId: string, level: Level, player: string, tiers: Tier[]): string {
  const submission = mergeSubmission(undefined, {challenge: challengeId, player, engineVersion: ENGINE_VERSION}, [{level: level.id, levelHash: levelHash(level), tiers}], new Date('2026-12-02T10:00:00Z'), [level.id]);
  return submissionToJson(submission);
}

export interface LoadOptions {
  joinUrl: string;
  challengeId: string;
  level: Level;
  clients: number;
  total: number;
  /** Stop every client once this many submissions were acknowledged (the crash test kills the host then). */
  onAck?: (acked: number) => void;
}

export interface LoadResult {
  /** Raw file of each acknowledged submission (as the board names them), by player. */
  acked: {player: string; file: string; ms: number}[];
  failures: {status: number; error: string}[];
  /** Requests that got no answer (the host was killed). */
  dropped: number;
  seconds: number;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result: LoadResult = {acked: [], failures: [], dropped: 0, seconds: 0};
  const start = performance.now();
  const perClient = Math.ceil(options.total / options.clients);
  let sent = 0;
  const client = async (index: number) => {
    const player = `student-${String(index).padStart(3, '0')}`;
    let token: string | undefined;
    for (let i = 0; i < perClient && sent < options.total; i++) {
      sent++;
      const body = submissionBody(options.challengeId, options.level, player, LOAD_BUILDS[(index + i) % LOAD_BUILDS.length] as Tier[]);
      const t0 = performance.now();
      let response: Response;
      try {
        response = await fetch(`${options.joinUrl}/submissions`, {method: 'POST', body, headers: {'Content-Type': 'application/json', ...(token ? {Authorization: `Bearer ${token}`} : {})}, signal: AbortSignal.timeout(60_000)});
      } catch {
        result.dropped++;
        return;
      }
      const json = (await response.json().catch(() => ({}))) as {token?: string; id?: number; error?: string};
      const ms = performance.now() - t0;
      if (response.status !== 201 || json.id === undefined) {
        result.failures.push({status: response.status, error: json.error ?? '?'});
        continue;
      }
      token ??= json.token;
      result.acked.push({player, file: `submissions/${String(json.id).padStart(6, '0')}.json`, ms});
      options.onAck?.(result.acked.length);
    }
  };
  await Promise.all(Array.from({length: options.clients}, (_, i) => client(i)));
  result.seconds = (performance.now() - start) / 1000;
  return result;
}

/** Every file the board names: each player's best and the submissions below it. */
export function boardFiles(board: {rows: {file: string}[]; superseded: {file: string}[]}): Set<string> {
  return new Set([...board.rows.map((r) => r.file), ...board.superseded.map((s) => s.file)]);
}
