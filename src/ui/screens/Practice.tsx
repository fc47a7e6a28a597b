// Practice: what to be asked. Everything open, what is due for review, one exam, one domain or one concept;
// each row says how many questions it holds. The list scrolls.
import {useMemo} from 'react';
import {Text} from 'ink';
import {domainTitle, EXAM_GUIDES, examOfTag, filterBank, type QuizFilter} from '../../content/index.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {campaignOf, conceptsOf, levelStatuses} from '../state/selectors.js';
import {dueCount, dueToday, openBank, reviewKeys} from '../state/tutor.js';
import type {Screen} from '../state/screens.js';

interface Row extends ListItem {
  screen?: Screen;
  /** Why Enter does nothing here. */
  empty?: string;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function Practice() {
  const {state, dispatch, services} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  const campaign = campaignOf(state);
  const concepts = conceptsOf(state);
  // To the minute, so the list is not rebuilt on every render.
  const minute = Math.floor(services.now().getTime() / 60_000);
  const items: Row[] = useMemo(() => {
    if (!campaign) return [];
    const bank = openBank(campaign, state.records);
    const openLevels = levelStatuses(campaign, state.records).filter((s) => s.unlocked).length;
    const due = dueToday(campaign, state.records, state.review, new Date(minute * 60_000));
    const dueKeysList = reviewKeys(campaign, state.records, due);
    const quiz = (id: string, label: string, filter: QuizFilter, title: string, count: number): Row => ({
      id,
      label: `${label} — ${plural(count, 'question')}`,
      disabled: count === 0,
      ...(count === 0 ? {empty: 'No questions here yet: they open with the levels that teach them.'} : {screen: {name: 'quiz', filter, title}}),
    });
    const rowsOut: Row[] = [
      quiz('all', `Everything open (${plural(openLevels, 'level')})`, {kind: 'all'}, 'Practice quiz', bank.length),
      {
        id: 'due',
        label: `Due for review today — ${plural(dueCount(due), 'card')}, ${plural(dueKeysList.length, 'question')}`,
        disabled: dueKeysList.length === 0,
        ...(dueKeysList.length === 0
          ? {empty: due.concepts.length > 0 ? 'The due concept cards have no questions yet: read them in the Codex.' : 'Nothing is due: answered questions come back here when they are.'}
          : {screen: {name: 'quiz', filter: {kind: 'keys', keys: dueKeysList}, title: 'Review'}}),
      },
      {id: 'h-exam', label: 'By exam', header: true},
      ...EXAM_GUIDES.map((g) => quiz(`exam:${g.exam}`, `${g.exam} ${g.title}`, {kind: 'exam', exam: g.exam}, `${g.exam} practice`, filterBank(bank, {kind: 'exam', exam: g.exam}).length)),
      {id: 'h-domain', label: 'By exam domain', header: true},
    ];
    // Domains and concepts come from the questions' own tags, so new levels add their rows.
    const domains = [...new Set([...EXAM_GUIDES.flatMap((g) => g.domains.map((d) => d.tag)), ...bank.map((i) => i.question.exam)])];
    rowsOut.push(...domains.map((tag) => quiz(`domain:${tag}`, `${examOfTag(tag)} · ${domainTitle(tag)}`, {kind: 'domain', domain: tag}, domainTitle(tag), filterBank(bank, {kind: 'domain', domain: tag}).length)));
    rowsOut.push({id: 'h-concept', label: 'By concept', header: true});
    const conceptIds = [...new Set(bank.flatMap((i) => i.question.concepts))].sort((a, b) => (concepts[a]?.title ?? a).localeCompare(concepts[b]?.title ?? b));
    rowsOut.push(...conceptIds.map((id) => quiz(`concept:${id}`, concepts[id]?.title ?? id, {kind: 'concept', concept: id}, concepts[id]?.title ?? id, filterBank(bank, {kind: 'concept', concept: id}).length)));
    return rowsOut;
  }, [campaign, concepts, state.records, state.review, minute]);
  if (!campaign) {
    return (
      <Frame title="Practice" hints={BACK_HINTS}>
        <Text>Loading the levels…</Text>
      </Frame>
    );
  }
  return (
    <Frame title="Practice — what should I ask?" hints={[['↑↓/jk', 'move'], ['enter', 'start'], ...BACK_HINTS]} message={state.message}>
      <List
        items={items}
        rows={rows}
        {...cursor}
        onChoose={(item) => {
          const row = items.find((r) => r.id === item.id);
          if (row?.screen) dispatch({type: 'push', screen: row.screen});
          else if (row?.empty) dispatch({type: 'message', text: row.empty});
        }}
      />
    </Frame>
  );
}
