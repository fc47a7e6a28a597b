// The builder's keys, mapped to reducer actions and to the screen's exits. Nothing else happens here.
// '?' is the game's help: it is never handled, so the key router passes it on.
import type {Dispatch} from 'react';
import {useKeys} from '../input/key-router.js';
import type {BuilderAction, BuilderState} from './builder-state.js';

export interface BuilderExits {
  run(): void;
  save(): void;
  back(): void;
}

/** `findingCount`: how many findings the estimate lists (f steps through them). */
export function useBuilderKeys(state: BuilderState, dispatch: Dispatch<BuilderAction>, exits: BuilderExits, findingCount: number, active = true): void {
  useKeys((input, key) => {
    if (state.picker) {
      if (key.upArrow || input === 'k') dispatch({type: 'picker-move', delta: -1});
      else if (key.downArrow || input === 'j') dispatch({type: 'picker-move', delta: 1});
      else if (key.pageUp) dispatch({type: 'picker-move', delta: -8});
      else if (key.pageDown) dispatch({type: 'picker-move', delta: 8});
      else if (key.return || input === ' ') dispatch({type: 'picker-choose'});
      else if (key.escape || input === 'q') dispatch({type: 'close-picker'});
      // An open list holds every other key (no save or tier switch under it), except the game's help.
      else return input !== '?';
      return true;
    }
    if (state.optionsOpen && (key.escape || input === 'q')) {
      dispatch({type: 'close-options'});
      return true;
    }
    if (key.tab) dispatch({type: 'next-tier', delta: key.shift ? -1 : 1});
    else if (key.upArrow || input === 'k') dispatch({type: 'move-field', delta: -1});
    else if (key.downArrow || input === 'j') dispatch({type: 'move-field', delta: 1});
    else if (key.leftArrow || input === '-') dispatch({type: 'change-value', delta: -1});
    else if (key.rightArrow || input === '+' || input === '=') dispatch({type: 'change-value', delta: 1});
    else if (input === ' ') dispatch({type: 'toggle'});
    else if (input === 'h') dispatch({type: 'reveal-hint'});
    else if (input === 'f') dispatch({type: 'next-finding', count: findingCount});
    else if (key.return) exits.run();
    else if (input === 's') exits.save();
    else if (key.escape || input === 'q') exits.back();
    else return false;
    return true;
  }, active);
}
