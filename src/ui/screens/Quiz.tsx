// The practice quiz: one question at a time, its choices in a fresh order each showing; after each answer,
// whether it was right, the explanation and the concept card, then the next. Each answer is scheduled for review.
import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import type {QuizBankItem, QuizFilter} from '../../content/index.js';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useTheme} from '../hooks/use-theme.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {ScrollText} from '../components/ScrollText.js';
import {wrapText} from '../components/wrap-text.js';
import {campaignOf, conceptsOf} from '../state/selectors.js';
import {campaignBank, practiceKeys} from '../state/tutor.js';
import {choiceAt, currentKey, quizReduce, quizStart, type QuizAction, type QuizLookup, type QuizState} from '../state/quiz.js';
import type {ConceptCard} from '../state/services.js';

const WIDTH = 76;

export interface QuizProps {
  levelId?: string;
  filter?: QuizFilter;
  title?: string;
  limit?: number;
  saved?: QuizState;
}

function verdictLines(item: QuizBankItem, right: boolean): string[] {
  const {question} = item;
  return wrapText(right ? '✓ Correct.' : `✗ Not quite: the answer is “${question.choices[question.answer] ?? ''}”.`, WIDTH);
}

function afterLines(item: QuizBankItem, card: ConceptCard | undefined): string[] {
  const {question} = item;
  return [
    ...wrapText(question.explain, WIDTH),
    ...(card ? ['', ...wrapText(`Concept: ${card.title} — ${card.summary}`, WIDTH), ...wrapText(card.explanation, WIDTH)] : []),
  ];
}

export function Quiz({levelId, filter, title = 'Practice quiz', limit, saved}: QuizProps) {
  const {state, dispatch, actions} = useGame();
  const theme = useTheme();
  const rows = useBodyRows();
  const campaign = campaignOf(state);
  const concepts = conceptsOf(state);
  const byKey = useMemo(() => new Map((campaign ? campaignBank(campaign) : []).map((item) => [item.key, item])), [campaign]);
  const lookup: QuizLookup = (key) => byKey.get(key)?.question;
  // The session starts once, from the learner's progress (its seed) and the filter; it is kept on the screen.
  const [initial] = useState(() => {
    const keys = campaign ? practiceKeys(campaign, state.records, filter ?? (levelId === undefined ? {kind: 'all'} : {kind: 'level', levelId}), limit) : [];
    return quizStart(keys, state.review.shown, lookup);
  });
  const quiz = saved ?? initial;
  const send = (action: QuizAction) => dispatch({type: 'quiz', quiz: quizReduce(lookup, quiz, action)});
  const key = currentKey(quiz);
  const item = key === undefined ? undefined : byKey.get(key);
  const card = item?.question.concepts.map((id) => concepts[id]).find((c) => c !== undefined);

  const answer = (shown: number) => {
    if (!item || quiz.picked !== undefined || shown >= quiz.order.length) return;
    const right = choiceAt(quiz, shown) === item.question.answer;
    send({type: 'answer', choice: shown});
    actions.recordReview({kind: 'answer', key: item.key, right, concepts: item.question.concepts});
  };

  const choices: ListItem[] = useMemo(
    () =>
      item
        ? quiz.order.map((original, shown) => {
            const text = item.question.choices[original] ?? '';
            // Once answered, the marks say which was right and which was picked (not only colour).
            const mark = quiz.picked === undefined ? '' : original === item.question.answer ? ' ✓' : shown === quiz.picked ? ' ✗' : '';
            return {id: `${quiz.showing}:${shown}`, label: wrapText(`${shown + 1}. ${text}${mark}`, WIDTH - 2).join('\n     '), mark};
          })
            // Once answered, only the right choice and the one picked stay, so the explanation has room.
            .filter((choice) => quiz.picked === undefined || choice.mark !== '')
            .map(({mark: _mark, ...choice}) => choice)
        : [],
    [item, quiz.order, quiz.showing, quiz.picked],
  );

  useKeys((input, key) => {
    if (quiz.done) {
      if (input === 'r') send({type: 'restart'});
      else if (input === 'm' && quiz.missed.length > 0) send({type: 'review-missed'});
      else return false;
      return true;
    }
    if (quiz.picked !== undefined && (key.return || input === 'n')) send({type: 'next'});
    else if (quiz.picked !== undefined && input === 'c' && card) dispatch({type: 'push', screen: {name: 'concept', conceptId: card.id}});
    else if (quiz.picked === undefined && /^[1-9]$/.test(input)) answer(Number(input) - 1);
    else return false;
    return true;
  });

  if (quiz.all.length === 0) {
    return (
      <Frame title={title} hints={BACK_HINTS}>
        <Text>No questions here yet: the levels you have opened have none on this.</Text>
      </Frame>
    );
  }
  if (quiz.done || !item) {
    const missed = quiz.missed.flatMap((k) => wrapText(`✗ ${byKey.get(k)?.question.q ?? k}`, WIDTH));
    return (
      <Frame title={`${title} — done`} hints={[['r', 'all again'], ...(quiz.missed.length > 0 ? ([['m', 'ask the missed again']] as const) : []), ...BACK_HINTS]}>
        <Text bold>
          {quiz.correct} of {quiz.answered} correct.
        </Text>
        {quiz.missed.length > 0 ? (
          <>
            <Text>Missed ({quiz.missed.length}): they come back sooner in review; m asks them now.</Text>
            <ScrollText lines={missed} rows={Math.max(3, rows - 3)} />
          </>
        ) : (
          <Text>Every answer right: these come back in review in a few days.</Text>
        )}
      </Frame>
    );
  }
  const questionLines = wrapText(item.question.q, WIDTH);
  const choiceRows = choices.reduce((n, c) => n + c.label.split('\n').length, 0);
  const answered = quiz.picked !== undefined;
  const right = answered && choiceAt(quiz, quiz.picked ?? -1) === item.question.answer;
  const verdict = answered ? verdictLines(item, right) : [];
  const restRows = Math.max(3, rows - 3 - questionLines.length - choiceRows - verdict.length);
  return (
    <Frame
      title={`${title} — question ${quiz.position + 1} of ${quiz.round.length}`}
      right={`${quiz.correct} correct`}
      hints={
        answered
          ? [['enter', 'next question'], ...(card ? ([['c', 'concept card']] as const) : []), ['j/k', 'scroll'], ...BACK_HINTS]
          : [['↑↓/jk', 'move'], [`enter/1-${quiz.order.length}`, 'answer'], ...BACK_HINTS]
      }
    >
      <Text dimColor={theme.dim} wrap="truncate-end">
        {item.question.exam} · from “{item.levelTitle}”
      </Text>
      {questionLines.map((line, i) => (
        <Text key={i} bold>
          {line}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        <List key={quiz.showing} items={choices} rows={choices.length} active={!answered} onChoose={(_c, i) => answer(i)} />
      </Box>
      {answered ? (
        <Box marginTop={1} flexDirection="column">
          {verdict.map((line, i) => (
            <Text key={i} bold color={right ? theme.good : theme.bad}>
              {line}
            </Text>
          ))}
          <ScrollText key={quiz.showing} lines={afterLines(item, card)} rows={restRows} />
        </Box>
      ) : null}
    </Frame>
  );
}
