import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {Frame} from '../components/Frame.js';
import {wrapText} from '../components/wrap-text.js';
import {useProseWidth} from '../hooks/use-body-width.js';

/** A problem shown over any screen (the builder and run screens have no message line of ours); any key closes it. */
export function Alert({text, onClose}: {text: string; onClose(): void}) {
  const width = useProseWidth();
  useKeys(() => {
    onClose();
    return true;
  });
  return (
    <Frame title="Something went wrong" hints={[['any key', 'back to the game']]}>
      <Box flexDirection="column">
        {wrapText(text, width).map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
      </Box>
    </Frame>
  );
}
