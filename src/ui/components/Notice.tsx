// A notice the player must see (e.g. a corrupt progress file moved aside): a word and a border, not only colour.
import {Box, Text} from 'ink';
import {useTheme} from '../hooks/use-theme.js';

export function Notice({text}: {text: string}) {
  const theme = useTheme();
  return (
    <Box borderStyle="round" borderColor={theme.warn} paddingX={1}>
      <Text>
        <Text bold>Notice: </Text>
        {text}
      </Text>
    </Box>
  );
}
