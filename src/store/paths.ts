// Where rightsize keeps the player's files: $RIGHTSIZE_HOME, else the platform's data dir
// (~/.local/share/rightsize on Linux, ~/Library/Application Support/rightsize on macOS, %LOCALAPPDATA%\rightsize\Data on Windows).
import envPaths from 'env-paths';
import {dirname, join, resolve} from 'node:path';

export const PROGRESS_FILE = 'progress.json';
export const SOLUTIONS_DIR = 'solutions';
export const SLOT_EXTENSION = '.yaml';

/** The longest slot name kept, in characters. */
export const SLOT_NAME_MAX_CHARS = 60;

export function dataDir(): string {
  const home = process.env['RIGHTSIZE_HOME'];
  if (home !== undefined && home.trim() !== '') return resolve(home);
  return envPaths('rightsize', {suffix: ''}).data;
}

export function progressPath(): string {
  return join(dataDir(), PROGRESS_FILE);
}

// Names Windows refuses as file names, whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/**
 * A slot name made safe as a file name on every platform: letters, digits, spaces, `_`, `.` and `-` only,
 * no leading dot or dash (no hidden files, no `..`), no trailing dot or space, at most SLOT_NAME_MAX_CHARS.
 * Idempotent: a name it returns maps to itself, so names from `listSlots` round-trip.
 */
export function safeSlotName(name: string): string {
  let safe = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{M}\p{N} _.-]+/gu, '-')
    .replace(/ {2,}/g, ' ')
    .replace(/-{2,}/g, '-')
    .replace(/^[ .-]+/, '');
  safe = Array.from(safe).slice(0, SLOT_NAME_MAX_CHARS).join('').replace(/[ .]+$/, '');
  if (safe === '') return 'untitled';
  return WINDOWS_RESERVED.test(safe) ? `${safe}-slot` : safe;
}

export function solutionsDir(levelId: string): string {
  const root = join(dataDir(), SOLUTIONS_DIR);
  return inside(root, join(root, safeSlotName(levelId)));
}

/** The file of a slot; the name is sanitised, and the result is checked to sit directly in the level's folder. */
export function slotPath(levelId: string, name: string): string {
  const dir = solutionsDir(levelId);
  return inside(dir, join(dir, `${safeSlotName(name)}${SLOT_EXTENSION}`));
}

function inside(dir: string, file: string): string {
  if (dirname(resolve(file)) !== resolve(dir)) throw new Error(`refusing a path outside ${dir}: ${file}`);
  return file;
}
