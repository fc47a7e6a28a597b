// The game's state, its dispatch, and the actions with side effects (store, simulate), for the screens.
import {createContext, useContext, type Dispatch} from 'react';
import type {Level, Result, Tier} from '../../engine/index.js';
import type {Action, AppState} from '../state/app-state.js';
import type {PlayMode} from '../state/screens.js';
import type {ReviewEvent, Services} from '../state/services.js';

export interface GameActions {
  /** Simulate the build, record it (campaign), and show the run. */
  run(level: Level, tiers: Tier[], mode: PlayMode): void;
  /** Resolves to true once saved; a failure is shown as an alert and resolves to false. */
  saveSlot(levelId: string, name: string, tiers: Tier[]): Promise<boolean>;
  /** Schedules a review event and saves it; a failure is shown as a message. */
  recordReview(event: ReviewEvent): void;
  /** A live event: put this run in the player's submission file and send it to the host (a message says how it went). */
  sendRun(level: Level, tiers: Tier[], result: Result): void;
  /** Leave the game. */
  quit(): void;
}

export interface Game {
  state: AppState;
  dispatch: Dispatch<Action>;
  services: Services;
  actions: GameActions;
}

export const GameContext = createContext<Game | null>(null);

export function useGame(): Game {
  const game = useContext(GameContext);
  if (!game) throw new Error('useGame needs the Game component above it');
  return game;
}
