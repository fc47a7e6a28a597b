// The game's root component: screens, the key router, the help overlay.
import {Box, Text, useApp} from 'ink';
import {KeyRouterProvider, useKeys} from './input/key-router.js';
import {KeyHints} from './components/KeyHints.js';

export interface GameProps {
  levelsDir?: string;
  noColor: boolean;
}

function Placeholder() {
  const {exit} = useApp();
  useKeys((input) => {
    if (input === 'q') {
      exit();
      return true;
    }
    return false;
  });
  return (
    <Box flexDirection="column">
      <Text bold>rightsize</Text>
      <KeyHints hints={[['q', 'quit']]} />
    </Box>
  );
}

export function Game(_props: GameProps) {
  return (
    <KeyRouterProvider>
      <Placeholder />
    </KeyRouterProvider>
  );
}
