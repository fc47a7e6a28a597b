// What the last run lost, as lessons: each objective short of gold, the concept card that explains it,
// and a short quiz on that concept.
import {useMemo} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {campaignOf, conceptsOf} from '../state/selectors.js';
import {lessonsOf, practiceKeys} from '../state/tutor.js';
import {METRIC_LABEL} from '../state/format.js';

/** Questions in the short quiz on one lost objective's concept. */
export const LESSON_QUIZ_QUESTIONS = 3;

export function Lessons({levelId}: {levelId: string}) {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  const campaign = campaignOf(state);
  const concepts = conceptsOf(state);
  const result = state.lastRun?.levelId === levelId ? state.lastRun.result : undefined;
  const lessons = useMemo(() => (result ? lessonsOf(result, (id) => Object.hasOwn(concepts, id)) : []), [result, concepts]);
  const items: ListItem[] = useMemo(
    () =>
      lessons.map((lesson, i) => ({
        id: `${i}`,
        label: `${lesson.failed ? '✗ failed' : '~ short of gold'}  ${METRIC_LABEL[lesson.metric]} → ${concepts[lesson.conceptId]?.title ?? lesson.conceptId}${lesson.finding ? ` (lost to ${lesson.finding})` : ''}`,
      })),
    [lessons, concepts],
  );
  const selected = lessons[cursor.initialIndex] ?? lessons[0];
  const quizCount = selected && campaign ? practiceKeys(campaign, state.records, {kind: 'concept', concept: selected.conceptId}, LESSON_QUIZ_QUESTIONS).length : 0;
  useKeys((input) => {
    if (input !== 'z' || !selected) return false;
    if (quizCount === 0) dispatch({type: 'message', text: 'No questions on this concept in the levels you have open yet: read its card (enter).'});
    else {
      const title = `Quiz: ${concepts[selected.conceptId]?.title ?? selected.conceptId}`;
      dispatch({type: 'push', screen: {name: 'quiz', filter: {kind: 'concept', concept: selected.conceptId}, title, limit: LESSON_QUIZ_QUESTIONS}});
    }
    return true;
  });
  if (lessons.length === 0) {
    return (
      <Frame title="Lessons from this run" hints={BACK_HINTS}>
        <Text>Every objective reached gold: nothing lost, nothing to study.</Text>
      </Frame>
    );
  }
  return (
    <Frame title="Lessons from this run" right={`${lessons.length} lost`} hints={[['↑↓/jk', 'move'], ['enter', 'concept card'], ['z', 'short quiz'], ...BACK_HINTS]} message={state.message}>
      <List
        items={items}
        rows={Math.max(3, rows - 4)}
        {...cursor}
        onChoose={(_item, index) => {
          const lesson = lessons[index];
          if (lesson) dispatch({type: 'push', screen: {name: 'concept', conceptId: lesson.conceptId}});
        }}
      />
      {selected ? (
        <Box flexDirection="column" marginTop={1}>
          <Text wrap="truncate-end">{concepts[selected.conceptId]?.summary ?? ''}</Text>
          <Text>{quizCount === 0 ? 'No questions on it yet in your open levels.' : `z: ${quizCount} question${quizCount === 1 ? '' : 's'} on it. It also comes back in review.`}</Text>
        </Box>
      ) : null}
    </Frame>
  );
}
