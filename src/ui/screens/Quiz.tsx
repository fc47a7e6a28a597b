import {useMemo, useReducer} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useTheme} from '../hooks/use-theme.js';
import {useProseWidth} from '../hooks/use-body-width.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {wrapText} from '../components/wrap-text.js';
import {campaignOf, quizItems} from '../state/selectors.js';
import {currentQuestion, quizReduce, quizStart, type QuizAction, type QuizState} from '../state/quiz.js';

export function Quiz({levelId}: {levelId?: string}) {
  const {state} = useGame();
  const theme = useTheme();
  const width = useProseWidth();
  const campaign = campaignOf(state);
  const items = useMemo(
    () => (campaign ? quizItems(campaign, state.records).filter((q) => levelId === undefined || q.levelId === levelId) : []),
    [campaign, state.records, levelId],
  );
  const [quiz, send] = useReducer((s: QuizState, a: QuizAction) => quizReduce(items, s, a), items.length, quizStart);
  const questionIndex = currentQuestion(quiz);
  const item = questionIndex === undefined ? undefined : items[questionIndex];
  const choices: ListItem[] = useMemo(
    () =>
      item
        ? item.choices.map((c, i) => {
            // Once answered, the marks say which was right and which was picked (not only colour).
            const mark = quiz.picked === undefined ? '' : i === item.answer ? ' ✓' : i === quiz.picked ? ' ✗' : '';
            return {id: `${quiz.position}:${i}`, label: wrapText(`${i + 1}. ${c}${mark}`, width - 2).join('\n  ')};
          })
        : [],
    [item, quiz.position, quiz.picked, width],
  );
  useKeys((input, key) => {
    if (quiz.done) {
      if (input === 'r') send({type: 'restart'});
      else if (input === 'm' && quiz.missed.length > 0) send({type: 'review-missed'});
      else return false;
      return true;
    }
    if (quiz.picked !== undefined && (key.return || input === ' ')) send({type: 'next'});
    else if (quiz.picked === undefined && /^[1-9]$/.test(input)) send({type: 'answer', choice: Number(input) - 1});
    else return false;
    return true;
  });
  if (items.length === 0) {
    return (
      <Frame title="Practice quiz" hints={BACK_HINTS}>
        <Text>No questions yet: the levels you have opened have no quiz.</Text>
      </Frame>
    );
  }
  if (quiz.done || !item) {
    return (
      <Frame title="Practice quiz — done" hints={[['r', 'all again'], ...(quiz.missed.length > 0 ? ([['m', 'review the missed']] as const) : []), ...BACK_HINTS]}>
        <Text bold>
          {quiz.correct} of {quiz.answered} correct.
        </Text>
        {quiz.missed.length > 0 ? (
          <>
            <Text> </Text>
            <Text>To review ({quiz.missed.length}): m asks them again.</Text>
            {quiz.missed.slice(0, 12).map((i) => (
              <Text key={i} wrap="truncate-end">
                ✗ {items[i]?.q ?? ''}
              </Text>
            ))}
          </>
        ) : null}
      </Frame>
    );
  }
  const right = quiz.picked === item.answer;
  return (
    <Frame
      title={`Practice quiz — question ${quiz.position + 1} of ${quiz.round.length}`}
      right={`${quiz.correct} correct`}
      hints={quiz.picked === undefined ? [['↑↓/jk', 'move'], ['enter/1-4', 'answer'], ...BACK_HINTS] : [['enter', 'next question'], ...BACK_HINTS]}
    >
      <Text dimColor={theme.dim}>
        {item.exam} · from “{item.levelTitle}”
      </Text>
      {wrapText(item.q, width).map((line, i) => (
        <Text key={i} bold>
          {line}
        </Text>
      ))}
      <Box marginTop={1} flexDirection="column">
        <List key={quiz.position} items={choices} rows={choices.length} active={quiz.picked === undefined} onChoose={(_c, i) => send({type: 'answer', choice: i})} />
      </Box>
      {quiz.picked === undefined ? null : (
        <Box marginTop={1} flexDirection="column">
          <Text bold color={right ? theme.good : theme.bad}>
            {right ? '✓ Correct.' : `✗ Not quite: the answer is ${item.answer + 1}. ${item.choices[item.answer] ?? ''}`}
          </Text>
          {wrapText(item.explain, width).map((line, i) => (
            <Text key={i}>{line}</Text>
          ))}
        </Box>
      )}
    </Frame>
  );
}
