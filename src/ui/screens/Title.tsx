import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useTheme} from '../hooks/use-theme.js';
import {Frame} from '../components/Frame.js';
import {Notice} from '../components/Notice.js';
import {TITLE_ART} from '../components/title-art.js';

export function Title() {
  const {state, dispatch, actions} = useGame();
  const theme = useTheme();
  useKeys((input, key) => {
    if (key.return || input === ' ') {
      dispatch({type: 'replace', screen: {name: 'menu'}});
      return true;
    }
    if (input === 'q' || key.escape) {
      actions.quit();
      return true;
    }
    return false;
  });
  return (
    <Frame title="rightsize" hints={[['enter', 'start'], ['?', 'help'], ['q', 'quit']]}>
      <Box flexDirection="column" alignItems="center">
        {/* The art spells the name; a screen reader hears the name from the frame title instead. */}
        <Text color={theme.accent} aria-hidden>
          {TITLE_ART}
        </Text>
        <Text bold>Choose the right AWS compute. Run the week. See why.</Text>
        <Text> </Text>
        <Text>EC2 · containers · Lambda — priced from the AWS catalog, scored by simulation.</Text>
        <Text> </Text>
        <Text bold>Press Enter to start</Text>
      </Box>
      {state.notice === undefined ? null : <Notice text={state.notice} />}
    </Frame>
  );
}
