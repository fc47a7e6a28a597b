import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {Frame} from '../components/Frame.js';
import type {ScreenName} from '../state/screens.js';
import {GENERAL_HELP, SCREEN_HELP} from './help-text.js';

/** The help overlay: takes every key while open; ?, q or esc closes it. */
export function Help({screen, onClose}: {screen: ScreenName; onClose(): void}) {
  useKeys((input, key) => {
    if (input === '?' || input === 'q' || key.escape || key.return) onClose();
    return true;
  });
  return (
    <Frame title="Help" hints={[['?/q/esc', 'close help']]}>
      <Box flexDirection="column">
        <Text bold>Keys everywhere</Text>
        {GENERAL_HELP.map((line) => (
          <Text key={line}>  {line}</Text>
        ))}
        <Text> </Text>
        <Text bold>This screen</Text>
        {SCREEN_HELP[screen].map((line) => (
          <Text key={line}>  {line}</Text>
        ))}
      </Box>
    </Frame>
  );
}
