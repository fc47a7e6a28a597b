// assetsDir/levelsDir are found from the module's own location, from src/ and from a bundle alike.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, rmSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {build} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {assetsDir, levelsDir, packageRoot} from '../../src/content/index.js';

const ROOT = resolve('.');

describe('paths', () => {
  it.each([
    {name: 'package root', actual: () => packageRoot(), expected: ROOT},
    {name: 'assets', actual: () => assetsDir(), expected: join(ROOT, 'assets')},
    {name: 'levels (default)', actual: () => levelsDir(), expected: join(ROOT, 'levels')},
    {name: 'levels (override, made absolute)', actual: () => levelsDir('test/fixtures/levels'), expected: join(ROOT, 'test/fixtures/levels')},
  ])('$name', ({actual, expected}) => {
    const saved = process.env.RIGHTSIZE_LEVELS;
    delete process.env.RIGHTSIZE_LEVELS;
    try {
      expect(actual()).toBe(expected);
    } finally {
      if (saved !== undefined) process.env.RIGHTSIZE_LEVELS = saved;
    }
  });

  it('RIGHTSIZE_LEVELS is used when no override is given', () => {
    const saved = process.env.RIGHTSIZE_LEVELS;
    process.env.RIGHTSIZE_LEVELS = '/tmp/my-levels';
    try {
      expect([levelsDir(), levelsDir('/tmp/other')]).toEqual(['/tmp/my-levels', '/tmp/other']);
    } finally {
      if (saved === undefined) delete process.env.RIGHTSIZE_LEVELS;
      else process.env.RIGHTSIZE_LEVELS = saved;
    }
  });

  describe('from a one-file bundle in a folder below the package root', () => {
    const outDir = join(ROOT, 'node_modules', '.cache', 'rightsize-paths-test');
    afterAll(() => rmSync(outDir, {recursive: true, force: true}));

    it('finds the same assets folder', async () => {
      mkdirSync(outDir, {recursive: true});
      const outfile = join(outDir, 'paths.mjs');
      await build({
        stdin: {contents: "import {assetsDir} from './src/content/paths.ts'; console.log(assetsDir());", resolveDir: ROOT, loader: 'ts'},
        bundle: true,
        format: 'esm',
        platform: 'node',
        outfile,
        logLevel: 'silent',
      });
      expect(existsSync(outfile)).toBe(true);
      expect(execFileSync(process.execPath, [outfile], {encoding: 'utf8', cwd: '/'}).trim()).toBe(join(ROOT, 'assets'));
    });
  });
});
