import {useMemo} from 'react';
import {Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {ScrollText} from '../components/ScrollText.js';
import {wrapText} from '../components/wrap-text.js';
import {conceptsOf} from '../state/selectors.js';
import type {ConceptCard} from '../state/services.js';

export function cardLines(card: ConceptCard, width: number): string[] {
  return [
    ...wrapText(card.summary, width),
    '',
    ...wrapText(card.explanation, width),
    ...(card.facts.length > 0 ? ['', 'AWS facts:'] : []),
    ...card.facts.flatMap((f) => [...wrapText(`• ${f.text}`, width), ...wrapText(`  source: ${f.source}`, width)]),
    ...(card.exam.length > 0 ? ['', ...wrapText(`Exam domains: ${card.exam.join(', ')}`, width)] : []),
  ];
}

export function Concept({conceptId}: {conceptId: string}) {
  const {state} = useGame();
  const rows = useBodyRows();
  const card = conceptsOf(state)[conceptId];
  const width = useProseWidth();
  const lines = useMemo(() => (card ? cardLines(card, width) : []), [card, width]);
  return (
    <Frame title={card ? `Concept: ${card.title}` : 'Concept'} hints={[['↑↓/jk', 'scroll'], ...BACK_HINTS]}>
      {card ? <ScrollText lines={lines} rows={rows} /> : <Text>No concept card "{conceptId}".</Text>}
    </Frame>
  );
}
