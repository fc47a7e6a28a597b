import {useMemo} from 'react';
import {Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {ScrollText} from '../components/ScrollText.js';
import {wrapText} from '../components/wrap-text.js';
import {conceptsOf} from '../state/selectors.js';
import type {ConceptCard} from '../state/services.js';

const WIDTH = 76;

export function cardLines(card: ConceptCard): string[] {
  return [
    ...wrapText(card.summary, WIDTH),
    '',
    ...wrapText(card.explanation, WIDTH),
    ...(card.facts.length > 0 ? ['', 'AWS facts:'] : []),
    ...card.facts.flatMap((f) => [...wrapText(`• ${f.text}`, WIDTH), ...wrapText(`  source: ${f.source}`, WIDTH)]),
    ...(card.exam.length > 0 ? ['', `Exam domains: ${card.exam.join(', ')}`] : []),
  ];
}

export function Concept({conceptId}: {conceptId: string}) {
  const {state} = useGame();
  const rows = useBodyRows();
  const card = conceptsOf(state)[conceptId];
  const lines = useMemo(() => (card ? cardLines(card) : []), [card]);
  return (
    <Frame title={card ? `Concept: ${card.title}` : 'Concept'} hints={[['↑↓/jk', 'scroll'], ...BACK_HINTS]}>
      {card ? <ScrollText lines={lines} rows={rows} /> : <Text>No concept card "{conceptId}".</Text>}
    </Frame>
  );
}
