// The event on disk: one SQLite database (better-sqlite3, WAL mode, synchronous=FULL) in the data folder, and every
// accepted submission also as the raw file it was (submissions/NNNNNN.json). A submission is acknowledged only after
// both are durable: the file is written to a temp name, fsynced, renamed and its folder fsynced; then the row is
// committed (FULL: the WAL is fsynced at each commit). A crash between the two leaves a file with no row, which was
// never acknowledged: it is written over on the next run. Only names the host makes itself reach the file system.
import {closeSync, fsyncSync, mkdirSync, openSync, renameSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';

export const DATABASE_FILE = 'event.sqlite';
export const RAW_DIR = 'submissions';

export interface EventMeta {
  challengeId: string;
  /** SHA-256 of the teacher's challenge as loaded: a data folder serves one challenge. */
  challengeHash: string;
  joinCode: string;
  teacherToken: string;
  createdAt: string;
  frozenAt?: string;
  closedAt?: string;
  revealedAt?: string;
}

export interface PlayerRecord {
  key: string;
  name: string;
  tokenHash: string;
  joinedAt: string;
  removedAt?: string;
}

export interface StoredSubmission {
  id: number;
  playerKey: string;
  receivedAt: string;
  file: string;
  body: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS players (key TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL, joined_at TEXT NOT NULL, removed_at TEXT);
CREATE TABLE IF NOT EXISTS submissions (id INTEGER PRIMARY KEY, player_key TEXT NOT NULL, received_at TEXT NOT NULL, file TEXT NOT NULL, body TEXT NOT NULL);
`;

const META_KEYS = ['challengeId', 'challengeHash', 'joinCode', 'teacherToken', 'createdAt', 'frozenAt', 'closedAt', 'revealedAt'] as const;

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot fsync a folder; the rename is still atomic.
  }
}

/** Writes `text` at `path` so that after this returns it survives a crash (temp + fsync + rename + fsync folder). */
export function writeDurable(path: string, text: string): void {
  const dir = join(path, '..');
  const temp = `${path}.tmp`;
  const fd = openSync(temp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
  fsyncDir(dir);
}

export class EventStorage {
  private constructor(
    private readonly db: BetterSqlite3.Database,
    readonly dataDir: string,
  ) {}

  /** Opens (or creates) the event database; better-sqlite3 is loaded only here, so other commands never need it. */
  static async open(dataDir: string): Promise<EventStorage> {
    mkdirSync(join(dataDir, RAW_DIR), {recursive: true, mode: 0o700});
    const {default: Database} = await import('better-sqlite3');
    const db = new Database(join(dataDir, DATABASE_FILE));
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // One host per data folder: a second one fails here instead of serving a diverging copy of the event.
      db.pragma('locking_mode = EXCLUSIVE');
      db.exec('BEGIN EXCLUSIVE; COMMIT;');
      db.exec(SCHEMA);
    } catch (error) {
      db.close();
      const busy = error instanceof Error && /locked|busy/i.test(error.message);
      throw new Error(busy ? `another rightsize host is using ${dataDir}: stop it, or give this one another --data folder` : `cannot open ${join(dataDir, DATABASE_FILE)}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return new EventStorage(db, dataDir);
  }

  meta(): Partial<EventMeta> {
    const rows = this.db.prepare('SELECT key, value FROM meta').all() as {key: string; value: string}[];
    const out: Record<string, string> = {};
    for (const row of rows) if ((META_KEYS as readonly string[]).includes(row.key)) out[row.key] = row.value;
    return out as Partial<EventMeta>;
  }

  setMeta(values: Partial<Record<keyof EventMeta, string | null>>): void {
    const put = this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
    const drop = this.db.prepare('DELETE FROM meta WHERE key = ?');
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(values)) {
        if (value === null || value === undefined) drop.run(key);
        else put.run(key, value);
      }
    })();
  }

  players(): PlayerRecord[] {
    const rows = this.db.prepare('SELECT key, name, token_hash, joined_at, removed_at FROM players ORDER BY joined_at, key').all() as {key: string; name: string; token_hash: string; joined_at: string; removed_at: string | null}[];
    return rows.map((r) => ({key: r.key, name: r.name, tokenHash: r.token_hash, joinedAt: r.joined_at, ...(r.removed_at === null ? {} : {removedAt: r.removed_at})}));
  }

  removePlayer(key: string, at: string): void {
    this.db.prepare('UPDATE players SET removed_at = ? WHERE key = ?').run(at, key);
  }

  submissions(): StoredSubmission[] {
    const rows = this.db.prepare('SELECT id, player_key, received_at, file, body FROM submissions ORDER BY id').all() as {id: number; player_key: string; received_at: string; file: string; body: string}[];
    return rows.map((r) => ({id: r.id, playerKey: r.player_key, receivedAt: r.received_at, file: r.file, body: r.body}));
  }

  /**
   * Keeps an accepted submission: the raw file first, then (one transaction) the row and, for a new player, their
   * token's hash. Returns when both are durable.
   */
  addSubmission(entry: {playerKey: string; receivedAt: string; body: string; newPlayer?: {name: string; tokenHash: string}}): StoredSubmission {
    const last = this.db.prepare('SELECT COALESCE(MAX(id), 0) AS id FROM submissions').get() as {id: number};
    const id = last.id + 1;
    const file = `${RAW_DIR}/${String(id).padStart(6, '0')}.json`;
    writeDurable(join(this.dataDir, file), entry.body);
    const insertPlayer = this.db.prepare('INSERT INTO players (key, name, token_hash, joined_at) VALUES (?, ?, ?, ?)');
    const insert = this.db.prepare('INSERT INTO submissions (id, player_key, received_at, file, body) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      if (entry.newPlayer) insertPlayer.run(entry.playerKey, entry.newPlayer.name, entry.newPlayer.tokenHash, entry.receivedAt);
      insert.run(id, entry.playerKey, entry.receivedAt, file, entry.body);
    })();
    return {id, playerKey: entry.playerKey, receivedAt: entry.receivedAt, file, body: entry.body};
  }

  close(): void {
    this.db.close();
  }
}
