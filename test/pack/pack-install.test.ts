// The package as a user installs it: `npm pack`, then `npm install` of the tarball into an empty folder without
// dev dependencies, then the installed `rightsize` binary runs --version, levels and score. The bundle in dist/
// carries every library it uses, so the install needs no runtime dependencies (and, with none, no network).
import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadCampaign, solutionToYaml} from '../../src/content/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {version: string; dependencies?: Record<string, string>};

let work = '';
let bin = '';
let home = '';

function npm(args: string[], cwd: string): string {
  return execFileSync(NPM, [...args, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}, timeout: 240_000});
}

function rightsize(args: string[]): {status: number | null; stdout: string; stderr: string} {
  // Run from the temp folder, so nothing resolves through the repository's own node_modules or files.
  const result = spawnSync(bin, args, {cwd: work, encoding: 'utf8', env: {...process.env, RIGHTSIZE_HOME: home, RIGHTSIZE_LEVELS: '', NO_COLOR: '1'}, timeout: 60_000});
  return {status: result.status, stdout: result.stdout, stderr: result.stderr};
}

function shippedLevels() {
  const campaign = loadCampaign();
  if (!campaign.ok) throw new Error('the shipped campaign does not load');
  return campaign.value.levels;
}

beforeAll(() => {
  // `npm test` builds first; a lone run of this file builds if the bundle is missing.
  if (!existsSync(CLI)) execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], {cwd: ROOT, stdio: 'inherit'});
  work = mkdtempSync(join(tmpdir(), 'rightsize-pack-'));
  home = join(work, 'home');
  const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', work], ROOT)) as {filename: string}[];
  const tarball = join(work, packed[0]?.filename ?? 'missing.tgz');
  writeFileSync(join(work, 'package.json'), JSON.stringify({name: 'install-check', version: '1.0.0', private: true}));
  // With no runtime dependencies the install must work offline: it only unpacks the tarball.
  const offline = Object.keys(pkg.dependencies ?? {}).length === 0 ? ['--offline'] : ['--prefer-offline'];
  // --ignore-scripts: better-sqlite3 (the one runtime dependency, native, used by `rightsize host` only) compiles
  // from source here, minutes on two cores. Without its build this install also proves the other commands never
  // load it. `host` in a normal install is run by test/host/crash.test.ts on the built binary.
  npm(['install', '--omit=dev', '--ignore-scripts', ...offline, tarball], work);
  bin = join(work, 'node_modules', '.bin', 'rightsize');
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, {recursive: true, force: true});
});

describe('the packed package, installed without dev dependencies', () => {
  it('has one runtime dependency, native better-sqlite3 (for host); what dist/ bundles is a devDependency', () => {
    expect(Object.keys(pkg.dependencies ?? {})).toEqual(['better-sqlite3']);
    const installed = readdirSync(join(work, 'node_modules')).filter((name) => !name.startsWith('.'));
    expect(installed).toContain('rightsize');
    expect(installed).toContain('better-sqlite3');
    const dev = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {devDependencies: Record<string, string>}).devDependencies);
    expect(installed.filter((name) => dev.includes(name))).toEqual([]);
  });

  it('ships the bundle, the assets, the levels and the docs, and no sources or tests', () => {
    const root = join(work, 'node_modules', 'rightsize');
    for (const path of ['dist/cli.js', 'assets/catalog.json', 'assets/concepts.yaml', 'levels/campaign.yaml', 'docs/MODEL.md', 'README.md']) {
      expect(existsSync(join(root, path)), path).toBe(true);
    }
    expect(existsSync(join(root, 'src'))).toBe(false);
    expect(existsSync(join(root, 'test'))).toBe(false);
  });

  it('rightsize --version prints the package version', () => {
    const run = rightsize(['--version']);
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe(pkg.version);
    expect(run.status).toBe(0);
  });

  it('rightsize levels lists the shipped campaign from the installed package', () => {
    const run = rightsize(['levels']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const level of shippedLevels()) expect(run.stdout).toContain(level.title);
  });

  it('rightsize score runs the simulation and scores a solution', () => {
    // The first level's own reference build, written as a player's solution file.
    const level = shippedLevels()[0];
    if (!level) throw new Error('the shipped campaign has no levels');
    const file = join(work, 'solution.yaml');
    writeFileSync(file, solutionToYaml({formatVersion: 1, level: level.id, tiers: level.reference.tiers}));
    const run = rightsize(['score', file, '--json']);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as {passed: boolean; stars: number; fingerprint: string};
    expect(result.passed).toBe(true);
    expect(result.stars).toBe(3);
    expect(result.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(run.status).toBe(0);
  });
});
