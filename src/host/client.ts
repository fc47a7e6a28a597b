// The student's side of a live event (`play --join URL`, `submit --to URL`): fetch the event, keep a local copy of
// it (so a student who loses the network keeps playing), send the player's submission file with their token, and
// queue it when the host cannot be reached. Imports neither the server nor better-sqlite3.
// Everything the host sends is a stranger's too: the copy is written under the player's data folder with names
// made here, then opened with the same guards and pinned-hash checks as any challenge file.
import {mkdir, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {playerKey} from '../classroom/index.js';
import {challengeToYaml, parseChallenge, type Challenge} from '../content/index.js';
import {writeTextAtomic} from '../store/atomic.js';
import {hostsOf, joinedEventDir, joinedSubmissionPath, joinHost, markPending, rememberToken, tokenFor, updateProgress, loadProgress} from '../store/index.js';

/** The longest the client waits for the host: a lab network answers in milliseconds or not at all. */
export const REQUEST_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
const LEVEL_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CHALLENGE_FILE = 'challenge.yaml';

export type ParsedJoinUrl = {ok: true; joinUrl: string; origin: string; code: string} | {ok: false; message: string};

/** `http://HOST:PORT/CODE` (what `rightsize host` prints as `join:`), normalised. */
export function parseJoinUrl(text: string): ParsedJoinUrl {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {ok: false, message: `'${text}' is not a URL: give the join URL your teacher shows, e.g. http://192.168.1.20:7070/abcd234xyz`};
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return {ok: false, message: `a join URL starts with http:// or https:// (got '${url.protocol}')`};
  const code = url.pathname.replace(/^\/+|\/+$/g, '');
  if (!/^[a-z0-9]{4,40}$/.test(code)) return {ok: false, message: `the join URL ends with the event's code, e.g. ${url.origin}/abcd234xyz (got '${url.pathname}')`};
  return {ok: true, joinUrl: `${url.origin}/${code}`, origin: url.origin, code};
}

export type Fetched<T> = {ok: true; status: number; value: T} | {ok: false; offline: boolean; status?: number; error?: string; message: string};

async function request<T>(url: string, init: RequestInit = {}): Promise<Fetched<T>> {
  let response: Response;
  try {
    response = await fetch(url, {...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'error'});
  } catch (error) {
    const cause = (error as {cause?: {code?: string}}).cause?.code;
    const why = error instanceof Error && error.name === 'TimeoutError' ? `no answer in ${REQUEST_TIMEOUT_MS / 1000} s` : (cause ?? (error instanceof Error ? error.message : String(error)));
    return {ok: false, offline: true, message: `the host at ${new URL(url).host} cannot be reached (${why})`};
  }
  const text = await response.text().catch(() => '');
  if (text.length > MAX_RESPONSE_BYTES) return {ok: false, offline: false, status: response.status, message: 'the host sent an answer too big to be a rightsize host'};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return {ok: false, offline: false, status: response.status, message: `the host answered ${response.status} with something that is not a rightsize host's JSON`};
  }
  if (!response.ok) {
    const b = body as {error?: unknown; message?: unknown};
    const error = typeof b.error === 'string' ? b.error : 'refused';
    const message = typeof b.message === 'string' ? b.message : `the host answered ${response.status}`;
    // 429 and 503 mean "later": the submission waits in the queue like an offline one.
    return {ok: false, offline: response.status === 429 || response.status === 503, status: response.status, error, message};
  }
  return {ok: true, status: response.status, value: body as T};
}

export interface JoinInfoShape {
  challenge: unknown;
  levels: {id: string; hash: string; yaml: string}[];
  status?: {frozenAt?: string; closedAt?: string; players?: number};
}

/** The local copy's challenge file: the students' copy, each level pointing at the file written beside it. */
async function writeCopy(joinUrl: string, info: JoinInfoShape): Promise<{ok: true; path: string} | {ok: false; message: string}> {
  const parsed = parseChallenge(JSON.stringify(info.challenge ?? null), `${joinUrl} (challenge)`);
  if (!parsed.ok) return {ok: false, message: `the host sent a challenge this rightsize cannot read: ${parsed.problems[0]?.message ?? ''}`};
  if (!Array.isArray(info.levels)) return {ok: false, message: 'the host sent no levels'};
  const dir = joinedEventDir(joinUrl);
  await mkdir(join(dir, 'levels'), {recursive: true});
  const challenge: Challenge = {...parsed.value, levels: []};
  for (const entry of parsed.value.levels) {
    const sent = info.levels.find((l) => l.id === entry.id);
    if (!sent || typeof sent.yaml !== 'string' || !LEVEL_ID.test(entry.id)) return {ok: false, message: `the host sent no file for level '${entry.id}'`};
    await writeTextAtomic(join(dir, 'levels', `${entry.id}.yaml`), sent.yaml);
    challenge.levels.push({id: entry.id, file: `levels/${entry.id}.yaml`, ...(entry.hash === undefined ? {} : {hash: entry.hash})});
  }
  const path = join(dir, CHALLENGE_FILE);
  await writeTextAtomic(path, challengeToYaml(challenge));
  return {ok: true, path};
}

export type Joined = {ok: true; joinUrl: string; challengePath: string; offline?: string; status?: JoinInfoShape['status']} | {ok: false; message: string};

/**
 * The event at `joinUrl`, as a challenge file on this machine: fetched and written afresh when the host answers,
 * the copy from last time when it does not (then `offline` says why).
 */
export async function joinEvent(text: string): Promise<Joined> {
  const parsed = parseJoinUrl(text);
  if (!parsed.ok) return parsed;
  const {joinUrl} = parsed;
  const fetched = await request<JoinInfoShape>(joinUrl, {headers: {Accept: 'application/json'}});
  const local = join(joinedEventDir(joinUrl), CHALLENGE_FILE);
  if (!fetched.ok) {
    if (fetched.offline && (await readFile(local).then(() => true, () => false))) return {ok: true, joinUrl, challengePath: local, offline: `${fetched.message}: playing the copy from last time; submissions wait and are sent when it answers`};
    return {ok: false, message: fetched.status === 404 ? `${fetched.message} (${joinUrl})` : fetched.message};
  }
  const written = await writeCopy(joinUrl, fetched.value);
  if (!written.ok) return written;
  const challengeId = (fetched.value.challenge as {id?: string}).id ?? '';
  await updateProgress((p) => joinHost(p, joinUrl, challengeId, new Date())).catch(() => undefined);
  return {ok: true, joinUrl, challengePath: written.path, ...(fetched.value.status ? {status: fetched.value.status} : {})};
}

export interface Ack {
  accepted: true;
  id: number;
  player: string;
  points: number;
  best: boolean;
  rank: number | null;
  players: number;
  token?: string;
  message?: string;
}

export type Delivery =
  | {status: 'sent'; ack: Ack}
  /** Not reachable (or busy): the file waits and is sent later. */
  | {status: 'queued'; message: string}
  /** The host said no (a wrong token, a build it refuses, a closed event): sending again would not help. */
  | {status: 'refused'; error: string; message: string};

/** Sends the player's submission file for this event to the host, with their token; keeps the token it gets back. */
export async function deliver(joinUrl: string, player: string): Promise<Delivery> {
  const key = playerKey(player);
  const path = joinedSubmissionPath(joinUrl, player);
  let body: string;
  try {
    body = await readFile(path, 'utf8');
  } catch {
    return {status: 'refused', error: 'nothing', message: `no submission for ${player} at ${path}`};
  }
  const {progress} = await loadProgress();
  const token = tokenFor(progress, joinUrl, key);
  const sent = await request<Ack>(`${joinUrl}/submissions`, {method: 'POST', body, headers: {'Content-Type': 'application/json', ...(token ? {Authorization: `Bearer ${token}`} : {})}});
  if (!sent.ok) {
    const queued = sent.offline;
    await updateProgress((p) => markPending(joinHost(p, joinUrl, '', new Date()), joinUrl, key, player, queued)).catch(() => undefined);
    return queued ? {status: 'queued', message: `${sent.message}; kept at ${path} and sent when the host answers`} : {status: 'refused', error: sent.error ?? 'refused', message: sent.message};
  }
  const ack = sent.value;
  await updateProgress((p) => {
    let next = markPending(joinHost(p, joinUrl, '', new Date()), joinUrl, key, player, false);
    if (typeof ack.token === 'string') next = rememberToken(next, joinUrl, key, player, ack.token);
    return next;
  });
  return {status: 'sent', ack};
}

/** Sends what waits in the queue for this event (every player of it on this machine), oldest first. */
export async function flushPending(joinUrl: string): Promise<{player: string; delivery: Delivery}[]> {
  const {progress} = await loadProgress();
  const entry = hostsOf(progress)[joinUrl];
  const out: {player: string; delivery: Delivery}[] = [];
  for (const name of Object.values(entry?.pending ?? {})) {
    const delivery = await deliver(joinUrl, name);
    out.push({player: name, delivery});
    if (delivery.status === 'queued') break;
  }
  return out;
}

/** A one-line account of a delivery, for the terminal. */
export function deliveryText(delivery: Delivery): string {
  if (delivery.status === 'sent') {
    const {ack} = delivery;
    const where = ack.rank === null ? '' : ` · rank ${ack.rank} of ${ack.players}`;
    return `sent: ${ack.points} points on the private seeds${ack.best ? ' (your best so far)' : ' (below your best, which still counts)'}${where}${ack.message ? ` · ${ack.message}` : ''}`;
  }
  if (delivery.status === 'queued') return `not sent yet: ${delivery.message}`;
  return `refused (${delivery.error}): ${delivery.message}`;
}
