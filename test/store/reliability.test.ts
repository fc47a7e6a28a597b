// #8 items 1–5 and #9 item 3: progress is never written over when it cannot be read or is from a newer rightsize,
// two games' saves merge, killed saves leave no temp files after the next start, a RIGHTSIZE_HOME that is a file
// is explained in words, and the last and best build of every level are kept (formatVersion 2, migrated from 1).
import {chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {withDefaults} from '../../src/engine/defaults.js';
import type {Tier} from '../../src/engine/types.js';
import {loadProgress, parseProgress, progressPath, recordResult, saveSlot, updateProgress, type Progress} from '../../src/store/index.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {makeResult} from '../ui/fixtures.js';
import {useTempHome} from './home.js';

const home = useTempHome();
const isRoot = process.getuid?.() === 0;

const V1 = '{"formatVersion": 1, "levels": {"stay-up": {"stars": 3, "bestPoints": 990, "completedAt": "2026-11-20T10:00:00.000Z"}}, "settings": {"screenReader": true}}\n';
const build: Tier[] = [withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 2, azs: ['a', 'b'], loadBalancer: 'alb'})];

/** A game: its services, with the progress loaded as at start. */
async function game() {
  const services = realServices();
  const loaded = await services.loadProgress();
  return {services, loaded};
}

const snapshot = (path: string): string => (statSync(path).isDirectory() ? `dir:${readdirSync(path).join(',')}` : readFileSync(path, 'utf8'));

describe('#8.1 a progress file that exists but cannot be read is never written over', () => {
  const rows: {name: string; make: () => void; skip?: boolean}[] = [
    {name: 'mode 000', make: () => (writeFileSync(progressPath(), V1), chmodSync(progressPath(), 0)), skip: isRoot},
    {name: 'a folder named progress.json', make: () => (mkdirSync(progressPath()), writeFileSync(join(progressPath(), 'keep'), 'x'))},
    {name: 'a symlink loop', make: () => symlinkSync('progress.json', progressPath())},
  ];
  for (const row of rows) {
    it.skipIf(row.skip === true)(`${row.name}: the game says so, runs read-only, and the file is as it was`, async () => {
      row.make();
      const before = (() => {
        try {
          return snapshot(progressPath());
        } catch (error) {
          return String((error as {code?: string}).code);
        }
      })();
      const {services, loaded} = await game();
      expect(loaded.notice).toMatch(/could not be read.*nothing is saved/);
      const records = await services.recordResult('stay-up', makeResult('stay-up', true), build);
      expect(records['stay-up']?.stars).toBe(3); // the session keeps its result in memory
      await services.saveSettings({screenReader: false});
      await expect(updateProgress((p) => p)).rejects.toThrow(/nothing is saved/);
      if (row.name === 'mode 000') chmodSync(progressPath(), 0o600);
      const after = (() => {
        try {
          return snapshot(progressPath());
        } catch (error) {
          return String((error as {code?: string}).code);
        }
      })();
      expect(after).toBe(before);
      expect(readdirSync(home.dir()).filter((f) => f.startsWith('progress.json.'))).toEqual([]);
    });
  }
});

describe('#8.2 two games on one folder merge their saves', () => {
  it('game A records a level, game B then changes a setting: both are in the file', async () => {
    const a = await game();
    const b = await game();
    await a.services.recordResult('stay-up', makeResult('stay-up', true), build);
    await b.services.saveSettings({screenReader: true});
    const parsed = parseProgress(readFileSync(progressPath(), 'utf8'));
    expect(parsed.ok && parsed.progress.levels['stay-up']?.stars).toBe(3);
    expect(parsed.ok && parsed.progress.settings).toEqual({screenReader: true});
  });

  it('two games recording different levels at once: every record is kept', async () => {
    const a = await game();
    const b = await game();
    const ids = Array.from({length: 20}, (_, i) => `level-${i}`);
    await Promise.all(ids.map((id, i) => (i % 2 === 0 ? a : b).services.recordResult(id, makeResult(id, true), build)));
    const parsed = parseProgress(readFileSync(progressPath(), 'utf8'));
    expect(parsed.ok && Object.keys(parsed.progress.levels).sort()).toEqual([...ids].sort());
  });

  it('a lock left by a killed process (its pid no longer runs) is taken over at once', async () => {
    mkdirSync(`${progressPath()}.lock`);
    writeFileSync(join(`${progressPath()}.lock`, 'owner'), JSON.stringify({pid: 2 ** 22 + 12345, host: (await import('node:os')).hostname(), token: 'dead'}));
    await updateProgress((p) => recordResult(p, 'stay-up', {stars: 1, points: 500, passed: true}));
    expect(existsSync(`${progressPath()}.lock`)).toBe(false);
    expect((await loadProgress()).progress.levels['stay-up']?.bestPoints).toBe(500);
  });
});

describe('#8.3 temp files a kill -9 left are cleaned at the next start', () => {
  it('progress.json.<n> and old slot temps go; other files and young slot temps stay', async () => {
    writeFileSync(progressPath(), V1);
    for (const name of ['progress.json.123456789', 'progress.json.42']) writeFileSync(join(home.dir(), name), 'x'.repeat(1000));
    writeFileSync(join(home.dir(), 'progress.json.bak'), 'mine');
    writeFileSync(join(home.dir(), 'notes.42'), 'mine');
    await saveSlot('stay-up', 'a', {formatVersion: 1, level: 'stay-up', tiers: build});
    const slots = join(home.dir(), 'solutions', 'stay-up');
    writeFileSync(join(slots, 'a.yaml.77'), 'old');
    utimesSync(join(slots, 'a.yaml.77'), new Date('2026-01-01'), new Date('2026-01-01'));
    writeFileSync(join(slots, 'a.yaml.78'), 'being written now');
    await loadProgress();
    expect(readdirSync(home.dir()).sort()).toEqual(['notes.42', 'progress.json', 'progress.json.bak', 'solutions']);
    expect(readdirSync(slots).sort()).toEqual(['a.yaml', 'a.yaml.78']);
  });
});

describe('#8.4 a progress file from a newer rightsize is left untouched', () => {
  it('the game names the version, saves nothing, and the file keeps every byte', async () => {
    const newer = '{"formatVersion": 3, "levels": {"stay-up": {"stars": 3, "bestPoints": 1000}}, "settings": {}, "future": [1, 2]}\n';
    writeFileSync(progressPath(), newer);
    const {services, loaded} = await game();
    expect(loaded.notice).toContain('written by a newer rightsize (progress formatVersion 3; this one understands 2)');
    expect(loaded.notice).toContain('nothing is saved');
    await services.recordResult('stay-up', makeResult('stay-up', false), build);
    await expect(updateProgress((p) => p)).rejects.toThrow('newer rightsize');
    expect(readFileSync(progressPath(), 'utf8')).toBe(newer);
    expect(readdirSync(home.dir())).toEqual(['progress.json']);
  });
});

describe('#8.5 RIGHTSIZE_HOME pointing at a file', () => {
  it('says what is wrong and what to do, in words', async () => {
    const file = join(home.dir(), 'not-a-folder');
    writeFileSync(file, 'x');
    process.env['RIGHTSIZE_HOME'] = file;
    const {services, loaded} = await game();
    expect(loaded.notice).toContain(`RIGHTSIZE_HOME is ${file}, which is a file`);
    expect(loaded.notice).toContain('point RIGHTSIZE_HOME at a folder');
    await expect(updateProgress((p) => p)).rejects.toThrow('point RIGHTSIZE_HOME at a folder');
    const saving = Promise.resolve(services.saveSlot('stay-up', 'mine', build));
    await expect(saving).rejects.toThrow(/is a file, not a folder.*RIGHTSIZE_HOME/);
    await expect(saving).rejects.not.toThrow('EEXIST');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });
});

describe('#9.3 the last and the best build of every level are kept (formatVersion 2)', () => {
  it('a version 1 file migrates to 2 keeping every record and setting, and is saved as 2 at the next change', async () => {
    writeFileSync(progressPath(), V1);
    const loaded = await loadProgress();
    expect(loaded.progress).toEqual({formatVersion: 2, levels: {'stay-up': {stars: 3, bestPoints: 990, completedAt: '2026-11-20T10:00:00.000Z'}}, settings: {screenReader: true}});
    expect(readFileSync(progressPath(), 'utf8')).toBe(V1); // loading changes nothing on disk
    await updateProgress((p) => recordResult(p, 'two-zones', {stars: 1, points: 400, passed: true}, new Date('2026-12-01T00:00:00.000Z'), build));
    const saved = JSON.parse(readFileSync(progressPath(), 'utf8')) as Progress;
    expect(saved.formatVersion).toBe(2);
    expect(saved.levels['stay-up']).toEqual({stars: 3, bestPoints: 990, completedAt: '2026-11-20T10:00:00.000Z'});
    expect(saved.levels['two-zones']?.lastBuild?.tiers).toEqual(build);
  });

  const at = (day: number): Date => new Date(`2026-12-0${day}T00:00:00.000Z`);
  const other: Tier[] = [withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.medium', count: 1, azs: ['a']})];
  const rows: {name: string; runs: {points: number; tiers: Tier[]}[]; last: Tier[]; best: {tiers: Tier[]; points: number}}[] = [
    {name: 'one run is both last and best', runs: [{points: 700, tiers: build}], last: build, best: {tiers: build, points: 700}},
    {name: 'a worse later run is last, the better earlier one stays best', runs: [{points: 900, tiers: build}, {points: 300, tiers: other}], last: other, best: {tiers: build, points: 900}},
    {name: 'a better later run becomes best', runs: [{points: 300, tiers: other}, {points: 900, tiers: build}], last: build, best: {tiers: build, points: 900}},
    {name: 'an equal later run does not replace the best', runs: [{points: 500, tiers: build}, {points: 500, tiers: other}], last: other, best: {tiers: build, points: 500}},
  ];
  for (const row of rows) {
    it(row.name, () => {
      let progress = parseProgress(V1);
      if (!progress.ok) throw new Error('V1 does not parse');
      let p = progress.progress;
      row.runs.forEach((run, i) => (p = recordResult(p, 'stay-up', {stars: 1, points: run.points, passed: true}, at(i + 1), run.tiers)));
      expect(p.levels['stay-up']?.lastBuild?.tiers).toEqual(row.last);
      expect(p.levels['stay-up']?.bestBuild).toMatchObject(row.best);
      expect(p.levels['stay-up']?.bestPoints).toBe(990);
      progress = parseProgress(JSON.stringify(p));
      expect(progress.ok).toBe(true);
    });
  }

  it('the builder gets the last build of each level at start (a kept build this version cannot read is skipped)', async () => {
    const {services} = await game();
    await services.recordResult('stay-up', makeResult('stay-up', true), build);
    await updateProgress((p) => ({...p, levels: {...p.levels, 'two-zones': {stars: 0, bestPoints: 0, lastBuild: {tiers: [{workload: 'web', compute: 'mainframe'}], points: 0, stars: 0, ranAt: at(1).toISOString()}}}}));
    const again = await game();
    expect(again.loaded.builds).toEqual({'stay-up': build});
  });

  it('sections this version does not know (added by a later build) survive every save', async () => {
    writeFileSync(progressPath(), JSON.stringify({formatVersion: 2, levels: {}, settings: {screenReader: true, future: 1}, later: {cards: {ec2: {due: '2026-12-05'}}}}));
    const {services} = await game();
    await services.recordResult('stay-up', makeResult('stay-up', true), build);
    const saved = JSON.parse(readFileSync(progressPath(), 'utf8')) as Record<string, unknown>;
    expect(saved['later']).toEqual({cards: {ec2: {due: '2026-12-05'}}});
    expect(saved['settings']).toEqual({screenReader: true, future: 1});
  });
});
