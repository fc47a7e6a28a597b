// The game's root: loads content and progress, owns the reducer, routes keys, and shows the top screen
// (or the help overlay, or the too-small notice — the screen stays mounted underneath, so nothing is lost).
import {useCallback, useEffect, useMemo, useReducer, type ReactNode} from 'react';
import {Box, useApp, type Key} from 'ink';
import type {Level, Tier} from '../engine/types.js';
import {KeyRouterProvider} from './input/key-router.js';
import {GameContext, type Game as GameValue, type GameActions} from './hooks/use-game.js';
import {ThemeContext} from './hooks/use-theme.js';
import {isTooSmall, useTerminalSize} from './hooks/use-terminal-size.js';
import {initialState, reduce, type AppState} from './state/app-state.js';
import {buildFor, campaignOf, levelById, topScreen} from './state/selectors.js';
import {messageOf, type Services} from './state/services.js';
import type {PlayMode, Screen} from './state/screens.js';
import {makeTheme} from './theme.js';
import {Title} from './screens/Title.js';
import {Menu} from './screens/Menu.js';
import {Campaign} from './screens/Campaign.js';
import {Briefing} from './screens/Briefing.js';
import {Results} from './screens/Results.js';
import {Concept} from './screens/Concept.js';
import {Codex} from './screens/Codex.js';
import {Slots} from './screens/Slots.js';
import {Help} from './screens/Help.js';
import {TooSmall} from './screens/TooSmall.js';
import {Quiz} from './screens/Quiz.js';
import {Sandbox} from './screens/Sandbox.js';
import {Settings} from './screens/Settings.js';
import {BuilderScreen, RunScreen} from './screens/play-screens.js';

export interface GameProps {
  services: Services;
  noColor: boolean;
  /** Start from this state (tests). */
  initial?: AppState;
}

function useGameValue(services: Services, initial: AppState): GameValue {
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
        (loaded) => dispatch({type: 'progress-loaded', records: loaded.records, notice: loaded.notice, settings: loaded.settings}),
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
          dispatch({type: 'message', text: `The build could not be run: ${messageOf(error)}`});
          return;
        }
        if (mode === 'sandbox') {
          dispatch({type: 'run-finished', levelId: level.id, mode, result});
          return;
        }
        const finished = result;
        Promise.resolve()
          .then(() => services.recordResult(level.id, finished))
          .then(
            (records) => dispatch({type: 'run-finished', levelId: level.id, mode, result: finished, records}),
            (error: unknown) => {
              dispatch({type: 'run-finished', levelId: level.id, mode, result: finished});
              dispatch({type: 'message', text: `Progress not saved: ${messageOf(error)}`});
            },
          );
      },
      async saveSlot(levelId: string, name: string, tiers: Tier[]) {
        try {
          await services.saveSlot(levelId, name, tiers);
          dispatch({type: 'message', text: `Saved as "${name}" (l on the briefing loads it).`});
        } catch (error) {
          dispatch({type: 'message', text: `Could not save "${name}": ${messageOf(error)}`});
        }
      },
      quit: () => exit(),
    }),
    [services, exit, state.sandbox],
  );
  return {state, dispatch, services, actions};
}

function ScreenView({screen, game}: {screen: Screen; game: GameValue}): ReactNode {
  const {state, dispatch, actions} = game;
  switch (screen.name) {
    case 'title':
      return <Title />;
    case 'menu':
      return <Menu />;
    case 'campaign':
      return <Campaign />;
    case 'briefing':
      return <Briefing levelId={screen.levelId} panel={screen.panel} />;
    case 'slots':
      return <Slots levelId={screen.levelId} />;
    case 'concept':
      return <Concept conceptId={screen.conceptId} />;
    case 'codex':
      return <Codex />;
    case 'quiz':
      return <Quiz levelId={screen.levelId} />;
    case 'sandbox':
      return <Sandbox />;
    case 'settings':
      return <Settings />;
    case 'results':
      return <Results levelId={screen.levelId} mode={screen.mode} panel={screen.panel} />;
    case 'builder':
    case 'run': {
      const level = levelById(campaignOf(state), screen.levelId);
      if (!level) return null;
      if (screen.name === 'builder') {
        return (
          <BuilderScreen
            level={level}
            initialTiers={buildFor(state, level)}
            onRun={(tiers) => actions.run(level, tiers, screen.mode)}
            onBack={() => dispatch({type: 'back'})}
            onSave={(tiers) => {
              dispatch({type: 'set-build', levelId: level.id, tiers});
              void actions.saveSlot(level.id, 'autosave', tiers);
            }}
          />
        );
      }
      const result = state.lastRun?.levelId === level.id ? state.lastRun.result : undefined;
      if (!result) return null;
      return <RunScreen level={level} result={result} onDone={() => dispatch({type: 'replace', screen: {name: 'results', levelId: level.id, mode: screen.mode}})} />;
    }
  }
}

export function Game({services, noColor, initial = initialState}: GameProps) {
  const theme = useMemo(() => makeTheme(noColor), [noColor]);
  return (
    <ThemeContext.Provider value={theme}>
      <GameWithKeys services={services} initial={initial} />
    </ThemeContext.Provider>
  );
}

function GameWithKeys({services, initial}: {services: Services; initial: AppState}) {
  const game = useGameValue(services, initial);
  const {state, dispatch, actions} = game;
  const size = useTerminalSize();
  const screen = topScreen(state);
  // Keys no screen claimed: help, back, quit.
  const fallback = useCallback(
    (input: string, key: Key) => {
      if (input === '?') dispatch({type: 'help', open: true});
      else if (input === 'q' || key.escape) {
        if (screen.name === 'menu' || screen.name === 'title') actions.quit();
        else dispatch({type: 'back'});
      }
    },
    [dispatch, actions, screen.name],
  );
  const tooSmall = isTooSmall(size);
  return (
    <GameContext.Provider value={game}>
      <KeyRouterProvider fallback={fallback}>
        <Box display={state.help || tooSmall ? 'none' : 'flex'} flexDirection="column">
          <ScreenView key={state.stack.length + screen.name} screen={screen} game={game} />
        </Box>
        {state.help && !tooSmall ? <Help screen={screen.name} onClose={() => dispatch({type: 'help', open: false})} /> : null}
        {tooSmall ? <TooSmall size={size} /> : null}
      </KeyRouterProvider>
    </GameContext.Provider>
  );
}
