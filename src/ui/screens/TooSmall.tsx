import {Box, Text} from 'ink';
import {MIN_COLUMNS, MIN_ROWS, type TerminalSize} from '../hooks/use-terminal-size.js';

export function TooSmall({size}: {size: TerminalSize}) {
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
