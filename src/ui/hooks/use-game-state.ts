// The game's state and its actions with side effects: loads the content and the progress once, then runs
// builds through the engine and records them through the store.
import {useEffect, useMemo, useReducer} from 'react';
import {useApp} from 'ink';
import type {Level, Result, Tier} from '../../engine/index.js';
import {reduce, type AppState} from '../state/app-state.js';
import {messageOf, type ReviewEvent, type Services} from '../state/services.js';
import type {PlayMode} from '../state/screens.js';
import {buildKey} from '../state/selectors.js';
import type {Game, GameActions} from './use-game.js';
import {lessonsOf} from '../state/tutor.js';
import {conceptsOf} from '../state/selectors.js';

const RESEND_INTERVAL_MS = 15_000;

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
        (loaded) => dispatch({type: 'progress-loaded', records: loaded.records, notice: loaded.notice, settings: loaded.settings, builds: loaded.builds, review: loaded.review}),
        (error: unknown) => dispatch({type: 'progress-loaded', records: {}, notice: `Your progress could not be read: ${messageOf(error)}`}),
      );
  }, [services]);

  const review = (event: ReviewEvent) => {
    Promise.resolve()
      .then(() => services.recordReview(event))
      .then(
        (next) => dispatch({type: 'review', review: next}),
        (error: unknown) => dispatch({type: 'message', text: `Your review progress could not be saved: ${messageOf(error)}`}),
      );
  };
  // A live event: what waits in the offline queue is sent as soon as the host answers again (tried every 15 s).
  const joinUrl = state.challenge?.joinUrl;
  const joined = state.challenge;
  useEffect(() => {
    if (joinUrl === undefined || !joined || !services.flushChallenge) return undefined;
    let stopped = false;
    const tryNow = () => {
      Promise.resolve()
        .then(() => services.flushChallenge?.(joined))
        .then(
          (text) => {
            if (!stopped && text !== undefined) dispatch({type: 'message', text: `Sent from the queue — ${text}`});
          },
          () => undefined,
        );
    };
    tryNow();
    const timer = setInterval(tryNow, RESEND_INTERVAL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
    // Once per event: the queue is on disk, so a new player name needs no new timer.
  }, [services, joinUrl]);
  const actions: GameActions = useMemo(
    () => ({
      recordReview: review,
      run(level: Level, tiers: Tier[], mode: PlayMode) {
        dispatch({type: 'set-build', levelId: buildKey(level.id, mode), tiers});
        let result;
        try {
          const options =
            mode === 'sandbox' ? {seed: state.sandbox.seed, incidents: state.sandbox.incidents ? undefined : []} : mode === 'challenge' && state.challenge ? {seed: state.challenge.publicSeed} : {};
          result = services.simulate(level, tiers, options);
        } catch (error) {
          dispatch({type: 'alert', text: `The build could not be run: ${messageOf(error)}`});
          return;
        }
        if (mode === 'sandbox') {
          dispatch({type: 'run-finished', levelId: level.id, mode, result});
          return;
        }
        if (mode === 'challenge') {
          // A challenge run is not campaign progress: it goes into the player's submission file (written atomically).
          const challenge = state.challenge;
          const finished = result;
          // A live event: the player chooses which runs to send (u on the results), so nothing is written yet.
          if (challenge?.joinUrl !== undefined) {
            dispatch({type: 'run-finished', levelId: level.id, mode, result: finished});
            return;
          }
          Promise.resolve()
            .then(() => {
              if (!challenge?.player || !services.submitChallengeRun) throw new Error('no challenge is open');
              return services.submitChallengeRun(challenge, challenge.player, level, tiers, finished);
            })
            .then(
              (path) => {
                dispatch({type: 'challenge-submitted', levelId: level.id, points: finished.points, stars: finished.stars, path});
                dispatch({type: 'run-finished', levelId: level.id, mode, result: finished});
              },
              (error: unknown) => {
                dispatch({type: 'run-finished', levelId: level.id, mode, result: finished});
                dispatch({type: 'alert', text: `The run could not be submitted: ${messageOf(error)}`});
              },
            );
          return;
        }
        const finished = result;
        Promise.resolve()
          .then(() => services.recordResult(level.id, finished, tiers))
          .then(
            (records) => {
              dispatch({type: 'run-finished', levelId: level.id, mode, result: finished, records});
              // The concepts of the objectives this run lost come back sooner in review.
              const concepts = conceptsOf(state);
              const lost = lessonsOf(finished, (id) => Object.hasOwn(concepts, id)).map((lesson) => lesson.conceptId);
              if (lost.length > 0) review({kind: 'lost', concepts: lost});
            },
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
      sendRun(level: Level, tiers: Tier[], result: Result) {
        const challenge = state.challenge;
        dispatch({type: 'message', text: 'Sending to the host…'});
        Promise.resolve()
          .then(() => {
            if (!challenge?.player || !services.sendChallengeRun) throw new Error('no live event is open');
            return services.sendChallengeRun(challenge, challenge.player, level, tiers, result);
          })
          .then(
            (sent) => {
              dispatch({type: 'challenge-submitted', levelId: level.id, points: result.points, stars: result.stars, path: sent.path});
              dispatch({type: 'message', text: sent.text});
            },
            (error: unknown) => dispatch({type: 'alert', text: `The run could not be sent: ${messageOf(error)}`}),
          );
      },
      quit: () => exit(),
    }),
    // run reads the concept cards (lost objectives → review), so it is rebuilt when the content loads.
    [services, exit, state.sandbox, state.content, state.challenge],
  );
  return {state, dispatch, services, actions};
}
