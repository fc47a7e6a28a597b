// Keys that arrive together (fast typing over SSH, tmux send-keys) are played one by one, in order.
import {afterEach, describe, expect, it, vi} from 'vitest';
import {cleanup} from 'ink-testing-library';
import type {Key} from 'ink';
import {splitTyped} from '../../src/ui/input/key-router.js';
import {Game} from '../../src/ui/Game.js';
import {renderUi, waitForFrame} from './helpers.js';
import {fakeServices, makeLevel} from './fixtures.js';

vi.mock('../../src/ui/screens/play-screens.js', () => import('./stand-ins.js'));

afterEach(() => cleanup());

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false,
  capsLock: false, numLock: false,
};

describe('splitTyped', () => {
  it.each([
    {name: 'one key stays as it is', input: 'j', presses: [['j', {}]]},
    {name: 'letters split', input: 'jk', presses: [['j', {}], ['k', {}]]},
    {name: 'enter and tab become their keys', input: 'j\r\t', presses: [['j', {}], ['', {return: true}], ['', {tab: true}]]},
    {name: 'a capital is shifted', input: 'Gg', presses: [['G', {shift: true}], ['g', {shift: false}]]},
    {name: 'backspace', input: 'a\u007F', presses: [['a', {}], ['', {backspace: true}]]},
  ])('$name', ({input, presses}) => {
    const split = splitTyped(input, NO_KEY);
    expect(split.map(([text]) => text)).toEqual(presses.map(([text]) => text));
    split.forEach(([, key], i) => expect(key).toMatchObject(presses[i]?.[1] ?? {}));
  });

  it('escape sequences and modified keys come through whole', () => {
    expect(splitTyped('\u001B[A', NO_KEY)).toHaveLength(1);
    expect(splitTyped('ab', {...NO_KEY, meta: true})).toHaveLength(1);
  });
});

it('"jj" and Enter in one write open the third menu entry', async () => {
  const ui = renderUi(<Game services={fakeServices([makeLevel('stay-up', 'Stay Up')])} noColor />);
  await waitForFrame(ui, 'Press Enter to start');
  ui.stdin.write('\r');
  await waitForFrame(ui, 'rightsize — menu');
  ui.stdin.write('jj\r');
  await waitForFrame(ui, 'Practice — what should I ask?');
});
