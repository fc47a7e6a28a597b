import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {MIN_COLUMNS, MIN_ROWS, type TerminalSize} from '../hooks/use-terminal-size.js';

/** Shown instead of the screen while the terminal is too small; the screen under it gets no keys meanwhile. */
export function TooSmall({size}: {size: TerminalSize}) {
  useKeys(() => true);
  return (
    <Box flexDirection="column">
      <Text bold>rightsize needs more room.</Text>
      <Text>
        Please make the window at least {MIN_COLUMNS}×{MIN_ROWS} (now {size.columns}×{size.rows}).
      </Text>
      <Text>Ctrl+C quits.</Text>
    </Box>
  );
}
