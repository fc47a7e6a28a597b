// The built binary, end to end, without a TTY: help, version, score exit codes, JSON stability, validate, levels.
import {spawn} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import pkg from '../../package.json' with {type: 'json'};
import {NO_TTY_MESSAGE} from '../../src/cli/commands/play.js';
import {CLI, ROOT, fixture, useCli} from './run.js';

const cli = useCli();
const LEVEL = fixture('levels/two-zones.yaml');
const LEVELS_DIR = fixture('levels');
const STACK_LINE = /^\s+at /m;

describe('help and version', () => {
  it('--help lists the commands and global options, exit 0', () => {
    const run = cli.run(['--help']);
    expect(run.status).toBe(0);
    for (const word of ['score', 'validate', 'levels', 'catalog', '--levels', '--no-color', '--screen-reader', '--version', 'Exit codes']) expect(run.stdout).toContain(word);
  });

  it('score --help shows its options', () => {
    const run = cli.run(['score', '--help']);
    expect(run.status).toBe(0);
    for (const word of ['--level', '--seed', '--json']) expect(run.stdout).toContain(word);
  });

  it('--version prints the package version', () => {
    const run = cli.run(['--version']);
    expect(run).toMatchObject({status: 0, stdout: `${pkg.version}\n`});
  });

  it('help score shows the score command’s help', () => {
    const run = cli.run(['help', 'score']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: rightsize score [options] <solution>');
  });

  const usageErrors: {name: string; args: string[]; says: string}[] = [
    {name: 'unknown option', args: ['--frobnicate'], says: "unknown option '--frobnicate'"},
    {name: 'unknown command', args: ['frobnicate'], says: "unknown command 'frobnicate'"},
    {name: 'mistyped command', args: ['scroe', 'x.yaml'], says: "unknown command 'scroe'\n(Did you mean score?)"},
    {name: 'score without a file', args: ['score'], says: "missing required argument 'solution'"},
    {name: 'score with two files', args: ['score', 'a.yaml', 'b.yaml'], says: "too many arguments for 'score'"},
    {name: 'validate without files', args: ['validate'], says: "missing required argument 'files'"},
    {name: '--levels without a folder', args: ['--levels'], says: "option '--levels <dir>' argument missing"},
  ];
  for (const row of usageErrors) {
    it(`${row.name}: exit 2 with a usage message`, () => {
      const run = cli.run(row.args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(row.says);
      expect(run.stderr).toContain('rightsize --help');
      expect(run.stdout).toBe('');
    });
  }
});

describe('the game without a terminal', () => {
  it('says it needs one, points at the headless commands, exit 0', () => {
    const run = cli.run([]);
    expect(run).toMatchObject({status: 0, stdout: `${NO_TTY_MESSAGE}\n`, stderr: ''});
  });
});

describe('score', () => {
  const rows: {name: string; args: string[]; env?: Record<string, string>; status: number; stdout?: RegExp[]; stderr?: RegExp[]}[] = [
    {name: 'a winning solution, level by file', args: ['score', fixture('win.yaml'), '--level', LEVEL], status: 0, stdout: [/✓ passed/, /★/, /Objectives/, /Cost per 730-hour month/, /Findings/]},
    {name: 'a losing solution', args: ['score', fixture('lose.yaml'), '--level', LEVEL], status: 1, stdout: [/✗ not passed/, /az-outage/, /single-az/]},
    {name: 'by the solution’s level id in --levels DIR', args: ['--levels', LEVELS_DIR, 'score', fixture('win.yaml')], status: 0, stdout: [/Two Zones \(two-zones\)/]},
    {name: 'by the solution’s level id in RIGHTSIZE_LEVELS', args: ['score', fixture('lose.yaml')], env: {RIGHTSIZE_LEVELS: LEVELS_DIR}, status: 1},
    {name: 'by --level ID', args: ['--levels', LEVELS_DIR, 'score', fixture('win.yaml'), '--level', 'two-zones'], status: 0},
    {name: 'a malformed solution', args: ['score', fixture('malformed.yaml'), '--level', LEVEL], status: 2, stderr: [/malformed\.yaml:5:14 tiers\[0\]\.compute: must be one of ec2, ecs, eks, lambda/]},
    {name: 'a solution the level does not allow', args: ['score', fixture('not-allowed.yaml'), '--level', LEVEL], status: 2, stderr: [/not-allowed\.yaml:4:\d+ tiers\[0\]\.compute: .*not allowed/]},
    {name: 'a missing solution file', args: ['score', fixture('nope.yaml'), '--level', LEVEL], status: 2, stderr: [/nope\.yaml:1:1/]},
    {name: 'a broken level file', args: ['score', fixture('win.yaml'), '--level', fixture('bad-level.yaml')], status: 2, stderr: [/bad-level\.yaml:4:10 chapter: /]},
    {name: 'an unknown level id', args: ['--levels', LEVELS_DIR, 'score', fixture('win.yaml'), '--level', 'no-such-level'], status: 2, stderr: [/no level with id 'no-such-level' \(levels here: two-zones\)/]},
    {name: 'a missing levels folder', args: ['--levels', fixture('no-such-dir'), 'score', fixture('win.yaml')], status: 2, stderr: [/no-such-dir:1:1: no such folder/]},
    {name: 'a negative seed', args: ['score', fixture('win.yaml'), '--level', LEVEL, '--seed', '-1'], status: 2, stderr: [/--seed must be/]},
    {name: 'a fractional seed', args: ['score', fixture('win.yaml'), '--level', LEVEL, '--seed', '1.5'], status: 2, stderr: [/--seed must be/]},
    {name: 'a seed past 32 bits', args: ['score', fixture('win.yaml'), '--level', LEVEL, '--seed', '4294967296'], status: 2, stderr: [/--seed must be at most 4294967295/]},
  ];
  for (const row of rows) {
    it(`${row.name}: exit ${row.status}`, () => {
      const run = cli.run(row.args, row.env);
      expect(run.status, run.stderr).toBe(row.status);
      for (const pattern of row.stdout ?? []) expect(run.stdout).toMatch(pattern);
      for (const pattern of row.stderr ?? []) expect(run.stderr).toMatch(pattern);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout + run.stderr).not.toContain('\u001b[');
    });
  }

  const hostile: {name: string; text: () => string}[] = [
    {name: 'a 2 MB file', text: () => `formatVersion: 1\nlevel: two-zones\nplayer: "${'x'.repeat(2 * 1024 * 1024)}"\n`},
    {name: 'deeply nested input', text: () => `formatVersion: 1\nlevel: two-zones\ntiers: ${'['.repeat(5000)}${']'.repeat(5000)}\n`},
    {name: 'a __proto__ key', text: () => 'formatVersion: 1\nlevel: two-zones\n__proto__: {polluted: true}\ntiers: []\n'},
    {name: 'not YAML at all', text: () => '\u0000\u0001{{{: :'},
  ];
  for (const row of hostile) {
    it(`${row.name}: one clear message per problem at file:line:col, exit 2`, () => {
      const file = join(cli.home(), 'hostile.yaml');
      writeFileSync(file, row.text());
      const run = cli.run(['score', file, '--level', LEVEL]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/hostile\.yaml:\d+:\d+/);
      expect(run.stderr).not.toMatch(STACK_LINE);
      expect(run.stdout).toBe('');
    });
  }

  it('a solution for another level is bad input, pointing at its level line', () => {
    const other = join(cli.home(), 'other.yaml');
    writeFileSync(other, readFileSync(fixture('win.yaml'), 'utf8').replace('level: two-zones', 'level: stay-up'));
    const run = cli.run(['score', other, '--level', LEVEL]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/other\.yaml:2:8 level: this solution is for level 'stay-up', not 'two-zones'/);
  });

  it('--json is the Result, byte for byte the same on a second run, with the same exit code', () => {
    const first = cli.run(['score', fixture('lose.yaml'), '--level', LEVEL, '--json']);
    const second = cli.run(['score', fixture('lose.yaml'), '--level', LEVEL, '--json']);
    expect(first.status).toBe(1);
    expect(second.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const result = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({level: 'two-zones', seed: 7, passed: false});
    for (const key of ['levelHash', 'engineVersion', 'horizonHours', 'stars', 'points', 'objectives', 'metrics', 'cost', 'failures', 'findings', 'fingerprint']) {
      expect(result).toHaveProperty(key);
    }
    expect(first.stdout).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });

  it('--seed overrides the level seed and changes the run', () => {
    const levelSeed = JSON.parse(cli.run(['score', fixture('win.yaml'), '--level', LEVEL, '--json']).stdout) as {seed: number; fingerprint: string};
    const other = JSON.parse(cli.run(['score', fixture('win.yaml'), '--level', LEVEL, '--json', '--seed', '8']).stdout) as {seed: number; fingerprint: string};
    expect(levelSeed.seed).toBe(7);
    expect(other.seed).toBe(8);
    expect(other.fingerprint).not.toBe(levelSeed.fingerprint);
  });
  it('a reader that closes the pipe early: no EPIPE stack, the exit code is kept', async () => {
    const child = spawn(process.execPath, [CLI, 'score', fixture('lose.yaml'), '--level', LEVEL, '--json'], {
      cwd: ROOT,
      env: {...process.env, RIGHTSIZE_HOME: cli.home()},
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // closed before the child writes its 60 kB of JSON
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(status).toBe(1);
  });
});

describe('validate', () => {
  it('a good level: "ok FILE", exit 0', () => {
    const run = cli.run(['validate', LEVEL]);
    expect(run.stderr).toBe('');
    expect(run).toMatchObject({status: 0, stdout: `ok ${LEVEL}\n`});
  });

  it('a bad level: every problem at file:line:col, exit 1', () => {
    const run = cli.run(['validate', fixture('bad-level.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(5);
    for (const line of lines) expect(line).toMatch(/bad-level\.yaml:\d+:\d+ /);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });

  it('a solution file given to validate: says so and points at score, exit 1', () => {
    const run = cli.run(['validate', fixture('win.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`${fixture('win.yaml')}:1:1: this is a solution, not a level: \`rightsize score ${fixture('win.yaml')}\` scores it\n`);
  });

  it('several files: ok for the good one, problems for the bad one, exit 1', () => {
    const run = cli.run(['validate', LEVEL, fixture('bad-level.yaml'), fixture('missing.yaml')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`ok ${LEVEL}\n`);
    expect(run.stderr).toContain('bad-level.yaml:');
    expect(run.stderr).toContain('missing.yaml:1:1');
  });
  it('a level that pins its AZ outage: a warning at the az field on stderr, still "ok", exit 0', () => {
    const pinned = fixture('pinned/pinned-az.yaml');
    const run = cli.run(['validate', pinned]);
    expect(run).toMatchObject({status: 0, stdout: `ok ${pinned}\n`});
    expect(run.stderr).toMatch(/pinned-az\.yaml:15:27 incidents\[0\]\.az: warning: a pinned AZ can be dodged/);
  });

  it('a folder: each level, then its campaign.yaml, exit 0', () => {
    const run = cli.run(['validate', LEVELS_DIR]);
    expect(run).toMatchObject({status: 0, stdout: `ok ${LEVEL}\nok ${join(LEVELS_DIR, 'campaign.yaml')}\n`, stderr: ''});
  });

  it('a campaign.yaml that lists a level with no file: the line of the listing, exit 1', () => {
    const campaign = fixture('broken-campaign/campaign.yaml');
    const run = cli.run(['validate', campaign]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken-campaign\/campaign\.yaml:5:\d+ chapters\[0\]\.levels\[0\]: no level with id 'missing-level'/);
  });

  it('the shipped levels folder validates', () => {
    const run = cli.run(['validate', 'levels']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('ok levels/campaign.yaml');
  });
});

describe('levels', () => {
  it('lists chapters, levels and concepts with no stars yet', () => {
    const run = cli.run(['--levels', LEVELS_DIR, 'levels']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Virtual machines (ec2)');
    expect(run.stdout).toMatch(/☆☆☆ {2}two-zones +Two Zones \(not played\)/);
    expect(run.stdout).toContain('concepts: availability-zones, load-balancer');
  });

  it('shows the player’s stars from the progress file, in text and JSON', () => {
    writeFileSync(join(cli.home(), 'progress.json'), JSON.stringify({formatVersion: 1, levels: {'two-zones': {stars: 2, bestPoints: 815}}, settings: {}}));
    expect(cli.run(['--levels', LEVELS_DIR, 'levels']).stdout).toMatch(/★★☆ {2}two-zones +Two Zones \(2 stars, best 815 pts\)/);
    const json = cli.run(['--levels', LEVELS_DIR, 'levels', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({
      chapters: [{id: 'ec2', title: 'Virtual machines', levels: [{id: 'two-zones', title: 'Two Zones', concepts: ['availability-zones', 'load-balancer'], stars: 2, bestPoints: 815}]}],
    });
  });

  it('a corrupt progress file is kept aside with a notice on stderr; the list still prints', () => {
    const progress = join(cli.home(), 'progress.json');
    writeFileSync(progress, '{not json');
    const run = cli.run(['--levels', LEVELS_DIR, 'levels']);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${progress}.corrupt-1`);
    expect(run.stdout).toContain('two-zones');
    expect(readFileSync(`${progress}.corrupt-1`, 'utf8')).toBe('{not json');
  });

  it('the shipped campaign loads (no --levels)', () => {
    const run = cli.run(['levels', '--json']);
    expect(run.status, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as {chapters: unknown[]}).chapters.length).toBeGreaterThan(0);
  });
});

describe('unexpected errors', () => {
  const breakStdout = ['--import', fixture('break-stdout.mjs')];

  it('are one line on stderr and exit 2', () => {
    const run = cli.run(['--levels', LEVELS_DIR, 'levels'], {}, breakStdout);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('rightsize: unexpected error: stdout is broken (test fixture) (set RIGHTSIZE_DEBUG=1 for details)\n');
  });

  it('show the stack with RIGHTSIZE_DEBUG=1', () => {
    const run = cli.run(['--levels', LEVELS_DIR, 'levels'], {RIGHTSIZE_DEBUG: '1'}, breakStdout);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(STACK_LINE);
  });
});
