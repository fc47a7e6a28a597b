import {existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {withDefaults} from '../../src/engine/defaults.js';
import type {Solution} from '../../src/engine/types.js';
import {deleteSlot, exportSolution, importSolution, listSlots, loadSlot, peekSettings, saveProgress, saveSlot, slotPath} from '../../src/store/index.js';
import {useTempHome} from './home.js';

const home = useTempHome();

const solution: Solution = {
  formatVersion: 1,
  level: 'two-zones',
  player: 'ada',
  tiers: [withDefaults({workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 2, azs: ['a', 'b'], loadBalancer: 'alb'})],
};

describe('solution slots', () => {
  it('save, list and load round-trip the solution', async () => {
    const saved = await saveSlot('two-zones', 'best so far', solution);
    expect(saved).toEqual({name: 'best so far', path: join(home.dir(), 'solutions', 'two-zones', 'best so far.yaml')});
    const slots = await listSlots('two-zones');
    expect(slots.map((s) => s.name)).toEqual(['best so far']);
    expect(slots[0]?.modifiedAt).toBeInstanceOf(Date);
    const loaded = await loadSlot('two-zones', 'best so far');
    expect(loaded.ok && loaded.value).toEqual(solution);
  });

  it('saving under the same name replaces the slot', async () => {
    await saveSlot('two-zones', 'a', solution);
    await saveSlot('two-zones', 'a', {...solution, player: 'grace'});
    const loaded = await loadSlot('two-zones', 'a');
    expect(loaded.ok && loaded.value.player).toBe('grace');
    expect((await listSlots('two-zones')).length).toBe(1);
  });

  it('lists the most recently saved first and skips files it did not write', async () => {
    await saveSlot('two-zones', 'older', solution);
    await saveSlot('two-zones', 'newer', solution);
    utimesSync(slotPath('two-zones', 'older'), new Date('2026-01-01'), new Date('2026-01-01'));
    writeFileSync(join(home.dir(), 'solutions', 'two-zones', 'notes.txt'), 'not a slot');
    writeFileSync(join(home.dir(), 'solutions', 'two-zones', '.hidden.yaml'), 'not a slot');
    expect((await listSlots('two-zones')).map((s) => s.name)).toEqual(['newer', 'older']);
  });

  it('a level with no slots lists none', async () => {
    expect(await listSlots('never-played')).toEqual([]);
  });

  const escapes: {name: string; slot: string; file: string}[] = [
    {name: 'parent directory', slot: '../../progress', file: 'progress.yaml'},
    {name: 'absolute path', slot: '/etc/passwd', file: 'etc-passwd.yaml'},
    {name: 'dot-dot alone', slot: '..', file: 'untitled.yaml'},
    {name: 'backslashes', slot: '..\\..\\x', file: 'x.yaml'},
  ];
  for (const row of escapes) {
    it(`a slot named ${JSON.stringify(row.slot)} (${row.name}) stays in the level's folder`, async () => {
      const saved = await saveSlot('two-zones', row.slot, solution);
      expect(saved.path).toBe(join(home.dir(), 'solutions', 'two-zones', row.file));
      expect(readdirSync(home.dir()).sort()).toEqual(['solutions']);
      expect(readdirSync(join(home.dir(), 'solutions'))).toEqual(['two-zones']);
      const loaded = await loadSlot('two-zones', row.slot);
      expect(loaded.ok).toBe(true);
    });
  }

  it('a level id with ../ cannot climb out of solutions/', async () => {
    const saved = await saveSlot('../../..', 'x', solution);
    expect(saved.path.startsWith(join(home.dir(), 'solutions'))).toBe(true);
  });

  it('loading a missing slot is a problem, not an exception', async () => {
    const loaded = await loadSlot('two-zones', 'nope');
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.problems[0]?.message).toContain("no solution saved as 'nope'");
  });

  it('a hand-broken slot loads as problems with line and column', async () => {
    await saveSlot('two-zones', 'broken', solution);
    writeFileSync(slotPath('two-zones', 'broken'), 'formatVersion: 1\nlevel: two-zones\ntiers: 3\n');
    const loaded = await loadSlot('two-zones', 'broken');
    expect(!loaded.ok && loaded.problems.map((p) => `${p.line}:${p.col} ${p.path}`)).toEqual(['3:8 tiers']);
  });

  it('delete removes the slot and says whether there was one', async () => {
    await saveSlot('two-zones', 'gone', solution);
    expect(await deleteSlot('two-zones', 'gone')).toBe(true);
    expect(await deleteSlot('two-zones', 'gone')).toBe(false);
    expect(await listSlots('two-zones')).toEqual([]);
  });
});

describe('export and import', () => {
  it('exports YAML anywhere (creating folders) and imports it back', async () => {
    const path = await exportSolution(join(home.dir(), 'out', 'deep', 'mine.yaml'), solution);
    expect(readFileSync(path, 'utf8')).toContain('level: two-zones');
    const imported = importSolution(path);
    expect(imported.ok && imported.value).toEqual(solution);
  });

  it('exports JSON for a .json path', async () => {
    const path = await exportSolution(join(home.dir(), 'mine.json'), solution);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(solution);
    expect(importSolution(path).ok).toBe(true);
  });

  it('import of a bad file gives every problem, never throws', () => {
    const path = join(home.dir(), 'bad.yaml');
    writeFileSync(path, 'formatVersion: 2\nlevel: Two Zones\n');
    const imported = importSolution(path);
    expect(imported.ok).toBe(false);
    expect(!imported.ok && imported.problems.length).toBeGreaterThanOrEqual(2);
    expect(importSolution(join(home.dir(), 'missing.yaml')).ok).toBe(false);
  });
});

describe('peekSettings', () => {
  it('reads the saved settings', async () => {
    await saveProgress({formatVersion: 2, levels: {}, settings: {screenReader: true}});
    expect(await peekSettings()).toEqual({screenReader: true});
  });

  it('a corrupt file gives {} and is left in place for loadProgress to handle', async () => {
    mkdirSync(home.dir(), {recursive: true});
    writeFileSync(join(home.dir(), 'progress.json'), '{oops');
    expect(await peekSettings()).toEqual({});
    expect(existsSync(join(home.dir(), 'progress.json'))).toBe(true);
  });
});
