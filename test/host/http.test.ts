// The live host over real HTTP on 127.0.0.1: each request a student or a teacher (or an attacker) can make, with
// the status code and message it gets, and the board after it.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {ROBUST, SINGLE, SPOT} from '../classroom/helpers.js';
import {liveClassroom, type LiveClassroom} from './helpers.js';

let live: LiveClassroom;
let adaToken = '';
let bobToken = '';

beforeAll(async () => {
  live = await liveClassroom();
}, 60_000);
afterAll(async () => {
  await live.stop();
});

describe('joining', () => {
  it('the join URL gives the students’ copy and each level’s file, never the private seeds', async () => {
    expect(live.host.joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[a-z2-9]{10}$/);
    const response = await fetch(live.host.joinUrl);
    expect(response.status).toBe(200);
    const info = (await response.json()) as {challenge: Record<string, unknown>; levels: {id: string; yaml: string}[]};
    expect(info.challenge['privateSeeds']).toBeUndefined();
    expect(info.challenge['privateSeedsHash']).toMatch(/^[0-9a-f]{64}$/);
    expect(info.levels.map((l) => l.id)).toEqual(['lucky-spot']);
    expect(info.levels[0]?.yaml).toContain('id: lucky-spot');
    expect(JSON.stringify(info)).not.toContain('"seeds"');
  });

  it('a wrong code is 404 with what to check, for the page and for submissions', async () => {
    const page = await fetch(`${live.host.url}/zzzzzzzzzz`);
    expect(page.status).toBe(404);
    expect(((await page.json()) as {error: string}).error).toBe('wrong-code');
    const sent = await live.post(live.body('eve', ROBUST), undefined, 'abcdefghjk');
    expect(sent.status).toBe(404);
    expect(sent.json['message']).toMatch(/no event has this join code/);
  });

  it('a browser opening the join URL sees the command to play', async () => {
    const page = await fetch(live.host.joinUrl, {headers: {Accept: 'text/html'}});
    expect(await page.text()).toContain(`rightsize play --join ${live.host.joinUrl}`);
  });
});

describe('submitting', () => {
  it('a first submission is acknowledged with a token, and the player is on the board, re-scored', async () => {
    const sent = await live.post(live.body('ada', ROBUST, (s) => ((s['solutions'] as {claimed?: unknown}[])[0]!.claimed = {seed: 1, points: 1000, stars: 3, fingerprint: 'f'.repeat(64)})));
    expect(sent.status).toBe(201);
    expect(sent.json).toMatchObject({accepted: true, player: 'ada', best: true, rank: 1});
    adaToken = sent.json['token'] as string;
    expect(adaToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const board = await live.board();
    expect(board.rows.map((r) => r.player)).toEqual(['ada']);
    // The claimed 1000 points are not what ranks: the host's own runs on the private seeds are.
    expect(board.rows[0]?.points).toBe(sent.json['points']);
    expect(board.rows[0]?.points).toBeLessThan(1000);
  });

  it('the raw file is kept in the data folder as it was sent', async () => {
    const id = 1;
    const raw = join(live.dataDir, 'submissions', `${String(id).padStart(6, '0')}.json`);
    expect(existsSync(raw)).toBe(true);
    expect(JSON.parse(readFileSync(raw, 'utf8')).player).toBe('ada');
  });

  it('the same name without the token is 401; with another player’s (stolen) token 403', async () => {
    const bob = await live.post(live.body('bob', SINGLE));
    expect(bob.status).toBe(201);
    bobToken = bob.json['token'] as string;
    const none = await live.post(live.body('ADA ', SPOT));
    expect(none.status).toBe(401);
    expect(none.json).toMatchObject({error: 'token-required'});
    const stolen = await live.post(live.body('ada', SINGLE), bobToken);
    expect(stolen.status).toBe(403);
    expect(stolen.json).toMatchObject({error: 'wrong-token'});
    expect(stolen.json['message']).toMatch(/not 'ada's/);
    expect((await live.board()).rows.find((r) => r.player === 'ada')).toBeDefined();
  });

  it('a worse re-submission is kept but the best one stays on the board; a better one replaces it', async () => {
    const before = (await live.board()).rows.find((r) => r.player === 'bob')?.points ?? 0;
    const worse = await live.post(live.body('bob', SINGLE, (s) => (s['player'] = 'bob')), bobToken);
    expect(worse.status).toBe(201);
    const better = await live.post(live.body('bob', ROBUST), bobToken);
    expect(better.status).toBe(201);
    expect(better.json['best']).toBe(true);
    expect(better.json['points'] as number).toBeGreaterThan(before);
    const again = await live.post(live.body('bob', SINGLE), bobToken);
    expect(again.json['best']).toBe(false);
    const board = await live.board();
    expect(board.rows.find((r) => r.player === 'bob')?.points).toBe(better.json['points']);
    expect(board.superseded.filter((s) => s.player === 'bob')).toHaveLength(3);
  });

  const tampered: [string, () => string, number, string, RegExp][] = [
    ['not JSON or YAML at all', () => '{"formatVersion": 1, "player": ', 400, 'malformed', /upload:\d+:\d+/],
    ['a field of the wrong type', () => live.body('carl', ROBUST, (s) => (s['formatVersion'] = '1')), 400, 'malformed', /formatVersion/],
    ['a prototype key', () => live.body('carl', ROBUST).replace('"formatVersion": 1,', '"formatVersion": 1, "__proto__": {"x": 1},'), 400, 'malformed', /__proto__/],
    ['nesting 200 deep', () => live.body('carl', ROBUST).replace('"formatVersion": 1,', `"formatVersion": 1, "deep": ${'['.repeat(200)}${']'.repeat(200)},`), 400, 'malformed', /nest/i],
    ['an edited level hash', () => live.body('carl', ROBUST, (s) => ((s['solutions'] as {levelHash: string}[])[0]!.levelHash = '0'.repeat(64))), 422, 'level-changed', /played in another version/],
    ['an instance type the catalog does not have', () => live.body('carl', [{...ROBUST[0]!, instanceType: 'x9.huge'} as never]), 422, 'invalid-build', /x9\.huge/],
    ['another challenge', () => live.body('carl', ROBUST, (s) => (s['challenge'] = 'week-2')), 422, 'wrong-challenge', /week-2/],
    ['another engine version', () => live.body('carl', ROBUST, (s) => (s['engineVersion'] = '0.0.1')), 422, 'engine-version', /play the levels again/],
  ];
  it.each(tampered)('%s is refused with its status and reason, and nothing is kept', async (_name, make, status, error, message) => {
    const sent = await live.post(make());
    expect(sent.status).toBe(status);
    expect(sent.json['error']).toBe(error);
    expect(sent.json['message']).toMatch(message);
    expect((await live.board()).rows.map((r) => r.player)).not.toContain('carl');
  });

  it('an oversized body is 413 before it is parsed', async () => {
    const sent = await live.post(`{"pad": "${'x'.repeat(300 * 1024)}"}`);
    expect(sent.status).toBe(413);
    expect(sent.json).toMatchObject({error: 'oversized'});
  });
});

describe('the teacher', () => {
  const actions: [string, string][] = [
    ['POST', 'freeze'],
    ['POST', 'unfreeze'],
    ['POST', 'close'],
    ['POST', 'reveal'],
    ['DELETE', 'players/ada'],
    ['GET', 'export.csv'],
    ['GET', 'export.json'],
  ];
  it.each(actions)('%s %s without the token is 401, with a player’s token 403', async (method, path) => {
    expect((await live.teacher(method, path)).status).toBe(401);
    const wrong = await live.teacher(method, path, adaToken);
    expect(wrong.status).toBe(403);
    expect(wrong.text).toContain('wrong-teacher-token');
  });

  it('freezes the board: the room sees it as it was, later submissions count when it is unfrozen', async () => {
    const token = live.host.teacherToken;
    expect((await live.teacher('POST', 'freeze', token)).status).toBe(200);
    expect((await live.teacher('POST', 'freeze', token)).status).toBe(409);
    const dan = await live.post(live.body('dan', ROBUST));
    expect(dan.status).toBe(201);
    expect(dan.json['message']).toMatch(/frozen/);
    const frozen = await live.board();
    expect(frozen.freeze).toBeDefined();
    expect(frozen.rows.map((r) => r.player)).not.toContain('dan');
    const status = (await (await fetch(`${live.host.url}/api/status`)).json()) as {frozenAt?: string};
    expect(status.frozenAt).toBeDefined();
    expect((await live.teacher('POST', 'unfreeze', token)).status).toBe(200);
    expect((await live.board()).rows.map((r) => r.player)).toContain('dan');
  });

  it('exports the board as CSV and JSON', async () => {
    const csv = await live.teacher('GET', 'export.csv', live.host.teacherToken);
    expect(csv.status).toBe(200);
    expect(csv.text.split('\n')[0]).toMatch(/^rank,player,team,points/);
    const json = JSON.parse((await live.teacher('GET', 'export.json', live.host.teacherToken)).text) as {rows: unknown[]};
    expect(json.rows.length).toBe(3);
  });

  it('removes a player: off the board, and their token no longer submits', async () => {
    const token = live.host.teacherToken;
    expect((await live.teacher('DELETE', 'players/nobody', token)).status).toBe(404);
    expect((await live.teacher('DELETE', 'players/dan', token)).status).toBe(200);
    expect((await live.board()).rows.map((r) => r.player)).not.toContain('dan');
    const again = await live.post(live.body('dan', ROBUST));
    expect(again.status).toBe(403);
    expect(again.json).toMatchObject({error: 'removed'});
  });

  it('reveals the seeds only after closing; a closed event takes no submission', async () => {
    const token = live.host.teacherToken;
    expect((await live.teacher('POST', 'reveal', token)).status).toBe(409);
    expect((await fetch(`${live.host.url}/api/seeds`)).status).toBe(409);
    expect((await live.teacher('POST', 'close', token)).status).toBe(200);
    const late = await live.post(live.body('ada', ROBUST), adaToken);
    expect(late.status).toBe(409);
    expect(late.json).toMatchObject({error: 'closed'});
    const revealed = JSON.parse((await live.teacher('POST', 'reveal', token)).text) as {seeds: number[]};
    expect(revealed.seeds).toEqual([101, 102, 103, 104, 105, 106]);
    expect(((await (await fetch(`${live.host.url}/api/seeds`)).json()) as {seeds: number[]}).seeds).toEqual(revealed.seeds);
  });

  it('a restart on the same folder resumes the event: code, token, board, closed', async () => {
    const before = await live.board();
    const code = live.host.event.joinCode;
    const token = live.host.teacherToken;
    await live.restart();
    expect(live.host.event.joinCode).toBe(code);
    expect(live.host.teacherToken).toBe(token);
    expect(await live.board()).toEqual(before);
    expect((await live.post(live.body('ada', ROBUST), adaToken)).status).toBe(409);
  });
});

describe('limits', () => {
  it('too many submissions from one address are 429 with Retry-After', async () => {
    const limited = await liveClassroom({submitPerMinute: 6});
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await limited.post('{}', undefined, 'abcdefghjk')).status);
      expect(statuses.slice(0, 10).every((s) => s === 404)).toBe(true);
      expect(statuses[11]).toBe(429);
      const last = await limited.post('{}');
      expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.stop();
    }
  });
});
