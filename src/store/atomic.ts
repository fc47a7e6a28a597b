// Every file the store writes goes through here: a temp file beside the target, fsync, rename.
// A crash or a failed write leaves the old file whole; a temp file a `kill -9` leaves behind is removed at the
// next start (cleanStaleTemps in progress.ts).
import {mkdir, stat} from 'node:fs/promises';
import {dirname, parse} from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface AtomicWriteHooks {
  /** Called once the temp file exists, before anything is written to it (tests make the write fail here). */
  tempFileCreated?: (tempPath: string) => void | Promise<void>;
}

/** Creates the folder (and its parents); when a part of the path is a file, says so in words. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, {recursive: true});
  } catch (error) {
    const code = (error as {code?: unknown} | null)?.code;
    if (code !== 'EEXIST' && code !== 'ENOTDIR') throw error;
    const blocker = await fileInTheWay(dir);
    const hint = process.env['RIGHTSIZE_HOME']?.trim() ? ' (check RIGHTSIZE_HOME: it must name a folder)' : '';
    throw new Error(`cannot create the folder ${dir}: ${blocker ?? 'a part of its path'} is a file, not a folder${hint}; move that file away or choose another folder`);
  }
}

/** The first existing path on the way to `dir` that is not a folder. */
async function fileInTheWay(dir: string): Promise<string | undefined> {
  const root = parse(dir).root;
  const chain: string[] = [];
  for (let at = dir; at !== root && at !== dirname(at); at = dirname(at)) chain.unshift(at);
  for (const at of chain) {
    const info = await stat(at).catch(() => undefined);
    if (info && !info.isDirectory()) return at;
  }
  return undefined;
}

export async function writeTextAtomic(path: string, text: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  await ensureDir(dirname(path));
  const options: writeFileAtomic.Options = {encoding: 'utf8'};
  if (hooks.tempFileCreated) options.tmpfileCreated = hooks.tempFileCreated;
  await writeFileAtomic(path, text, options);
}
