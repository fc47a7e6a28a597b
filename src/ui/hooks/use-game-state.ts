// The game's state and its actions with side effects: loads the content and the progress once, then runs
// builds through the engine and records them through the store.
import {useEffect, useMemo, useReducer} from 'react';
import {useApp} from 'ink';
import type {Level, Tier} from '../../engine/index.js';
import {reduce, type AppState} from '../state/app-state.js';
import {messageOf, type Services} from '../state/services.js';
import type {PlayMode} from '../state/screens.js';
import type {Game, GameActions} from './use-game.js';

export function useGameState(services: Services, initial: AppState): Game {
  const {exit} = useApp();
  const [state, dispatch] = useReducer(reduce, initial);
  useEffect(() => {
    Promise.resolve()
      .then(() => services.loadContent())
      .then(
        (loaded) => dispatch('error' in loaded ? {type: 'content-failed', error: loaded.error} : {type: 'content-loaded', ...loaded}),
        (error: unknown) => dispatch({type: 'content-failed', error: messageOf(error)}),
      );
    Promise.resolve()
      .then(() => services.loadProgress())
      .then(
        (loaded) => dispatch({type: 'progress-loaded', records: loaded.records, notice: loaded.notice, settings: loaded.settings, builds: loaded.builds}),
        (error: unknown) => dispatch({type: 'progress-loaded', records: {}, notice: `Your progress could not be read: ${messageOf(error)}`}),
      );
  }, [services]);

  const actions: GameActions = useMemo(
    () => ({
      run(level: Level, tiers: Tier[], mode: PlayMode) {
        dispatch({type: 'set-build', levelId: level.id, tiers});
        let result;
        try {
          const options = mode === 'sandbox' ? {seed: state.sandbox.seed, incidents: state.sandbox.incidents ? undefined : []} : {};
          result = services.simulate(level, tiers, options);
        } catch (error) {
          dispatch({type: 'alert', text: `The build could not be run: ${messageOf(error)}`});
          return;
        }
        if (mode === 'sandbox') {
          dispatch({type: 'run-finished', levelId: level.id, mode, result});
          return;
        }
        const finished = result;
        Promise.resolve()
          .then(() => services.recordResult(level.id, finished, tiers))
          .then(
            (records) => dispatch({type: 'run-finished', levelId: level.id, mode, result: finished, records}),
            (error: unknown) => {
              dispatch({type: 'run-finished', levelId: level.id, mode, result: finished});
              dispatch({type: 'alert', text: `The result could not be saved to your progress: ${messageOf(error)}`});
            },
          );
      },
      async saveSlot(levelId: string, name: string, tiers: Tier[]) {
        try {
          await services.saveSlot(levelId, name, tiers);
          dispatch({type: 'message', text: `Saved as "${name}" (l on the briefing loads it).`});
          return true;
        } catch (error) {
          dispatch({type: 'alert', text: `Could not save "${name}": ${messageOf(error)}`});
          return false;
        }
      },
      quit: () => exit(),
    }),
    [services, exit, state.sandbox],
  );
  return {state, dispatch, services, actions};
}
