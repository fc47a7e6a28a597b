// The leaderboard on fixture submissions: each one ranked or rejected with its reason, nothing thrown.
import {truncateSync} from 'node:fs';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {buildLeaderboard, leaderboardJson, leaderboardTable, memoryCache, paretoLayers, type Leaderboard} from '../../src/classroom/index.js';
import {simulate} from '../../src/engine/index.js';
import {classroom, PRIVATE_SEEDS, ROBUST, SINGLE, SPOT, type Classroom} from './helpers.js';

let room: Classroom | undefined;
afterEach(() => {
  room?.cleanup();
  room = undefined;
});

async function board(r: Classroom, options: {freeze?: Date; workers?: number} = {}): Promise<Leaderboard> {
  const scored = await buildLeaderboard(r.context, {paths: [join(r.dir, 'submissions')], workers: options.workers ?? 0, ...(options.freeze ? {freeze: options.freeze} : {})});
  return scored.leaderboard;
}

const reasonOf = (b: Leaderboard, file: string) => b.rejected.find((x) => x.file.endsWith(file))?.reason;

describe('leaderboard on fixture submissions', () => {
  it('ranks valid submissions by points re-scored on every private seed, mean and worst seed both reported', async () => {
    room = classroom();
    room.submit('ada.json', 'ada', ROBUST, '2026-12-03T10:00:00Z');
    room.submit('bob.json', 'bob', SINGLE, '2026-12-03T09:00:00Z');
    const b = await board(room);
    expect(b.rejected).toEqual([]);
    expect(b.rows.map((r) => [r.rank, r.player])).toEqual([
      [1, 'ada'],
      [2, 'bob'],
    ]);
    const ada = b.rows[0];
    const expected = PRIVATE_SEEDS.map((seed) => simulate(room!.level, {tiers: ROBUST}, {seed}).points);
    expect(ada?.levels[0]?.seeds.map((s) => s.points)).toEqual(expected);
    expect(ada?.points).toBeCloseTo(expected.reduce((a, x) => a + x, 0) / expected.length, 2);
    expect(ada?.worstPoints).toBe(Math.min(...expected));
  });

  // Named rows: each fixture and the reason the leaderboard must give.
  const REJECTIONS: {name: string; file: string; write: (r: Classroom) => void; reason: string; message: RegExp}[] = [
    {name: 'another challenge', file: 'other.json', write: (r) => r.submit('other.json', 'eve', ROBUST, '2026-12-03T10:00:00Z', (s) => (s.challenge = 'week-2')), reason: 'wrong-challenge', message: /challenge 'week-2', not 'week-1'/},
    {name: 'a level edited since', file: 'edited.json', write: (r) => r.submit('edited.json', 'eve', ROBUST, '2026-12-03T10:00:00Z', (s) => ((s.solutions as {levelHash: string}[])[0]!.levelHash = 'f'.repeat(64))), reason: 'level-changed', message: /another version/},
    {name: 'another engine version', file: 'old.json', write: (r) => r.submit('old.json', 'eve', ROBUST, '2026-12-03T10:00:00Z', (s) => (s.engineVersion = '0.9.0')), reason: 'engine-version', message: /engine 0\.9\.0/},
    {name: 'malformed JSON', file: 'broken.json', write: (r) => r.writeRaw('broken.json', '{"formatVersion": 1, "player": '), reason: 'malformed', message: /broken\.json:1:\d+/},
    {name: 'malformed YAML', file: 'broken.yaml', write: (r) => r.writeRaw('broken.yaml', 'formatVersion: 1\nplayer: [ada\n'), reason: 'malformed', message: /broken\.yaml:\d+:\d+/},
    {name: 'the wrong shape', file: 'shape.yaml', write: (r) => r.writeRaw('shape.yaml', 'formatVersion: 1\nchallenge: week-1\nplayer: ada\n'), reason: 'malformed', message: /createdAt/},
    {name: 'a 50 MB file', file: 'huge.json', write: (r) => truncateSync(r.writeRaw('huge.json', ''), 50 * 1024 * 1024), reason: 'oversized', message: /50\.0 MB/},
    {name: 'deep nesting', file: 'deep.json', write: (r) => r.writeRaw('deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), reason: 'malformed', message: /nested more than 64 levels/},
    {name: 'a prototype key', file: 'proto.json', write: (r) => r.writeRaw('proto.json', '{"__proto__": {"polluted": true}}'), reason: 'malformed', message: /__proto__/},
    {name: 'a build the level does not allow', file: 'lambda.json', write: (r) => r.submit('lambda.json', 'eve', [{...ROBUST[0]!, instanceType: 'z9.mega'} as (typeof ROBUST)[number]], '2026-12-03T10:00:00Z'), reason: 'invalid-build', message: /z9\.mega/},
  ];

  it.each(REJECTIONS)('rejects $name with reason $reason', async ({file, write, reason, message}) => {
    room = classroom();
    room.submit('ada.json', 'ada', ROBUST, '2026-12-03T10:00:00Z');
    write(room);
    const b = await board(room);
    expect(reasonOf(b, file)).toBe(reason);
    expect(b.rejected.find((x) => x.file.endsWith(file))?.message).toMatch(message);
    // The valid one is still ranked.
    expect(b.rows.map((r) => r.player)).toEqual(['ada']);
  });

  it('re-scores tampered files instead of trusting them: claimed points are ignored, an edited build is simply scored', async () => {
    room = classroom();
    room.submit('honest.json', 'ada', ROBUST, '2026-12-03T10:00:00Z');
    room.submit('liar.json', 'bob', SINGLE, '2026-12-03T10:00:00Z', (s) => ((s.solutions as Record<string, unknown>[])[0]!.claimed = {seed: 1, points: 1000, stars: 3, fingerprint: 'a'.repeat(64)}));
    // cy submitted the single instance, then edited the file to the robust build: the file is what counts.
    room.submit('cy.json', 'cy', SINGLE, '2026-12-03T11:00:00Z', (s) => ((s.solutions as Record<string, unknown>[])[0]!.tiers = ROBUST));
    const b = await board(room);
    const bob = b.rows.find((r) => r.player === 'bob');
    expect(bob?.claimedPoints).toBe(1000);
    expect(bob?.points).toBeLessThan(1000);
    expect(b.rows.find((r) => r.player === 'cy')?.points).toBe(b.rows.find((r) => r.player === 'ada')?.points);
    expect(b.rows.map((r) => r.player)).toEqual(['ada', 'cy', 'bob']);
  });

  it('keeps one row per player (names compare without case or spacing) and the best of their files', async () => {
    room = classroom();
    room.submit('ada-monday.json', 'Ada', SINGLE, '2026-12-01T10:00:00Z');
    room.submit('ada-tuesday.json', 'ada ', ROBUST, '2026-12-02T10:00:00Z');
    room.submit('ada-wednesday.json', 'ADA', SINGLE, '2026-12-03T10:00:00Z');
    const b = await board(room);
    expect(b.rows).toHaveLength(1);
    expect(b.rows[0]?.file).toMatch(/ada-tuesday\.json$/);
    expect(b.superseded.map((s) => s.file).sort()).toEqual([expect.stringMatching(/ada-monday/), expect.stringMatching(/ada-wednesday/)]);
  });

  it('a player improving over time is ranked by the later, better file', async () => {
    room = classroom();
    room.submit('bob.json', 'bob', ROBUST, '2026-12-02T12:00:00Z');
    room.submit('ada-1.json', 'ada', SINGLE, '2026-12-01T10:00:00Z');
    const before = await board(room);
    expect(before.rows.map((r) => r.player)).toEqual(['bob', 'ada']);
    room.submit('ada-2.json', 'ada', ROBUST, '2026-12-02T10:00:00Z');
    const after = await board(room);
    // Same points and cost as bob, submitted earlier: ada now ranks first.
    expect(after.rows.map((r) => [r.player, r.rank])).toEqual([
      ['ada', 1],
      ['bob', 2],
    ]);
  });

  it('sets aside submissions after the freeze, after the closing time and before the opening', async () => {
    room = classroom({opensAt: '2026-12-01T09:00:00Z', closesAt: '2026-12-05T17:00:00Z'});
    room.submit('ok.json', 'ada', ROBUST, '2026-12-02T10:00:00Z');
    room.submit('late.json', 'bob', ROBUST, '2026-12-06T10:00:00Z');
    room.submit('early.json', 'cy', ROBUST, '2026-11-30T10:00:00Z');
    room.submit('after-freeze.json', 'dee', ROBUST, '2026-12-04T10:00:00Z');
    const b = await board(room, {freeze: new Date('2026-12-03T00:00:00Z')});
    expect(b.rows.map((r) => r.player)).toEqual(['ada']);
    expect([reasonOf(b, 'late.json'), reasonOf(b, 'early.json'), reasonOf(b, 'after-freeze.json')]).toEqual(['after-closing', 'before-opening', 'after-freeze']);
    expect(b.freeze).toBe('2026-12-03T00:00:00.000Z');
  });

  it('private seeds matter: a build tuned to the public seed ranks lower on the private seeds than a robust one', async () => {
    room = classroom();
    // The public seed the student tuned on: the first where spot beats the robust build there.
    const publicSeed = [...Array(50).keys()].map((i) => i + 1).find((seed) => simulate(room!.level, {tiers: SPOT}, {seed}).points > simulate(room!.level, {tiers: ROBUST}, {seed}).points);
    expect(publicSeed).toBeDefined();
    room.submit('tuned.json', 'tuned', SPOT, '2026-12-02T10:00:00Z');
    room.submit('robust.json', 'robust', ROBUST, '2026-12-02T10:00:00Z');
    // Scored on the public seed alone, the tuned build wins…
    const onPublic = await buildLeaderboard({...room.context, challenge: {...room.context.challenge, privateSeeds: {seeds: [publicSeed ?? 1], salt: '0'.repeat(32)}}}, {paths: [join(room.dir, 'submissions')], workers: 0});
    expect(onPublic.leaderboard.rows.map((r) => r.player)).toEqual(['tuned', 'robust']);
    // …on the private seeds it ranks lower, and its worst seed shows why.
    const b = await board(room);
    expect(b.rows.map((r) => r.player)).toEqual(['robust', 'tuned']);
    const tuned = b.rows.find((r) => r.player === 'tuned');
    expect(tuned?.worstPoints).toBeLessThan(tuned?.points ?? 0);
  });

  it('gives the same JSON bytes on every run, with workers or without, cached or not', async () => {
    room = classroom();
    const players = ['ada', 'bob', 'cy', 'dee', 'eve', 'fay'];
    players.forEach((p, i) => room!.submit(`${p}.json`, p, [ROBUST, SPOT, SINGLE][i % 3]!, `2026-12-0${1 + (i % 3)}T10:00:00Z`));
    room.writeRaw('broken.json', '{');
    const paths = [join(room.dir, 'submissions')];
    const sequential = leaderboardJson((await buildLeaderboard(room.context, {paths, workers: 0})).leaderboard);
    const again = leaderboardJson((await buildLeaderboard(room.context, {paths, workers: 0})).leaderboard);
    const cache = memoryCache();
    const threaded = await buildLeaderboard(room.context, {paths, workers: 2, cache});
    const cached = await buildLeaderboard(room.context, {paths, workers: 2, cache});
    expect(again).toBe(sequential);
    expect(leaderboardJson(threaded.leaderboard)).toBe(sequential);
    expect(leaderboardJson(cached.leaderboard)).toBe(sequential);
    expect(threaded.stats.simulated).toBe(3 * PRIVATE_SEEDS.length);
    expect(cached.stats).toMatchObject({simulated: 0, cached: 3 * PRIVATE_SEEDS.length});
  });

  it('marks the Pareto front on cost × availability and prints a table that fits 80 columns', async () => {
    room = classroom();
    room.submit('ada.json', 'ada', ROBUST, '2026-12-02T10:00:00Z');
    room.submit('bob.json', 'bob', SINGLE, '2026-12-02T10:00:00Z');
    room.submit('a-very-long-player-name-that-goes-on-and-on-and-on.json', 'a very long player name that goes on and on and on and on', SPOT, '2026-12-02T10:00:00Z');
    room.writeRaw('broken.json', '{"formatVersion": 1, "player": "\u001b[31mred"');
    const b = await board(room);
    // Cheapest (one instance), most available (two on-demand) and spot in between: none beats another on both.
    expect(b.rows.filter((r) => r.pareto)).toHaveLength(3);
    const lines = leaderboardTable(b);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(lines.join('\n')).toMatch(/front/);
    // A stranger's control characters never reach the terminal.
    expect(lines.join('\n')).not.toContain('\u001b');
  });

  it('layers the Pareto front: a row beaten on both metrics is off the front, and an incomplete row takes no part', () => {
    const row = (player: string, cost: number, availability: number, levelsSubmitted = 1) =>
      ({player, levelsSubmitted, pareto: false, paretoLayer: null, metrics: {monthlyCostUsd: cost, availability}}) as unknown as Parameters<typeof paretoLayers>[0][number];
    const rows = [row('cheap', 10, 0.9), row('up', 50, 0.999), row('worse', 60, 0.99), row('same-as-cheap', 10, 0.9), row('partial', 1, 1, 0)];
    paretoLayers(rows, ['monthlyCostUsd', 'availability'], 1);
    expect(rows.map((r) => [r.player, r.pareto, r.paretoLayer])).toEqual([
      ['cheap', true, 1],
      ['up', true, 1],
      ['worse', false, 2],
      ['same-as-cheap', true, 1],
      ['partial', false, null],
    ]);
  });

  it('refuses a students\' copy: it has no private seeds', async () => {
    room = classroom();
    const {privateSeeds: _seeds, ...students} = room.context.challenge;
    await expect(buildLeaderboard({...room.context, challenge: {...students, privateSeedsHash: 'a'.repeat(64)}}, {paths: [room.dir], workers: 0})).rejects.toThrow(/students' copy/);
  });
});
