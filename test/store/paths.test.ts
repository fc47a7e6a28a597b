import fc from 'fast-check';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {safeSlotName, slotPath, solutionsDir, SLOT_NAME_MAX_CHARS} from '../../src/store/paths.js';
import {useTempHome} from './home.js';

const home = useTempHome();

describe('safeSlotName', () => {
  const rows: {name: string; input: string; want: string}[] = [
    {name: 'a plain name stays', input: 'best so far', want: 'best so far'},
    {name: 'parent directory', input: '..', want: 'untitled'},
    {name: 'a path up and out', input: '../../etc/passwd', want: 'etc-passwd'},
    {name: 'windows separators', input: '..\\..\\boot.ini', want: 'boot.ini'},
    {name: 'absolute path', input: '/tmp/x', want: 'tmp-x'},
    {name: 'hidden file', input: '.bashrc', want: 'bashrc'},
    {name: 'looks like an option', input: '--force', want: 'force'},
    {name: 'trailing dots and spaces', input: 'v2. . ', want: 'v2'},
    {name: 'empty', input: '', want: 'untitled'},
    {name: 'only spaces', input: '   ', want: 'untitled'},
    {name: 'control characters and NUL', input: 'a\u0000b\nc', want: 'a-b-c'},
    {name: 'reserved on windows', input: 'con', want: 'con-slot'},
    {name: 'reserved with an extension', input: 'NUL.txt', want: 'NUL.txt-slot'},
    {name: 'accents are kept', input: 'café crème', want: 'café crème'},
    {name: 'decomposed accents are composed', input: 'cafe\u0301', want: 'café'},
    {name: 'runs of separators collapse', input: 'a///b', want: 'a-b'},
    {name: 'too long is cut', input: 'x'.repeat(200), want: 'x'.repeat(SLOT_NAME_MAX_CHARS)},
  ];
  for (const row of rows) {
    it(row.name, () => expect(safeSlotName(row.input)).toBe(row.want));
  }

  it('is idempotent and never empty, never dot-led, never holds a separator', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 120}), (input) => {
        const once = safeSlotName(input);
        expect(safeSlotName(once)).toBe(once);
        expect(once.length).toBeGreaterThan(0);
        expect(once).not.toMatch(/^[.\- ]|[/\\]|[. ]$/);
        expect(once.includes(String.fromCharCode(0))).toBe(false);
        expect(Array.from(once).length).toBeLessThanOrEqual(SLOT_NAME_MAX_CHARS + '-slot'.length);
      }),
      {numRuns: 2000},
    );
  });
});

describe('slotPath', () => {
  it('sits directly in <home>/solutions/<level>/ whatever the name', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary', maxLength: 80}), fc.string({maxLength: 30}), (name, levelId) => {
        const path = slotPath(levelId, name);
        expect(dirname(dirname(path))).toBe(join(home.dir(), 'solutions'));
        expect(path.endsWith('.yaml')).toBe(true);
      }),
      {numRuns: 1000},
    );
  });

  it('a level id of ../.. cannot climb either', () => {
    expect(solutionsDir('../..')).toBe(join(home.dir(), 'solutions', 'untitled'));
  });
});
