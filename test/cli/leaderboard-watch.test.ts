// --watch: the table is redrawn when a new submission arrives in the folder, and stops on the signal.
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {leaderboardCommand} from '../../src/cli/commands/leaderboard.js';
import {painter} from '../../src/cli/color.js';
import {classroom, ROBUST, SINGLE, type Classroom} from '../classroom/helpers.js';

let room: Classroom | undefined;
afterEach(() => {
  room?.cleanup();
  room = undefined;
});

describe('leaderboard --watch', () => {
  it('redraws when a file arrives', async () => {
    room = classroom();
    room.submit('ada.json', 'ada', SINGLE, '2026-12-02T10:00:00Z');
    const outputs: string[] = [];
    const controller = new AbortController();
    let resolveSecond: () => void = () => undefined;
    const second = new Promise<void>((resolve) => (resolveSecond = resolve));
    const io = {
      out: (text: string) => {
        outputs.push(text);
        if (outputs.length === 1) room?.submit('bob.json', 'bob', ROBUST, '2026-12-02T11:00:00Z');
        if (outputs.length === 2) resolveSecond();
      },
      err: () => undefined,
      paint: painter(false),
    };
    const done = leaderboardCommand(io, [join(room.dir, 'submissions')], {challenge: room.teacherFile, watch: true, cache: false, workers: '0'}, {signal: controller.signal, watchIntervalMs: 50});
    await second;
    controller.abort();
    expect(await done).toBe(0);
    expect(outputs[0]).toMatch(/^\s+1\s+ada/m);
    expect(outputs[0]).not.toMatch(/bob/);
    expect(outputs[1]).toMatch(/^\s+1\s+bob/m);
    expect(outputs[1]).toMatch(/^\s+2\s+ada/m);
  });
});
