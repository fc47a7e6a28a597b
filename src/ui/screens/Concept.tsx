import {useEffect, useMemo} from 'react';
import {Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {ScrollText} from '../components/ScrollText.js';
import {wrapText} from '../components/wrap-text.js';
import {campaignOf, conceptsOf} from '../state/selectors.js';
import {conceptStatus, practiceKeys} from '../state/tutor.js';
import {statusText} from './Codex.js';
import {useKeys} from '../input/key-router.js';
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
  const {state, dispatch, actions, services} = useGame();
  const rows = useBodyRows();
  const card = conceptsOf(state)[conceptId];
  const campaign = campaignOf(state);
  const status = campaign ? conceptStatus(campaign, state.records, state.review, conceptId, services.now()) : undefined;
  const questions = campaign ? practiceKeys(campaign, state.records, {kind: 'concept', concept: conceptId}).length : 0;
  const statusLine = status ? statusText(status) : '';
  const width = useProseWidth();
  const lines = useMemo(() => (card ? [...wrapText(statusLine, width), '', ...cardLines(card, width)] : []), [card, statusLine, width]);
  const due = status?.due === true;
  // Reading a card that is due for review counts as its review.
  useEffect(() => {
    if (due) actions.recordReview({kind: 'read', concept: conceptId});
  }, [due, conceptId, actions]);
  useKeys((input) => {
    if (input !== 'z' || !card) return false;
    if (questions === 0) dispatch({type: 'message', text: 'No questions on this card in the levels you have open yet.'});
    else dispatch({type: 'push', screen: {name: 'quiz', filter: {kind: 'concept', concept: conceptId}, title: `Quiz: ${card.title}`}});
    return true;
  });
  return (
    <Frame title={card ? `Concept: ${card.title}` : 'Concept'} hints={[['↑↓/jk', 'scroll'], ...(questions > 0 ? ([['z', `quiz on it (${questions})`]] as const) : []), ...BACK_HINTS]} message={state.message}>
      {card ? <ScrollText lines={lines} rows={rows} /> : <Text>No concept card "{conceptId}".</Text>}
    </Frame>
  );
}
