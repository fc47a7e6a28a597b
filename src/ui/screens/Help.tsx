import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {Frame} from '../components/Frame.js';
import {wrapText} from '../components/wrap-text.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import type {ScreenName} from '../state/screens.js';
import {GENERAL_HELP, SCREEN_HELP} from './help-text.js';

/** Each help paragraph wrapped to the width between words, indented under its heading. */
export function helpLines(screen: ScreenName, width: number): {general: string[]; screen: string[]} {
  const wrap = (lines: readonly string[]) => lines.flatMap((line) => wrapText(`  ${line}`, width));
  return {general: wrap(GENERAL_HELP), screen: wrap(SCREEN_HELP[screen])};
}

/** The help overlay: takes every key while open; ?, q or esc closes it. */
export function Help({screen, onClose}: {screen: ScreenName; onClose(): void}) {
  const width = useProseWidth();
  useKeys((input, key) => {
    if (input === '?' || input === 'q' || key.escape || key.return) onClose();
    return true;
  });
  const lines = helpLines(screen, width);
  return (
    <Frame title="Help" hints={[['?/q/esc', 'close help']]}>
      <Box flexDirection="column">
        <Text bold>Keys everywhere</Text>
        {lines.general.map((line, i) => (
          <Text key={`g${i}`}>{line}</Text>
        ))}
        <Text> </Text>
        <Text bold>This screen</Text>
        {lines.screen.map((line, i) => (
          <Text key={`s${i}`}>{line}</Text>
        ))}
      </Box>
    </Frame>
  );
}
