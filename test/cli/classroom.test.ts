// The classroom commands through the built binary: challenge new/publish, submit, leaderboard, score thresholds.
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {parse} from 'yaml';
import {afterEach, describe, expect, it} from 'vitest';
import {seedCommitment, solutionToYaml} from '../../src/content/index.js';
import {ENGINE_VERSION} from '../../src/engine/index.js';
import {classroom, ROBUST, SINGLE, type Classroom} from '../classroom/helpers.js';
import {useCli} from './run.js';

const {run, home} = useCli();
let room: Classroom | undefined;
afterEach(() => {
  room?.cleanup();
  room = undefined;
});

function solutionFile(r: Classroom, name: string, tiers: typeof ROBUST): string {
  const path = join(r.dir, name);
  writeFileSync(path, solutionToYaml({formatVersion: 1, level: r.level.id, tiers}));
  return path;
}

describe('rightsize challenge', () => {
  it('new writes the teacher\'s copy from flags; publish replaces the private seeds by their commitment', () => {
    const out = join(home(), 'week-1.teacher.yaml');
    const made = run(['challenge', 'new', '--id', 'week-1', '--levels', 'stay-up,pack-the-cluster', '--private-seeds', '4', '--public-seed', '7', '--closes', '2026-12-11T17:00:00Z', '--out', out]);
    expect(made.status).toBe(0);
    const teacher = parse(readFileSync(out, 'utf8')) as {levels: {id: string; hash: string}[]; publicSeed: number; privateSeeds: {seeds: number[]; salt: string}; closesAt: string};
    expect(teacher.levels.map((l) => l.id)).toEqual(['stay-up', 'pack-the-cluster']);
    expect(teacher.levels.every((l) => /^[0-9a-f]{64}$/.test(l.hash))).toBe(true);
    expect(teacher.privateSeeds.seeds).toHaveLength(4);
    expect(teacher.publicSeed).toBe(7);
    // Refuses to overwrite the teacher's seeds.
    expect(run(['challenge', 'new', '--id', 'week-1', '--levels', 'stay-up', '--out', out]).status).toBe(2);

    const published = run(['challenge', 'publish', out]);
    expect(published.status).toBe(0);
    const students = parse(published.stdout) as Record<string, unknown>;
    expect(students['privateSeeds']).toBeUndefined();
    expect(students['privateSeedsHash']).toBe(seedCommitment('week-1', teacher.privateSeeds.seeds, teacher.privateSeeds.salt));
    expect(published.stdout).not.toContain(String(teacher.privateSeeds.seeds[0]));
    // Deterministic: revealing the teacher's file lets anyone recompute the same copy.
    expect(run(['challenge', 'publish', out]).stdout).toBe(published.stdout);
  });

  it.each([
    {name: 'no --levels without a terminal', args: ['challenge', 'new', '--id', 'x'], stderr: /missing --levels/},
    {name: 'an unknown level', args: ['challenge', 'new', '--id', 'x', '--levels', 'no-such-level'], stderr: /no level 'no-such-level'/},
    {name: 'a bad closing time', args: ['challenge', 'new', '--id', 'x', '--levels', 'stay-up', '--closes', 'friday'], stderr: /--closes must be a time/},
    {name: 'too many seeds', args: ['challenge', 'new', '--id', 'x', '--levels', 'stay-up', '--private-seeds', '99'], stderr: /--private-seeds must be/},
  ])('new exits 2 for $name', ({args, stderr}) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(stderr);
  });
});

describe('rightsize submit and leaderboard', () => {
  it('submit writes the submission; the leaderboard ranks it; the students\' copy cannot rank', () => {
    room = classroom();
    const good = solutionFile(room, 'good.yaml', ROBUST);
    const weak = solutionFile(room, 'weak.yaml', SINGLE);
    const ada = run(['submit', good, '--challenge', room.studentFile, '--player', 'ada']);
    expect(ada.status).toBe(0);
    expect(ada.stdout).toMatch(/lucky-spot: \d+ points .* on the public seed/);
    const adaFile = join(room.dir, 'submissions', 'ada.json');
    const submission = JSON.parse(readFileSync(adaFile, 'utf8')) as {player: string; engineVersion: string; solutions: {level: string; levelHash: string; claimed: {seed: number}}[]};
    expect(submission).toMatchObject({player: 'ada', engineVersion: ENGINE_VERSION});
    expect(submission.solutions[0]).toMatchObject({level: 'lucky-spot', claimed: {seed: 1}});
    expect(run(['submit', weak, '--challenge', room.studentFile, '--player', 'bob', '--out', join(room.dir, 'submissions', 'bob.yaml.json')]).status).toBe(0);

    const table = run(['leaderboard', join(room.dir, 'submissions'), '--challenge', room.teacherFile, '--no-cache']);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^\s+1\s+ada\s/m);
    expect(table.stdout).toMatch(/^\s+2\s+bob\s/m);
    for (const line of table.stdout.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    const json = run(['leaderboard', room.dir, '--challenge', room.teacherFile, '--json']);
    const board = JSON.parse(json.stdout) as {rows: {rank: number; player: string; points: number; costUsd: number; availability: number; pareto: boolean}[]; rejected: unknown[]};
    expect(board.rows.map((r) => r.player)).toEqual(['ada', 'bob']);
    expect(Object.keys(board.rows[0] ?? {})).toEqual(expect.arrayContaining(['rank', 'player', 'points', 'costUsd', 'availability', 'pareto']));
    // The cache changes nothing in the bytes.
    expect(run(['leaderboard', room.dir, '--challenge', room.teacherFile, '--json']).stdout).toBe(json.stdout);
    expect(existsSync(join(home(), 'cache', 'scores.json'))).toBe(true);

    const csv = run(['leaderboard', room.dir, '--challenge', room.teacherFile, '--csv']).stdout.split('\n');
    expect(csv[0]).toMatch(/^rank,player,team,points,/);
    expect(csv[1]).toMatch(/^1,ada,,/);
    expect(run(['leaderboard', room.dir, '--challenge', room.teacherFile, '--markdown']).stdout).toMatch(/\| 1 \| ada \|/);

    const students = run(['leaderboard', room.dir, '--challenge', room.studentFile]);
    expect(students.status).toBe(2);
    expect(students.stderr).toMatch(/students' copy/);
  });

  it.each([
    {name: 'a solution for a level not in the challenge', args: (r: Classroom) => ['submit', join(r.dir, 'other.yaml'), '--challenge', r.studentFile, '--player', 'ada'], stderr: /not in challenge 'week-1'/},
    {name: 'an empty player name', args: (r: Classroom) => ['submit', join(r.dir, 'good.yaml'), '--challenge', r.studentFile, '--player', ' '], stderr: /--player must be/},
    {name: 'a leaderboard on a missing folder', args: (r: Classroom) => ['leaderboard', join(r.dir, 'nope'), '--challenge', r.teacherFile], stderr: /no such file or folder/},
    {name: 'a bad --freeze', args: (r: Classroom) => ['leaderboard', r.dir, '--challenge', r.teacherFile, '--freeze', 'yesterday'], stderr: /--freeze must be a time/},
    {name: 'two output formats', args: (r: Classroom) => ['leaderboard', r.dir, '--challenge', r.teacherFile, '--json', '--csv'], stderr: /choose one/},
  ])('exits 2 for $name', ({args, stderr}) => {
    room = classroom();
    solutionFile(room, 'good.yaml', ROBUST);
    writeFileSync(join(room.dir, 'other.yaml'), solutionToYaml({formatVersion: 1, level: 'stay-up', tiers: ROBUST}));
    const result = run(args(room));
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(stderr);
  });

  it('score --min-stars and --min-points make an autograder test: exit 0 only at or above the bar', () => {
    room = classroom();
    const good = solutionFile(room, 'good.yaml', ROBUST);
    const level = join(room.dir, 'lucky-spot.yaml');
    const plain = run(['score', good, '--level', level, '--json']);
    const result = JSON.parse(plain.stdout) as {points: number; stars: number; passed: boolean};
    expect(result.passed).toBe(true);
    expect(run(['score', good, '--level', level, '--min-points', String(result.points)]).status).toBe(0);
    expect(run(['score', good, '--level', level, '--min-points', String(result.points + 1)]).status).toBe(1);
    expect(run(['score', good, '--level', level, '--min-stars', String(Math.min(3, result.stars + 1))]).status).toBe(result.stars === 3 ? 0 : 1);
    expect(run(['score', good, '--level', level, '--min-stars', 'lots']).status).toBe(2);
  });
});
