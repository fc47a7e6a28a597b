// A lock between processes for one file: a directory `<file>.lock` (mkdir is atomic on every platform) holding
// an `owner` file with the holder's pid, host and a token. A lock whose holder is gone is taken over at once —
// same host and the pid no longer runs — or, whatever the host, once it is older than STALE_MS (a holder keeps
// it for milliseconds: one read and one atomic write). A takeover holds a second lock and re-checks that the lock
// is still the one it judged stale before removing it, so it never removes a live process's new lock.
//
// Why not proper-lockfile: it judges staleness by age only (at least seconds), so after a `kill -9` the next
// save waits that long; a dead pid on this host is certain at once.
import {randomBytes} from 'node:crypto';
import {hostname} from 'node:os';
import {mkdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises';

/** A lock older than this is stale whoever holds it. */
export const STALE_MS = 30_000;
/** A lock directory without an owner file (its maker died between mkdir and the write) is stale after this. */
const OWNERLESS_STALE_MS = 2_000;
/** How long to wait for a live holder before giving up. */
export const LOCK_TIMEOUT_MS = 15_000;

interface Owner {
  pid: number;
  host: string;
  token: string;
}

export class LockTimeoutError extends Error {
  constructor(file: string, owner: Owner | undefined) {
    super(`${file} is locked${owner ? ` by process ${owner.pid} on ${owner.host}` : ''}; another rightsize is saving — try again, or end that process`);
  }
}

export function lockPathOf(file: string): string {
  return `${file}.lock`;
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === code;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return isCode(error, 'EPERM'); // it runs, as someone else
  }
}

async function readOwner(lock: string): Promise<Owner | undefined> {
  try {
    const raw = JSON.parse(await readFile(`${lock}/owner`, 'utf8')) as Partial<Owner>;
    if (typeof raw.pid === 'number' && typeof raw.host === 'string' && typeof raw.token === 'string') return {pid: raw.pid, host: raw.host, token: raw.token};
  } catch {
    // missing or half-written: judged by age
  }
  return undefined;
}

type Judgement = {stale: false; owner: Owner | undefined} | {stale: true; ino: number; token: string | undefined} | {gone: true};

async function judge(lock: string): Promise<Judgement | {gone: true}> {
  let info;
  try {
    info = await stat(lock);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return {gone: true};
    throw error;
  }
  const owner = await readOwner(lock);
  const age = Date.now() - info.mtimeMs;
  const stale = age > STALE_MS || (owner === undefined ? age > OWNERLESS_STALE_MS : owner.host === hostname() && owner.pid !== process.pid && !alive(owner.pid));
  return stale ? {stale: true, ino: info.ino, token: owner?.token} : {stale: false, owner};
}

/**
 * Removes a stale lock. Every takeover happens under a second lock, `<lock>.break`, and re-checks under it that the
 * lock is still the very one judged stale (same inode and owner token), so a takeover can never remove a lock that
 * a live process has just made. (Moving the stale lock aside and back is not enough: a third process can make a new
 * lock while it is aside.) A breaker is held for one stat, one read and one rm; one whose holder died is removed.
 */
async function takeOver(lock: string, ino: number, token: string | undefined): Promise<void> {
  const breaker = `${lock}.break`;
  try {
    await mkdir(breaker);
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
    const seen = await judge(breaker);
    if ('gone' in seen || !seen.stale) return; // another process is taking over: look again
    // A breaker whose holder died: only its own maker ever removes a live one, so removing a dead one is safe
    // unless two processes judge it at once — rename it to a unique name first, so only one of them removes it.
    const aside = `${breaker}.stale-${process.pid}-${randomBytes(4).toString('hex')}`;
    await rename(breaker, aside).then(
      () => rm(aside, {recursive: true, force: true}),
      () => undefined,
    );
    return;
  }
  try {
    await writeFile(`${breaker}/owner`, JSON.stringify({pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex')} satisfies Owner));
    const now = await stat(lock).catch(() => undefined);
    const owner = await readOwner(lock);
    if (now && now.ino === ino && owner?.token === token) await rm(lock, {recursive: true, force: true});
  } finally {
    await rm(breaker, {recursive: true, force: true});
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `fn` holding the lock of `file` (its folder must exist). Releases it however `fn` ends. */
export async function withLock<T>(file: string, fn: () => Promise<T>, options: {timeoutMs?: number} = {}): Promise<T> {
  const lock = lockPathOf(file);
  const token = randomBytes(8).toString('hex');
  const deadline = Date.now() + (options.timeoutMs ?? LOCK_TIMEOUT_MS);
  let wait = 2;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if (!isCode(error, 'EEXIST')) throw error;
    }
    const seen = await judge(lock);
    if ('gone' in seen) continue;
    if (seen.stale) {
      await takeOver(lock, seen.ino, seen.token);
      continue;
    }
    if (Date.now() > deadline) throw new LockTimeoutError(file, seen.owner);
    await sleep(wait + Math.random() * wait);
    wait = Math.min(wait * 2, 50);
  }
  try {
    await writeFile(`${lock}/owner`, JSON.stringify({pid: process.pid, host: hostname(), token} satisfies Owner));
    return await fn();
  } finally {
    // Only our own lock is removed (a lock taken over after STALE_MS belongs to someone else now); one whose owner
    // file could not be written is ours too.
    const owner = await readOwner(lock);
    if (owner === undefined || owner.token === token) await rm(lock, {recursive: true, force: true});
  }
}
