// A fresh RIGHTSIZE_HOME per test, removed afterwards.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach} from 'vitest';

export function useTempHome(): {dir: () => string} {
  let dir = '';
  let previous: string | undefined;
  beforeEach(() => {
    previous = process.env['RIGHTSIZE_HOME'];
    dir = mkdtempSync(join(tmpdir(), 'rightsize-store-'));
    process.env['RIGHTSIZE_HOME'] = dir;
  });
  afterEach(() => {
    if (previous === undefined) delete process.env['RIGHTSIZE_HOME'];
    else process.env['RIGHTSIZE_HOME'] = previous;
    rmSync(dir, {recursive: true, force: true});
  });
  return {dir: () => dir};
}
