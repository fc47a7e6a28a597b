import {existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import fc from 'fast-check';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {
  dataDir,
  freshProgress,
  loadProgress,
  MAX_PROGRESS_BYTES,
  migrate,
  MIGRATIONS,
  parseProgress,
  progressPath,
  recordResult,
  resetAll,
  resetLevel,
  saveProgress,
  type Migration,
  type Progress,
} from '../../src/store/index.js';
import {useTempHome} from './home.js';

const home = useTempHome();

const sample: Progress = {
  formatVersion: 2,
  levels: {'stay-up': {stars: 2, bestPoints: 812.5, completedAt: '2026-11-20T10:00:00.000Z'}, 'box-in-a-box': {stars: 0, bestPoints: 120}},
  settings: {screenReader: true},
};

describe('dataDir', () => {
  it('is RIGHTSIZE_HOME when set', () => {
    expect(dataDir()).toBe(home.dir());
    expect(progressPath()).toBe(join(home.dir(), 'progress.json'));
  });
});

describe('progress round trip', () => {
  it('a missing file gives fresh progress and no notice', async () => {
    expect(await loadProgress()).toEqual({progress: freshProgress()});
  });

  it('saves and loads the same progress', async () => {
    await saveProgress(sample);
    expect(await loadProgress()).toEqual({progress: sample});
  });

  it('creates the data dir when it does not exist yet', async () => {
    process.env['RIGHTSIZE_HOME'] = join(home.dir(), 'deeper', 'still');
    await saveProgress(sample);
    expect((await loadProgress()).progress).toEqual(sample);
  });
});

describe('atomic write', () => {
  it('a write that fails midway leaves the old content and no temp file', async () => {
    await saveProgress(sample);
    const before = readFileSync(progressPath(), 'utf8');
    const temps: string[] = [];
    const failing = saveProgress(freshProgress(), {
      tempFileCreated: (temp) => {
        temps.push(temp);
        throw new Error('disk full');
      },
    });
    await expect(failing).rejects.toThrow('disk full');
    expect(temps).toHaveLength(1);
    expect(temps[0]?.startsWith(`${progressPath()}.`)).toBe(true); // the temp file sits beside the target
    expect(readFileSync(progressPath(), 'utf8')).toBe(before);
    expect(readdirSync(home.dir())).toEqual(['progress.json']);
  });
});

describe('a corrupt progress file', () => {
  const corrupt: {name: string; text: string; reason: string}[] = [
    {name: 'not JSON', text: '{"formatVersion": 1, "levels": ', reason: 'not valid JSON'},
    {name: 'empty file', text: '', reason: 'not valid JSON'},
    {name: 'an array', text: '[]', reason: 'not a JSON object'},
    {name: 'no formatVersion', text: '{"levels": {}, "settings": {}}', reason: 'no valid formatVersion'},
    {name: 'stars out of range', text: '{"formatVersion": 2, "levels": {"stay-up": {"stars": 7, "bestPoints": 1}}, "settings": {}}', reason: 'levels.stay-up.stars'},
    {name: 'an upper-case level id', text: '{"formatVersion": 2, "levels": {"Stay-Up": {"stars": 1, "bestPoints": 1}}, "settings": {}}', reason: 'expected shape'},
  ];
  for (const row of corrupt) {
    it(`${row.name}: is moved to progress.json.corrupt-1 and a notice names it`, async () => {
      writeFileSync(progressPath(), row.text);
      const loaded = await loadProgress();
      expect(loaded.progress).toEqual(freshProgress());
      expect(loaded.notice).toContain(`${progressPath()}.corrupt-1`);
      expect(loaded.notice).toContain(row.reason);
      expect(readFileSync(`${progressPath()}.corrupt-1`, 'utf8')).toBe(row.text);
      expect(existsSync(progressPath())).toBe(false);
    });
  }

  it('a file over MAX_PROGRESS_BYTES is kept aside unread', async () => {
    writeFileSync(progressPath(), ' '.repeat(MAX_PROGRESS_BYTES + 1));
    const loaded = await loadProgress();
    expect(loaded.progress).toEqual(freshProgress());
    expect(loaded.notice).toContain('larger than 1 MB');
    expect(existsSync(`${progressPath()}.corrupt-1`)).toBe(true);
  });

  it('a __proto__ level key is dropped and pollutes nothing', () => {
    const parsed = parseProgress('{"formatVersion": 2, "levels": {"__proto__": {"stars": 3, "bestPoints": 1}}, "settings": {}}');
    expect(parsed.ok && Object.keys(parsed.progress.levels)).toEqual([]);
    expect(parsed.ok && Object.getPrototypeOf(parsed.progress.levels)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['stars']).toBeUndefined();
  });

  it('the kept file is not overwritten by the next save, nor by the next corrupt file', async () => {
    writeFileSync(progressPath(), 'first broken');
    await loadProgress();
    await saveProgress(sample);
    expect(readFileSync(`${progressPath()}.corrupt-1`, 'utf8')).toBe('first broken');
    writeFileSync(progressPath(), 'second broken');
    const second = await loadProgress();
    expect(second.notice).toContain('corrupt-2');
    expect(readFileSync(`${progressPath()}.corrupt-1`, 'utf8')).toBe('first broken');
    expect(readFileSync(`${progressPath()}.corrupt-2`, 'utf8')).toBe('second broken');
  });

  it('an unreadable path (a directory) gives fresh progress and a notice, and is left alone', async () => {
    mkdirSync(progressPath());
    const loaded = await loadProgress();
    expect(loaded.progress).toEqual(freshProgress());
    expect(loaded.notice).toContain('could not be read');
    expect(loaded.readOnly).toContain('nothing is saved');
    expect(existsSync(`${progressPath()}.corrupt-1`)).toBe(false);
  });
});

describe('migrations', () => {
  // Version 0 as a made-up older shape: {formatVersion: 0, stars: {id: n}}.
  const fromZero: Migration = (old) => ({
    levels: Object.fromEntries(Object.entries(old['stars'] as Record<string, number>).map(([id, stars]) => [id, {stars, bestPoints: 0}])),
    settings: {},
  });
  const rows: {name: string; raw: unknown; migrations: Record<number, Migration>; want: unknown}[] = [
    {name: 'current version passes through', raw: {formatVersion: 1, levels: {}, settings: {}}, migrations: {}, want: {ok: true, value: {formatVersion: 1, levels: {}, settings: {}}}},
    {
      name: 'version 0 is migrated to 1',
      raw: {formatVersion: 0, stars: {'stay-up': 3}},
      migrations: {0: fromZero},
      want: {ok: true, value: {formatVersion: 1, levels: {'stay-up': {stars: 3, bestPoints: 0}}, settings: {}}},
    },
    {name: 'a gap in the migrations is reported', raw: {formatVersion: 0}, migrations: {}, want: {ok: false, reason: 'no migration from formatVersion 0'}},
  ];
  for (const row of rows) {
    it(row.name, () => expect(migrate(row.raw, row.migrations, 1)).toEqual(row.want));
  }

  it('parseProgress applies the migrations before validating', () => {
    const parsed = parseProgress('{"formatVersion": 0, "stars": {"stay-up": 2}}', {...MIGRATIONS, 0: fromZero});
    expect(parsed).toEqual({ok: true, progress: {formatVersion: 2, levels: {'stay-up': {stars: 2, bestPoints: 0}}, settings: {}}});
  });
});

describe('recordResult (pure)', () => {
  const now = new Date('2026-11-26T12:00:00.000Z');
  const rows: {name: string; before?: {stars: 0 | 1 | 2 | 3; bestPoints: number; completedAt?: string}; result: {stars: 0 | 1 | 2 | 3; points: number; passed: boolean}; want: unknown}[] = [
    {name: 'first pass records the time', result: {stars: 1, points: 500, passed: true}, want: {stars: 1, bestPoints: 500, completedAt: now.toISOString()}},
    {name: 'a failed first run has no completedAt', result: {stars: 0, points: 200, passed: false}, want: {stars: 0, bestPoints: 200}},
    {name: 'a worse run keeps the best', before: {stars: 3, bestPoints: 950, completedAt: 'x'}, result: {stars: 1, points: 400, passed: true}, want: {stars: 3, bestPoints: 950, completedAt: 'x'}},
    {name: 'better stars, fewer points: each best kept', before: {stars: 1, bestPoints: 900}, result: {stars: 2, points: 750, passed: true}, want: {stars: 2, bestPoints: 900, completedAt: now.toISOString()}},
    {name: 'the first completion time is kept', before: {stars: 1, bestPoints: 600, completedAt: '2026-01-01T00:00:00.000Z'}, result: {stars: 3, points: 1000, passed: true}, want: {stars: 3, bestPoints: 1000, completedAt: '2026-01-01T00:00:00.000Z'}},
  ];
  for (const row of rows) {
    it(row.name, () => {
      const progress: Progress = {...freshProgress(), levels: row.before ? {'stay-up': row.before} : {}};
      const snapshot = structuredClone(progress);
      const next = recordResult(progress, 'stay-up', row.result, now);
      expect(next.levels['stay-up']).toEqual(row.want);
      expect(progress).toEqual(snapshot);
    });
  }

  it('any sequence of results: the record is the best of each, whatever the order', () => {
    const result = fc.record({stars: fc.constantFrom(0 as const, 1 as const, 2 as const, 3 as const), points: fc.integer({min: 0, max: 1000}), passed: fc.boolean()});
    fc.assert(
      fc.property(fc.array(result, {minLength: 1, maxLength: 12}), (results) => {
        const apply = (list: typeof results) => list.reduce((p, r) => recordResult(p, 'stay-up', r), freshProgress()).levels['stay-up'];
        const forward = apply(results);
        expect(forward).toEqual({stars: Math.max(...results.map((r) => r.stars)), bestPoints: Math.max(...results.map((r) => r.points))});
        expect(apply([...results].reverse())).toEqual(forward);
      }),
      {numRuns: 300},
    );
  });

  it('without a time, no completedAt is invented', () => {
    expect(recordResult(freshProgress(), 'stay-up', {stars: 1, points: 500, passed: true}).levels['stay-up']).toEqual({stars: 1, bestPoints: 500});
  });
});

describe('resets', () => {
  it('resetLevel drops one level and leaves the input alone', () => {
    const next = resetLevel(sample, 'stay-up');
    expect(Object.keys(next.levels)).toEqual(['box-in-a-box']);
    expect(Object.keys(sample.levels)).toContain('stay-up');
  });

  it('resetAll with solutions: true also deletes every saved slot', async () => {
    const slots = join(home.dir(), 'solutions', 'stay-up');
    mkdirSync(slots, {recursive: true});
    writeFileSync(join(slots, 'mine.yaml'), 'formatVersion: 1\n');
    await resetAll();
    expect(existsSync(slots)).toBe(true);
    await resetAll({solutions: true});
    expect(existsSync(join(home.dir(), 'solutions'))).toBe(false);
  });

  it('resetAll forgets the levels, keeps the settings, and saves', async () => {
    await saveProgress(sample);
    const fresh = await resetAll();
    expect(fresh).toEqual({formatVersion: 2, levels: {}, settings: {screenReader: true}});
    expect((await loadProgress()).progress).toEqual(fresh);
  });
});
