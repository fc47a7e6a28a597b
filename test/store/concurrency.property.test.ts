// #8 Must show: saves from two store clients on one folder, interleaved at random, and a saving process killed
// with SIGKILL at random moments: every confirmed record stays in the file, the file always parses, and the next
// start leaves no temp file behind.
import {spawn} from 'node:child_process';
import {buildSync} from 'esbuild';
import {existsSync, mkdirSync, readdirSync, readFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import fc from 'fast-check';
import {beforeAll, describe, expect, it} from 'vitest';
import {loadProgress, parseProgress, progressPath} from '../../src/store/index.js';
import {realServices} from '../../src/ui/state/real-services.js';
import {makeResult} from '../ui/fixtures.js';
import {useTempHome} from './home.js';

const home = useTempHome();

function onDisk() {
  const parsed = parseProgress(readFileSync(progressPath(), 'utf8'));
  if (!parsed.ok) throw new Error(`the progress file does not parse: ${parsed.reason}`);
  return parsed.progress;
}

describe('two store clients on one folder', () => {
  type Save = {client: 0 | 1; level: number; points: number; together: boolean};
  const save: fc.Arbitrary<Save> = fc.record({
    client: fc.constantFrom(0 as const, 1 as const),
    level: fc.integer({min: 0, max: 5}),
    points: fc.integer({min: 0, max: 1000}),
    together: fc.boolean(),
  });

  it('any interleaving of saves leaves every confirmed record in the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(save, {minLength: 1, maxLength: 12}), fc.boolean(), async (saves, setting) => {
        const file = progressPath();
        if (existsSync(file)) (await import('node:fs')).rmSync(file);
        const clients = [realServices(), realServices()];
        for (const client of clients) await client.loadProgress(); // both loaded at start, as two games
        const confirmed = new Map<string, number>();
        const run = async (s: Save): Promise<void> => {
          const id = `level-${s.level}`;
          const result = {...makeResult(id, true), points: s.points};
          await clients[s.client]?.recordResult(id, result, undefined);
          confirmed.set(id, Math.max(confirmed.get(id) ?? 0, s.points));
        };
        // Saves marked `together` start while the one before is still in flight.
        let batch: Promise<void>[] = [];
        for (const s of saves) {
          if (!s.together) {
            await Promise.all(batch);
            batch = [];
          }
          batch.push(run(s));
        }
        if (setting) batch.push(Promise.resolve(clients[1]?.saveSettings({screenReader: true})));
        await Promise.all(batch);
        const progress = onDisk();
        for (const [id, points] of confirmed) expect(progress.levels[id]?.bestPoints).toBe(points);
        expect(Object.keys(progress.levels).sort()).toEqual([...confirmed.keys()].sort());
        if (setting) expect(progress.settings.screenReader).toBe(true);
      }),
      {numRuns: 25},
    );
  });
});

const ROOT = resolve(import.meta.dirname, '..', '..');
const CHILD = join(ROOT, 'node_modules', '.cache', 'rightsize-tests', 'save-loop.mjs');
const KILLS = 100;
const LANES = 4;

describe('a saving process killed with SIGKILL', () => {
  beforeAll(() => {
    // A plain-node child (bundled once) starts in milliseconds, so 100 kills stay quick.
    mkdirSync(join(CHILD, '..'), {recursive: true});
    buildSync({entryPoints: [join(ROOT, 'test', 'store', 'save-loop.ts')], bundle: true, platform: 'node', format: 'esm', outfile: CHILD, logLevel: 'error', banner: {js: "import {createRequire as __cr} from 'node:module'; import {fileURLToPath as __fu} from 'node:url'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url);"}});
  });

  it(`${KILLS} kills at random moments: the file parses, no confirmed record is lost, the next start leaves no temp file`, async () => {
    const confirmed = new Map<string, number>();
    let seed = 12345;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const check = (when: string): void => {
      const progress = onDisk();
      for (const [id, points] of confirmed) expect(progress.levels[id]?.bestPoints, `${id} ${when}`).toBeGreaterThanOrEqual(points);
    };
    /** One child: start it, wait for its first confirmed save, kill it a random moment later (mid-save, mostly). */
    const killOnce = async (level: string, run: number): Promise<void> => {
      const child = spawn(process.execPath, [CHILD, level, String(confirmed.get(level) ?? 0)], {env: {...process.env, RIGHTSIZE_HOME: home.dir()}, stdio: ['ignore', 'pipe', 'inherit']});
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      let gone = false;
      const exited = new Promise<void>((done) => child.on('exit', () => ((gone = true), done())));
      await new Promise<void>((ready, fail) => {
        const poll = (): void => {
          if (out.includes('\n')) ready();
          else if (gone) fail(new Error(`the saving child exited before its first save (kill ${run})`));
          else setTimeout(poll, 2);
        };
        poll();
      });
      await new Promise((r) => setTimeout(r, random() * 30));
      child.kill('SIGKILL');
      await exited;
      for (const line of out.split('\n')) {
        const [id, points] = line.split(' ');
        if (id && points) confirmed.set(id, Math.max(confirmed.get(id) ?? 0, Number(points)));
      }
      check(`after kill ${run}`);
    };
    // Lanes of children run side by side on the one folder (each saving its own level), so kills also land while
    // another process waits for the lock or takes over a dead one's.
    await Promise.all(
      Array.from({length: LANES}, async (_, lane) => {
        for (let i = 0; i < KILLS / LANES; i++) await killOnce(`lane-${lane}`, lane * (KILLS / LANES) + i + 1);
      }),
    );
    expect(confirmed.size).toBe(LANES);
    await loadProgress(); // the next start
    check('after the next start');
    expect(readdirSync(home.dir()).sort()).toEqual(['progress.json']);
  }, 300_000);
});
