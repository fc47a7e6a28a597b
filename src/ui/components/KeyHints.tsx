// The key-hint bar at the bottom of every screen: keys in bold (not only in colour), then what they do.
import {Box, Text} from 'ink';

export type Hint = readonly [keys: string, does: string];

export function KeyHints({hints}: {hints: readonly Hint[]}) {
  return (
    <Box flexWrap="wrap" columnGap={2}>
      {hints.map(([keys, does]) => (
        <Text key={keys + does}>
          <Text bold inverse>{` ${keys} `}</Text>
          <Text> {does}</Text>
        </Text>
      ))}
    </Box>
  );
}
