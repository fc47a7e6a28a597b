// Submission files: playing again replaces one level's build and keeps the others; a damaged or foreign file is
// moved aside, never overwritten.
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {loadSubmissionFile} from '../../src/content/index.js';
import {defaultSubmissionPath, recordSubmission} from '../../src/store/index.js';
import {ROBUST, SINGLE} from '../classroom/helpers.js';

let dir = '';
afterEach(() => rmSync(dir, {recursive: true, force: true}));
const header = {challenge: 'week-1', player: 'ada', engineVersion: 'test'};
const entry = (level: string, tiers = ROBUST) => ({level, levelHash: 'a'.repeat(64), tiers});

describe('recordSubmission', () => {
  it('updates one level in place, keeps the rest and the creation time, in the challenge order', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rightsize-sub-'));
    const path = join(dir, 'ada.json');
    await recordSubmission(path, header, [entry('two')], ['one', 'two'], new Date('2026-12-01T10:00:00Z'));
    await recordSubmission(path, header, [entry('one')], ['one', 'two'], new Date('2026-12-02T10:00:00Z'));
    const written = await recordSubmission(path, header, [entry('two', SINGLE)], ['one', 'two'], new Date('2026-12-03T10:00:00Z'));
    expect(written.submission.solutions.map((s) => [s.level, s.submittedAt])).toEqual([
      ['one', '2026-12-02T10:00:00.000Z'],
      ['two', '2026-12-03T10:00:00.000Z'],
    ]);
    const loaded = loadSubmissionFile(path);
    expect(loaded.ok && loaded.value.createdAt).toBe('2026-12-01T10:00:00.000Z');
    expect(loaded.ok && loaded.value.solutions[1]?.tiers).toEqual(SINGLE);
    expect(readdirSync(dir)).toEqual(['ada.json']);
  });

  it.each([
    {name: 'a damaged file', text: '{"formatVersion": 1,'},
    {name: "another player's file", text: JSON.stringify({formatVersion: 1, challenge: 'week-1', player: 'bob', engineVersion: 'x', createdAt: '2026-12-01T10:00:00Z', submittedAt: '2026-12-01T10:00:00Z', solutions: [{level: 'one', levelHash: 'a'.repeat(64), submittedAt: '2026-12-01T10:00:00Z', tiers: ROBUST}]})},
  ])('moves $name aside instead of overwriting it', async ({text}) => {
    dir = mkdtempSync(join(tmpdir(), 'rightsize-sub-'));
    const path = join(dir, 'ada.json');
    writeFileSync(path, text);
    const written = await recordSubmission(path, header, [entry('one')], ['one']);
    expect(written.movedAside).toBe(`${path}.corrupt-1`);
    expect(readFileSync(`${path}.corrupt-1`, 'utf8')).toBe(text);
    expect(loadSubmissionFile(path).ok).toBe(true);
  });

  it('puts the default file beside the challenge, with a safe name', () => {
    expect(defaultSubmissionPath('/class/week-1.yaml', '../../etc/passwd')).toBe('/class/submissions/etc-passwd.json');
  });
});
