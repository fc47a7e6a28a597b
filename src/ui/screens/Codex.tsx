import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {wrapText} from '../components/wrap-text.js';
import {conceptsOf} from '../state/selectors.js';

/** Rows under the list for the highlighted card's summary (a blank, then up to three lines). */
const DETAIL_ROWS = 4;

export function Codex() {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const width = useProseWidth();
  const cursor = useCursor();
  const concepts = conceptsOf(state);
  // Titles whole (never cut mid-word); the highlighted card's summary, wrapped, under the list.
  const cards = useMemo(() => Object.values(concepts).sort((a, b) => a.title.localeCompare(b.title)), [concepts]);
  const items: ListItem[] = useMemo(() => cards.map((card) => ({id: card.id, label: card.title})), [cards]);
  const [highlighted, setHighlighted] = useState(cursor.initialIndex);
  const summary = wrapText(cards[highlighted]?.summary ?? '', width);
  return (
    <Frame title="Codex" right={`${items.length} concept cards`} hints={[['↑↓/jk', 'move'], ['enter', 'read'], ...BACK_HINTS]}>
      <List
        items={items}
        rows={rows - Math.min(DETAIL_ROWS, summary.length + 1)}
        onChoose={(item) => dispatch({type: 'push', screen: {name: 'concept', conceptId: item.id}})}
        initialIndex={cursor.initialIndex}
        onHighlight={(item, index) => {
          setHighlighted(index);
          cursor.onHighlight(item, index);
        }}
      />
      <Box flexDirection="column" marginTop={1}>
        {summary.slice(0, DETAIL_ROWS - 1).map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
      </Box>
    </Frame>
  );
}
