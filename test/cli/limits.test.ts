// #8 items 6, 7 and 9 through the built binary: a level too big to simulate is a problem at file:line:col
// (never a hang), `validate` of the worst shapes ends in seconds, and bad paths are problems of their own.
import {mkdirSync, readFileSync, symlinkSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseDocument} from 'yaml';
import {fixture, useCli} from './run.js';

const cli = useCli();
const LEVEL = fixture('levels/two-zones.yaml');
const STACK_LINE = /^\s+at /m;

/** The two-zones fixture with `edit` applied to its YAML document. */
function levelWith(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(LEVEL, 'utf8'));
  edit(doc);
  return doc.toString({lineWidth: 0});
}

describe('#8.6 score of a level with work beyond the budget', () => {
  it('100,000 jobs an hour for 28 days: a problem at the number to lower, exit 2, in seconds', () => {
    const dir = cli.home();
    const level = join(dir, 'busy.yaml');
    writeFileSync(
      level,
      levelWith((doc) => {
        doc.set('horizonDays', 28);
        doc.set('workloads', doc.createNode([{id: 'web', kind: 'web', baseRps: 20, daily: 'flat', cpuMsPerRequest: 20, sloMs: 300}, {id: 'batch', kind: 'jobs', every: 'hour', at: ':00', count: 100_000, vcpuMinutes: 5, memoryGb: 1, deadlineMinutes: 1440}]));
        doc.setIn(['allow', 'compute'], doc.createNode(['ec2', 'lambda']));
        const web = {workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 2, azs: ['a', 'b'], loadBalancer: 'alb', network: 'private', inbound: ['https']};
        const batch = {workload: 'batch', compute: 'ec2', instanceType: 't3.small', count: 1, azs: ['a']};
        for (const key of ['start', 'reference']) doc.setIn([key, 'tiers'], doc.createNode([web, batch]));
        doc.set('counterexamples', doc.createNode([]));
      }),
    );
    const solution = join(dir, 'big.yaml');
    writeFileSync(solution, 'formatVersion: 1\nlevel: two-zones\ntiers:\n  - {workload: web, compute: ec2, instanceType: t3.small, count: 2, azs: [a, b], loadBalancer: alb}\n  - {workload: batch, compute: ec2, instanceType: t3.small, count: 200, azs: [a, b]}\n');
    const run = cli.run(['score', '--level', level, solution]);
    expect(run.stderr).toMatch(new RegExp(`${solution}:5:\\d+ tiers\\[1\\]\\.count: this build is too big to simulate: .*lower count \\(200\\) or the level's horizonDays \\(28\\)`));
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('#8.7 validate of the worst shape within the size limit', () => {
  it('10 workloads, 200 units, 28 days, 20 counterexamples: the budget problem, no runs, exit 1', () => {
    const level = join(cli.home(), 'huge.yaml');
    const ids = Array.from({length: 10}, (_, i) => `w${i}`);
    const tiers = ids.map((id) => ({workload: id, compute: 'ec2', instanceType: 't3.small', count: 200, azs: ['a', 'b']}));
    writeFileSync(
      level,
      levelWith((doc) => {
        doc.set('horizonDays', 28);
        doc.set('workloads', doc.createNode(ids.map((id) => ({id, kind: 'events', baseRate: 50, cpuMsPerEvent: 50, maxAgeSeconds: 300}))));
        doc.set('objectives', doc.createNode([{metric: 'availability', pass: 0.99, gold: 0.999}]));
        for (const key of ['start', 'reference']) doc.setIn([key, 'tiers'], doc.createNode(tiers));
        doc.set('counterexamples', doc.createNode(Array.from({length: 20}, () => ({why: 'too many', finding: 'single-az', tiers}))));
      }),
    );
    const run = cli.run(['validate', level]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/huge\.yaml:\d+:\d+ start\.tiers\[0\]\.count: this build is too big to simulate/);
    expect(run.stderr).not.toMatch(STACK_LINE);
  });
});

describe('#8.9 validate with bad paths reports each and goes on', () => {
  const rows: {name: string; make: (dir: string) => string; says: string}[] = [
    {name: 'a symlink loop', make: (dir) => (symlinkSync('loop.yaml', join(dir, 'loop.yaml')), join(dir, 'loop.yaml')), says: 'is a symbolic link that leads back to itself'},
    {name: 'a folder that is a symlink loop', make: (dir) => (symlinkSync('spin', join(dir, 'spin')), join(dir, 'spin')), says: 'is a symbolic link that leads back to itself'},
    {name: 'a path through a file', make: (dir) => (writeFileSync(join(dir, 'plain'), 'x'), join(dir, 'plain', 'level.yaml')), says: 'a part of the path is a file'},
    {name: 'a missing file', make: (dir) => join(dir, 'nope.yaml'), says: 'no such file'},
  ];
  for (const row of rows) {
    it(`${row.name}: a problem for it, ok for the good file after it, exit 1`, () => {
      const bad = row.make(cli.home());
      const run = cli.run(['validate', bad, LEVEL]);
      expect(run.stderr.startsWith(`${bad}:1:1: `)).toBe(true);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(row.says);
      expect(run.stdout).toBe(`ok ${LEVEL}\n`);
      expect(run.status).toBe(1);
    });
  }

  it('a folder with a loop among good files: the loop is a problem, the good file is ok', () => {
    const dir = join(cli.home(), 'levels');
    mkdirSync(dir);
    writeFileSync(join(dir, 'two-zones.yaml'), readFileSync(LEVEL, 'utf8'));
    symlinkSync('a-loop.yaml', join(dir, 'a-loop.yaml'));
    const run = cli.run(['validate', dir]);
    expect(run.stderr).toContain(`${join(dir, 'a-loop.yaml')}:1:1: is a symbolic link that leads back to itself`);
    expect(run.stdout).toBe(`ok ${join(dir, 'two-zones.yaml')}\n`);
    expect(run.status).toBe(1);
  });

  it('an empty folder: says there was nothing to check, exit 1', () => {
    const dir = join(cli.home(), 'empty');
    mkdirSync(dir);
    const run = cli.run(['validate', dir]);
    expect(run).toMatchObject({status: 1, stdout: '', stderr: `${dir}:1:1: nothing to check: the folder has no .yaml, .yml or .json files\n`});
  });
});
