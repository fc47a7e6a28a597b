// A live event: the teacher's challenge, the players and their accepted submissions, and the board. Every upload
// goes through the classroom library's own path (candidateFromText: the file guards; scoreCandidates: admission and
// re-scoring with engine.simulate on the private seeds); nothing the client claims is used, and the times that rank
// are the host's clock, not the student's. HTTP lives in server.ts; this file knows nothing of requests.
import {readFileSync} from 'node:fs';
import {dirname, isAbsolute, resolve} from 'node:path';
import {
  candidateFromText,
  leaderboardCsv,
  leaderboardJson,
  memoryCache,
  openChallenge,
  playerKey,
  scoreCandidates,
  compareRows,
  type Candidate,
  type LeaderboardRow,
  type Leaderboard,
  type ScoringContext,
  type Superseded,
} from '../classroom/index.js';
import {loadCampaign, levelsDir as shippedLevelsDir, publicChallenge, formatProblem, type Challenge, type Submission} from '../content/index.js';
import {fingerprint} from '../engine/index.js';
import {EventStorage, type EventMeta, type PlayerRecord} from './storage.js';
import {newJoinCode, newToken, tokenHash, tokenMatches} from './tokens.js';
import {startScorePool, type ScorePool} from './workers.js';

export interface EventOptions {
  challengePath: string;
  dataDir: string;
  /** The shipped levels' folder (--levels). */
  levelsDir?: string;
  /** Re-scoring threads (default: one per core, at least one). */
  workers: number;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

export interface EventStatus {
  challenge: string;
  title: string;
  players: number;
  submissions: number;
  frozenAt?: string;
  closedAt?: string;
  revealedAt?: string;
}

/** What a student's game needs to play the event: the students' copy and each level's file text (checked by hash). */
export interface JoinInfo {
  formatVersion: 1;
  challenge: Challenge;
  levels: {id: string; hash: string; yaml: string}[];
  status: EventStatus;
}

export type Outcome = {status: number; body: Record<string, unknown>};

export interface LogEntry {
  at: string;
  text: string;
}

/** Scoring jobs waiting past this answer 503 (try again): a flood queues, it never grows without bound. */
export const MAX_BACKLOG = 20_000;

interface Entry {
  id: number;
  playerKey: string;
  candidate: Extract<Candidate, {ok: true}>;
  /** Its own row (re-scored when it arrived), which decides whether it is the player's best. */
  row: LeaderboardRow;
}

function fail(status: number, error: string, message: string): Outcome {
  return {status, body: {error, message}};
}

function stamped(submission: Submission, at: string): Submission {
  return {...submission, submittedAt: at, solutions: submission.solutions.map((s) => ({...s, submittedAt: at}))};
}

const REJECT_STATUS: Record<string, number> = {oversized: 413, malformed: 400, unreadable: 400, 'before-opening': 403, 'after-closing': 403, 'after-freeze': 403};

export class LiveEvent {
  readonly joinCode: string;
  readonly teacherToken: string;
  private meta: Partial<EventMeta>;
  private players = new Map<string, PlayerRecord>();
  private entries: Entry[] = [];
  private best = new Map<string, Entry>();
  private superseded: Superseded[] = [];
  private board!: Leaderboard;
  private frozenBoard: Leaderboard | undefined;
  private registering = new Set<string>();
  private listeners = new Set<() => void>();
  private logListeners = new Set<(entry: LogEntry) => void>();
  private readonly cache = memoryCache();
  private rebuilding: Promise<void> | undefined;
  private rebuildAgain = false;

  private constructor(
    private readonly storage: EventStorage,
    private readonly context: ScoringContext,
    private readonly pool: ScorePool,
    private readonly levelTexts: JoinInfo['levels'],
    private readonly now: () => Date,
  ) {
    const meta = storage.meta();
    this.meta = meta;
    this.joinCode = meta.joinCode as string;
    this.teacherToken = meta.teacherToken as string;
  }

  /** Opens the challenge and the data folder; a folder that already holds this event resumes it. */
  static async open(options: EventOptions): Promise<LiveEvent> {
    const opened = openChallenge(options.challengePath, {levelsDir: options.levelsDir});
    if (!opened.ok) throw new Error(opened.problems.map(formatProblem).join('\n'));
    const {challenge} = opened;
    if (!challenge.privateSeeds) {
      throw new Error(`${options.challengePath}: this is the students' copy (privateSeedsHash only): the host re-scores on the private seeds, so it needs the teacher's file`);
    }
    const levelTexts = readLevelTexts(options.challengePath, challenge, opened.levels.map((l) => l.hash), options.levelsDir);
    const storage = await EventStorage.open(options.dataDir);
    const now = options.now ?? (() => new Date());
    const hash = fingerprint(challenge);
    const meta = storage.meta();
    if (meta.challengeHash === undefined) {
      storage.setMeta({challengeId: challenge.id, challengeHash: hash, joinCode: newJoinCode(), teacherToken: newToken(), createdAt: now().toISOString()});
    } else if (meta.challengeHash !== hash) {
      storage.close();
      throw new Error(`${options.dataDir} holds the event of challenge '${meta.challengeId ?? '?'}' (another challenge file, or this one edited): give this challenge its own --data folder`);
    }
    const pool = startScorePool(opened.levels.map((l) => l.level), options.workers);
    const event = new LiveEvent(storage, {challenge, levels: opened.levels}, pool, levelTexts, now);
    try {
      await event.resume();
    } catch (error) {
      await event.stop();
      throw error;
    }
    return event;
  }

  private runner = (levels: Parameters<ScorePool['run']>[0], jobs: Parameters<ScorePool['run']>[1]) => this.pool.run(levels, jobs);

  private score(candidates: readonly Candidate[]) {
    return scoreCandidates(this.context, candidates, {cache: this.cache, runner: this.runner});
  }

  /** Everything kept in the data folder, re-scored (a restart resumes the event where it was). */
  private async resume(): Promise<void> {
    for (const player of this.storage.players()) this.players.set(player.key, player);
    const stored = this.storage.submissions().flatMap((s) => {
      const candidate = candidateFromText(s.body, s.file);
      return candidate.ok ? [{stored: s, candidate: {...candidate, submission: stamped(candidate.submission, s.receivedAt)}}] : [];
    });
    // All at once first, so the threads simulate in parallel; then each in order, from the cache.
    await this.score(stored.map((s) => s.candidate));
    for (const {stored: s, candidate} of stored) {
      const scored = await this.score([candidate]);
      const row = scored.leaderboard.rows[0];
      if (!row) continue;
      const entry: Entry = {id: s.id, playerKey: s.playerKey, candidate, row};
      this.entries.push(entry);
      if (this.players.get(s.playerKey)?.removedAt === undefined) this.keepBest(entry);
    }
    if (this.meta.frozenAt !== undefined) this.frozenBoard = await this.boardAt(this.meta.frozenAt);
    await this.rebuild();
  }

  /** The player's best stays on the board (the classroom's own order: points, then cost, then time); the other is superseded. */
  private keepBest(entry: Entry): boolean {
    const previous = this.best.get(entry.playerKey);
    if (!previous) {
      this.best.set(entry.playerKey, entry);
      return true;
    }
    const isBest = compareRows(entry.row, previous.row) < 0;
    const drop = isBest ? previous : entry;
    if (isBest) this.best.set(entry.playerKey, entry);
    this.superseded.push({file: drop.row.file, player: drop.row.player, points: drop.row.points, submittedAt: drop.row.submittedAt});
    return isBest;
  }

  status(): EventStatus {
    const {challenge} = this.context;
    const out: EventStatus = {challenge: challenge.id, title: challenge.title, players: [...this.players.values()].filter((p) => p.removedAt === undefined).length, submissions: this.entries.length};
    if (this.meta.frozenAt !== undefined) out.frozenAt = this.meta.frozenAt;
    if (this.meta.closedAt !== undefined) out.closedAt = this.meta.closedAt;
    if (this.meta.revealedAt !== undefined) out.revealedAt = this.meta.revealedAt;
    return out;
  }

  /** The board the room sees: frozen at the freeze while the board is frozen. */
  publicBoard(): Leaderboard {
    return this.frozenBoard ?? this.board;
  }

  /** The teacher's board: always up to date. */
  liveBoard(): Leaderboard {
    return this.board;
  }

  joinInfo(): JoinInfo {
    return {formatVersion: 1, challenge: publicChallenge(this.context.challenge), levels: this.levelTexts, status: this.status()};
  }

  /** The private seeds, once the teacher has revealed them (after closing). */
  seeds(): {seeds: number[]; salt: string; privateSeedsHash: string} | undefined {
    const secret = this.context.challenge.privateSeeds;
    if (this.meta.revealedAt === undefined || !secret) return undefined;
    return {seeds: [...secret.seeds], salt: secret.salt, privateSeedsHash: this.board.challenge.privateSeedsHash};
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onLog(listener: (entry: LogEntry) => void): () => void {
    this.logListeners.add(listener);
    return () => this.logListeners.delete(listener);
  }

  private log(text: string): void {
    const entry = {at: this.now().toISOString(), text};
    for (const listener of this.logListeners) listener(entry);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  /** The board from the current bests (cheap: every build is in the cache); calls that overlap share one rebuild. */
  private rebuild(): Promise<void> {
    if (this.rebuilding) {
      this.rebuildAgain = true;
      return this.rebuilding;
    }
    this.rebuilding = (async () => {
      do {
        this.rebuildAgain = false;
        const scored = await this.score([...this.best.values()].map((e) => e.candidate));
        const superseded = [...this.superseded].sort((a, b) => cmp(a.player, b.player) || cmp(a.file, b.file));
        this.board = {...scored.leaderboard, superseded};
      } while (this.rebuildAgain);
    })().finally(() => {
      this.rebuilding = undefined;
    });
    return this.rebuilding.then(() => this.changed());
  }

  /** The board of what had arrived by `at` (a frozen board, also after a restart). */
  private async boardAt(at: string): Promise<Leaderboard> {
    const limit = Date.parse(at);
    const entries = this.entries.filter((e) => Date.parse(e.candidate.submission.submittedAt) <= limit && this.players.get(e.playerKey)?.removedAt === undefined);
    const scored = await this.score(entries.map((e) => e.candidate));
    return {...scored.leaderboard, freeze: new Date(limit).toISOString()};
  }

  /** An upload: `body` is the submission file's text, `token` the player's (absent on their first). */
  async submit(body: string, token: string | undefined, from: string): Promise<Outcome> {
    if (this.meta.closedAt !== undefined) return fail(409, 'closed', `the event closed at ${this.meta.closedAt}: no more submissions`);
    const parsed = candidateFromText(body, 'upload');
    if (!parsed.ok) {
      this.log(`refused from ${from}: ${parsed.rejection.reason}`);
      return fail(REJECT_STATUS[parsed.rejection.reason] ?? 400, parsed.rejection.reason, parsed.rejection.message);
    }
    const name = parsed.submission.player.trim();
    const key = playerKey(name);
    const identity = this.checkIdentity(key, name, token);
    if (identity) return identity;
    if (this.pool.backlog() > MAX_BACKLOG) return fail(503, 'busy', 'the host is re-scoring a burst of submissions: send again in a few seconds');

    const receivedAt = this.now().toISOString();
    const candidate = {...parsed, submission: stamped(parsed.submission, receivedAt)};
    const isNew = !this.players.has(key);
    if (isNew) this.registering.add(key);
    let admitted;
    try {
      admitted = await this.score([candidate]);
    } finally {
      if (isNew) this.registering.delete(key);
    }
    const rejection = admitted.leaderboard.rejected[0];
    if (rejection) {
      this.log(`${name}: refused (${rejection.reason}) from ${from}`);
      return fail(REJECT_STATUS[rejection.reason] ?? 422, rejection.reason, rejection.message);
    }
    // The event may have changed while the builds were scored.
    if (this.meta.closedAt !== undefined) return fail(409, 'closed', `the event closed at ${this.meta.closedAt}: no more submissions`);
    const again = this.checkIdentity(key, name, token, isNew);
    if (again) return again;

    const newToken_ = isNew ? newToken() : undefined;
    const stored = this.storage.addSubmission({playerKey: key, receivedAt, body, ...(newToken_ ? {newPlayer: {name, tokenHash: tokenHash(newToken_)}} : {})});
    if (newToken_) this.players.set(key, {key, name, tokenHash: tokenHash(newToken_), joinedAt: receivedAt});
    const row = admitted.leaderboard.rows[0] as LeaderboardRow;
    const entry: Entry = {id: stored.id, playerKey: key, candidate: {...candidate, file: stored.file}, row: {...row, file: stored.file}};
    this.entries.push(entry);
    const isBest = this.keepBest(entry);
    await this.rebuild();
    const rank = this.board.rows.find((r) => playerKey(r.player) === key)?.rank;
    const points = row.points;
    this.log(`${name} #${stored.id}: ${points} points on the private seeds${isBest ? `, best so far (rank ${rank ?? '?'})` : ', below their best'} from ${from}`);
    const ack: Record<string, unknown> = {accepted: true, id: stored.id, player: name, points, best: isBest, rank: rank ?? null, players: this.board.rows.length, receivedAt};
    if (newToken_) ack['token'] = newToken_;
    if (this.frozenBoard) ack['message'] = 'the board is frozen: your submission counts, and shows when the teacher unfreezes it';
    return {status: 201, body: ack};
  }

  private checkIdentity(key: string, name: string, token: string | undefined, registeredByThisCall = false): Outcome | undefined {
    const player = this.players.get(key);
    if (player?.removedAt !== undefined) return fail(403, 'removed', `the teacher removed '${player.name}' from this event`);
    if (!player) {
      if (!registeredByThisCall && this.registering.has(key)) return fail(409, 'joining', `a first submission for '${name}' is being scored: send again with the token it returns`);
      return undefined;
    }
    if (registeredByThisCall) return fail(409, 'name-taken', `'${name}' joined meanwhile from another submission: choose another name, or send with that player's token`);
    if (token === undefined) return fail(401, 'token-required', `'${player.name}' has already joined this event: send their token (rightsize keeps it in your progress), or choose another name`);
    if (!tokenMatches(token, player.tokenHash)) return fail(403, 'wrong-token', `that token is not '${player.name}'s: submit under your own name`);
    return undefined;
  }

  async freeze(): Promise<Outcome> {
    if (this.meta.frozenAt !== undefined) return fail(409, 'frozen', `the board has been frozen since ${this.meta.frozenAt}`);
    const at = this.now().toISOString();
    this.storage.setMeta({frozenAt: at});
    this.meta = this.storage.meta();
    this.frozenBoard = await this.boardAt(at);
    this.log(`board frozen at ${at}: the room sees it as it is; submissions still count`);
    this.changed();
    return {status: 200, body: {frozenAt: at}};
  }

  async unfreeze(): Promise<Outcome> {
    if (this.meta.frozenAt === undefined) return fail(409, 'not-frozen', 'the board is not frozen');
    this.storage.setMeta({frozenAt: null});
    this.meta = this.storage.meta();
    this.frozenBoard = undefined;
    this.log('board unfrozen: the room sees every submission');
    this.changed();
    return {status: 200, body: {frozenAt: null}};
  }

  close(): Outcome {
    if (this.meta.closedAt !== undefined) return fail(409, 'closed', `the event closed at ${this.meta.closedAt}`);
    const at = this.now().toISOString();
    this.storage.setMeta({closedAt: at});
    this.meta = this.storage.meta();
    this.log(`event closed at ${at}: no more submissions`);
    this.changed();
    return {status: 200, body: {closedAt: at}};
  }

  reveal(): Outcome {
    if (this.meta.closedAt === undefined) return fail(409, 'open', 'close the event first: the seeds are revealed at the end');
    if (this.meta.revealedAt === undefined) {
      this.storage.setMeta({revealedAt: this.now().toISOString()});
      this.meta = this.storage.meta();
      this.log('private seeds revealed');
      this.changed();
    }
    return {status: 200, body: this.seeds() ?? {}};
  }

  async removePlayer(name: string): Promise<Outcome> {
    const key = playerKey(name);
    const player = this.players.get(key);
    if (!player || player.removedAt !== undefined) return fail(404, 'no-player', `no player '${name}' in this event`);
    const at = this.now().toISOString();
    this.storage.removePlayer(key, at);
    this.players.set(key, {...player, removedAt: at});
    this.best.delete(key);
    this.superseded = this.superseded.filter((s) => playerKey(s.player) !== key);
    if (this.meta.frozenAt !== undefined) this.frozenBoard = await this.boardAt(this.meta.frozenAt);
    this.log(`${player.name} removed by the teacher`);
    await this.rebuild();
    return {status: 200, body: {removed: player.name}};
  }

  exportJson(): string {
    return leaderboardJson(this.board);
  }

  exportCsv(): string {
    return leaderboardCsv(this.board);
  }

  async stop(): Promise<void> {
    await this.rebuilding?.catch(() => undefined);
    await this.pool.close();
    this.storage.close();
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Each level's file as text, for students' games (their copy checks each against its pinned hash). */
function readLevelTexts(challengePath: string, challenge: Challenge, hashes: readonly string[], levelsDir?: string): JoinInfo['levels'] {
  const needsCampaign = challenge.levels.some((entry) => entry.file === undefined);
  const campaign = needsCampaign ? loadCampaign(shippedLevelsDir(levelsDir)) : undefined;
  const base = dirname(resolve(challengePath));
  return challenge.levels.map((entry, i) => {
    const path = entry.file !== undefined ? (isAbsolute(entry.file) ? entry.file : resolve(base, entry.file)) : campaign?.ok ? campaign.value.files.get(entry.id) : undefined;
    if (path === undefined) throw new Error(`level '${entry.id}': its file cannot be found`);
    return {id: entry.id, hash: hashes[i] ?? '', yaml: readFileSync(path, 'utf8')};
  });
}
