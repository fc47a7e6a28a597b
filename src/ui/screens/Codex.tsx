import {useMemo} from 'react';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {conceptsOf} from '../state/selectors.js';

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function Codex() {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  const concepts = conceptsOf(state);
  const items: ListItem[] = useMemo(
    () =>
      Object.values(concepts)
        .sort((a, b) => a.title.localeCompare(b.title))
        .map((card) => ({id: card.id, label: truncate(`${card.title.padEnd(30).slice(0, 30)} ${card.summary}`, 76)})),
    [concepts],
  );
  return (
    <Frame title="Codex" right={`${items.length} concept cards`} hints={[['↑↓/jk', 'move'], ['enter', 'read'], ...BACK_HINTS]}>
      <List items={items} rows={rows} onChoose={(item) => dispatch({type: 'push', screen: {name: 'concept', conceptId: item.id}})} {...cursor} />
    </Frame>
  );
}
