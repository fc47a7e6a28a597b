// Named solution slots per level (<dataDir>/solutions/<levelId>/<slot>.yaml) and solution files anywhere on disk.
// Names are sanitised (safeSlotName), so no name can reach outside the level's folder.
import {readdir, stat, unlink} from 'node:fs/promises';
import {extname, resolve} from 'node:path';
import {fileProblem, loadSolutionFile, solutionToYaml, type Loaded} from '../content/index.js';
import type {Solution} from '../engine/types.js';
import {writeTextAtomic} from './atomic.js';
import {safeSlotName, SLOT_EXTENSION, slotPath, solutionsDir} from './paths.js';

export interface SlotInfo {
  /** The slot's name (already safe: pass it back to loadSlot / deleteSlot as it is). */
  name: string;
  path: string;
  modifiedAt: Date;
}

/** The level's saved slots, most recently saved first (then by name). An unknown level has none. */
export async function listSlots(levelId: string): Promise<SlotInfo[]> {
  const dir = solutionsDir(levelId);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return [];
    throw error;
  }
  const slots: SlotInfo[] = [];
  for (const entry of entries) {
    if (!entry.endsWith(SLOT_EXTENSION)) continue;
    const name = entry.slice(0, -SLOT_EXTENSION.length);
    if (safeSlotName(name) !== name) continue; // not a file this store wrote
    const path = slotPath(levelId, name);
    const info = await stat(path).catch(() => undefined);
    if (info?.isFile()) slots.push({name, path, modifiedAt: info.mtime});
  }
  return slots.sort((a, b) => b.modifiedAt.getTime() - a.modifiedAt.getTime() || a.name.localeCompare(b.name));
}

/** Saves the solution under the (sanitised) name, replacing a slot of that name. Returns the slot. */
export async function saveSlot(levelId: string, name: string, solution: Solution): Promise<{name: string; path: string}> {
  const path = slotPath(levelId, name);
  await writeTextAtomic(path, solutionToYaml(solution));
  return {name: safeSlotName(name), path};
}

/** The slot's solution, validated like any solution file (a hand-edited slot can be wrong). */
export async function loadSlot(levelId: string, name: string): Promise<Loaded<Solution>> {
  const path = slotPath(levelId, name);
  const exists = await stat(path).then((info) => info.isFile(), () => false);
  if (!exists) return {ok: false, problems: [fileProblem(path, `no solution saved as '${safeSlotName(name)}' for level ${levelId}`)]};
  return loadSolutionFile(path);
}

/** Deletes the slot; false when there was none. */
export async function deleteSlot(levelId: string, name: string): Promise<boolean> {
  try {
    await unlink(slotPath(levelId, name));
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Writes the solution to any path (YAML, or JSON when the path ends in .json); returns the absolute path. */
export async function exportSolution(path: string, solution: Solution): Promise<string> {
  const target = resolve(path);
  const text = extname(target).toLowerCase() === '.json' ? `${JSON.stringify(solution, null, 2)}\n` : solutionToYaml(solution);
  await writeTextAtomic(target, text);
  return target;
}

/** Reads and validates a solution file from anywhere (every problem at file:line:col). */
export function importSolution(path: string): Loaded<Solution> {
  return loadSolutionFile(path);
}

function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as {code?: unknown}).code === code;
}
