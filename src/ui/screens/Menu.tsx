import {useMemo} from 'react';
import {Box, Text} from 'ink';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {Notice} from '../components/Notice.js';
import type {Screen} from '../state/screens.js';
import {campaignOf} from '../state/selectors.js';
import {dueCount, dueToday} from '../state/tutor.js';

const ENTRIES: readonly {id: string; label: string; screen?: Screen; needsContent: boolean}[] = [
  {id: 'campaign', label: 'Campaign — the levels in order', screen: {name: 'campaign'}, needsContent: true},
  {id: 'sandbox', label: 'Free play — any unlocked level, your seed and incidents', screen: {name: 'sandbox'}, needsContent: true},
  {id: 'quiz', label: 'Practice quiz — exam-style questions, spaced review', screen: {name: 'practice'}, needsContent: true},
  {id: 'codex', label: 'Codex — the concept cards, search, what you have shown', screen: {name: 'codex'}, needsContent: true},
  {id: 'readiness', label: 'Readiness — by exam and domain (CLF-C02, SAA-C03)', screen: {name: 'readiness'}, needsContent: true},
  {id: 'challenge', label: "Class challenge — play your teacher's challenge file", screen: {name: 'challenge'}, needsContent: false},
  {id: 'settings', label: 'Settings — export, import, reset progress', screen: {name: 'settings'}, needsContent: true},
  {id: 'join', label: 'Join a live class — the join URL your teacher shows', screen: {name: 'challenge', join: true}, needsContent: false},
  {id: 'quit', label: 'Quit', needsContent: false},
];

export function Menu() {
  const {state, dispatch, actions, services} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  const ready = state.content.status === 'ready';
  const campaign = campaignOf(state);
  const due = campaign ? dueCount(dueToday(campaign, state.records, state.review, services.now())) : 0;
  const items: ListItem[] = useMemo(
    () => ENTRIES.map((e) => ({id: e.id, label: e.id === 'quiz' && due > 0 ? `${e.label} (${due} due today)` : e.label, disabled: e.needsContent && !ready})),
    [ready, due],
  );
  const onChoose = (item: ListItem) => {
    const entry = ENTRIES.find((e) => e.id === item.id);
    if (!entry?.screen) return actions.quit();
    if (!ready) {
      dispatch({type: 'message', text: state.content.status === 'loading' ? 'Still loading the levels…' : 'The levels could not be loaded (see above).'});
      return;
    }
    // The notice has been on the title and the menu; once the player moves on, it has been read.
    if (state.notice !== undefined) dispatch({type: 'dismiss-notice'});
    dispatch({type: 'push', screen: entry.screen});
  };
  return (
    <Frame title="rightsize — menu" hints={[['↑↓/jk', 'move'], ['enter', 'choose'], ...BACK_HINTS]} message={state.message}>
      <List items={items} rows={Math.min(rows, items.length)} onChoose={onChoose} {...cursor} />
      <Box flexDirection="column" marginTop={1}>
        {state.content.status === 'error' ? <Notice text={`The levels could not be loaded: ${state.content.error}`} /> : null}
        {state.notice === undefined ? null : <Notice text={state.notice} />}
        {state.content.status === 'loading' ? <Text>Loading the levels…</Text> : null}
      </Box>
    </Frame>
  );
}
