// The current screen's remembered list row: a List starts there and reports moves back, so returning to a
// screen (from a card, a sub-screen or help) lands on the row the player left.
import {useCallback} from 'react';
import {topScreen} from '../state/selectors.js';
import {useGame} from './use-game.js';

export function useCursor(fallback = 0): {initialIndex: number; onHighlight(item: unknown, index: number): void} {
  const {state, dispatch} = useGame();
  const cursor = topScreen(state).cursor;
  const onHighlight = useCallback((_item: unknown, index: number) => dispatch({type: 'cursor', cursor: index}), [dispatch]);
  return {initialIndex: cursor ?? fallback, onHighlight};
}
