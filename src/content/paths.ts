// Where the shipped files are: found from this module's own location by walking up to the package.json named
// "rightsize". Works from src/content/ (vitest, tsx) and from the bundled dist/cli.js alike.
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const PACKAGE_NAME = 'rightsize';
let root: string | undefined;

function isPackageRoot(dir: string): boolean {
  const manifest = join(dir, 'package.json');
  if (!existsSync(manifest)) return false;
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as {name?: unknown}).name === PACKAGE_NAME;
  } catch {
    return false;
  }
}

/** The folder holding rightsize's package.json. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (isPackageRoot(dir)) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not inside the package (should not happen): fall back to the working directory.
  return (root = process.cwd());
}

export function assetsDir(): string {
  return join(packageRoot(), 'assets');
}

/** The levels folder: `override` (the CLI's --levels), else $RIGHTSIZE_LEVELS, else the shipped levels/. */
export function levelsDir(override?: string): string {
  const chosen = override ?? process.env.RIGHTSIZE_LEVELS;
  return chosen !== undefined && chosen !== '' ? resolve(chosen) : join(packageRoot(), 'levels');
}
