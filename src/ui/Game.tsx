// The game's root: owns the state, routes keys, and shows the top screen — or the help overlay, or the
// too-small notice, with the screen kept mounted underneath so nothing the player did is lost.
import {useCallback, useMemo} from 'react';
import {Box, type Key} from 'ink';
import {KeyRouterProvider} from './input/key-router.js';
import {GameContext} from './hooks/use-game.js';
import {useGameState} from './hooks/use-game-state.js';
import {ThemeContext} from './hooks/use-theme.js';
import {isTooSmall, useTerminalSize} from './hooks/use-terminal-size.js';
import {initialState, type AppState} from './state/app-state.js';
import {topScreen} from './state/selectors.js';
import type {Services} from './state/services.js';
import {makeTheme} from './theme.js';
import {Alert} from './screens/Alert.js';
import {Help} from './screens/Help.js';
import {TooSmall} from './screens/TooSmall.js';
import {ScreenView} from './screens/ScreenView.js';

export interface GameProps {
  services: Services;
  noColor: boolean;
  /** Start from this state (tests). */
  initial?: AppState;
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
  const game = useGameState(services, initial);
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
  const alert = state.alert;
  return (
    <GameContext.Provider value={game}>
      <KeyRouterProvider fallback={fallback}>
        <Box display={state.help || alert !== undefined || tooSmall ? 'none' : 'flex'} flexDirection="column">
          <ScreenView key={state.stack.length + screen.name} screen={screen} game={game} />
        </Box>
        {state.help && alert === undefined && !tooSmall ? <Help screen={screen.name} onClose={() => dispatch({type: 'help', open: false})} /> : null}
        {alert !== undefined && !tooSmall ? <Alert text={alert} onClose={() => dispatch({type: 'alert'})} /> : null}
        {tooSmall ? <TooSmall size={size} /> : null}
      </KeyRouterProvider>
    </GameContext.Provider>
  );
}
