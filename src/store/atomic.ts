// Every file the store writes goes through here: a temp file beside the target, fsync, rename.
// A crash or a failed write leaves the old file whole and no temp file behind.
import {mkdir} from 'node:fs/promises';
import {dirname} from 'node:path';
import writeFileAtomic from 'write-file-atomic';

export interface AtomicWriteHooks {
  /** Called once the temp file exists, before anything is written to it (tests make the write fail here). */
  tempFileCreated?: (tempPath: string) => void | Promise<void>;
}

export async function writeTextAtomic(path: string, text: string, hooks: AtomicWriteHooks = {}): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
  const options: writeFileAtomic.Options = {encoding: 'utf8'};
  if (hooks.tempFileCreated) options.tmpfileCreated = hooks.tempFileCreated;
  await writeFileAtomic(path, text, options);
}
