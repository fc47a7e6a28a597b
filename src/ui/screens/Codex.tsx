// The Codex: every concept card, searchable; each row says whether the learner has shown it (won a level
// that teaches it, or answered its questions right), how many levels teach it, and whether it is due.
import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {useTheme} from '../hooks/use-theme.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {TextInput, TYPING_HINTS} from '../components/TextInput.js';
import {wrapText} from '../components/wrap-text.js';
import {campaignOf, conceptsOf} from '../state/selectors.js';
import {conceptStatus, type ConceptStatus} from '../state/tutor.js';
import type {ConceptCard} from '../state/services.js';

/** Cards whose id, title, summary, explanation or facts contain every word of the query (any case). */
export function searchCards(cards: readonly ConceptCard[], query: string): ConceptCard[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return [...cards];
  return cards.filter((card) => {
    const text = [card.id, card.title, card.summary, card.explanation, ...card.facts.map((f) => f.text), ...card.exam].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

export function statusText(status: ConceptStatus): string {
  const taught = status.levels.length === 0 ? 'no level teaches it yet' : `taught in ${status.levels.map((l) => `${l.number} ${l.title}${l.won ? ' ✓' : ''}`).join(', ')}`;
  const questions = status.questions === 0 ? 'no questions' : `${status.right} of ${status.questions} question${status.questions === 1 ? '' : 's'} right`;
  return `${status.shown ? '✓ shown' : '· not shown yet'} — ${taught}; ${questions}${status.due ? '; due for review' : ''}`;
}

export function Codex() {
  const {state, dispatch, services} = useGame();
  const theme = useTheme();
  const rows = useBodyRows();
  const cursor = useCursor();
  const concepts = conceptsOf(state);
  const campaign = campaignOf(state);
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const now = services.now();
  const minute = Math.floor(now.getTime() / 60_000);
  const sorted = useMemo(() => Object.values(concepts).sort((a, b) => a.title.localeCompare(b.title)), [concepts]);
  const found = useMemo(() => searchCards(sorted, query), [sorted, query]);
  const statuses = useMemo(
    () => new Map(found.map((card) => [card.id, campaign ? conceptStatus(campaign, state.records, state.review, card.id, new Date(minute * 60_000)) : undefined])),
    [found, campaign, state.records, state.review, minute],
  );
  const items: ListItem[] = useMemo(
    () =>
      found.map((card) => {
        const status = statuses.get(card.id);
        const mark = status?.due ? '!' : status?.shown ? '✓' : '·';
        return {id: card.id, label: `${mark} ${card.title} · L${status?.levels.length ?? 0}`};
      }),
    [found, statuses],
  );
  useKeys((input) => {
    if (input === '/') setSearching(true);
    else if (input === 'x' && query !== '') setQuery('');
    else return false;
    return true;
  }, !searching);
  const highlighted = found[Math.min(cursor.initialIndex, Math.max(0, found.length - 1))];
  const status = highlighted ? statuses.get(highlighted.id) : undefined;
  // The highlighted card's summary, whole and wrapped between words, under the list.
  const summary = highlighted ? wrapText(highlighted.summary, 76).slice(0, 3) : [];
  const shown = [...statuses.values()].filter((s) => s?.shown).length;
  return (
    <Frame
      title={query === '' ? 'Codex' : `Codex — “${query}”`}
      right={`${found.length} concept cards · ${shown} shown`}
      hints={searching ? TYPING_HINTS : [['↑↓/jk', 'move'], ['enter', 'read'], ['/', 'search'], ...(query === '' ? [] : ([['x', 'clear search']] as const)), ...BACK_HINTS]}
    >
      {items.length === 0 ? (
        <Text>No card matches “{query}” (x clears the search).</Text>
      ) : (
        <List
          key={query}
          items={items}
          rows={Math.max(3, rows - 4 - summary.length)}
          active={!searching}
          {...cursor}
          initialIndex={query === '' ? cursor.initialIndex : 0}
          onChoose={(item) => dispatch({type: 'push', screen: {name: 'concept', conceptId: item.id}})}
        />
      )}
      <Box flexDirection="column" marginTop={1}>
        {summary.map((line, i) => (
          <Text key={i}>{line}</Text>
        ))}
        {status ? (
          <Text dimColor={theme.dim} wrap="wrap">
            {statusText(status)}
          </Text>
        ) : null}
        <Text dimColor={theme.dim}>✓ shown · ! due for review · L levels that teach it</Text>
        {searching ? (
          <TextInput
            label="Search"
            initial={query}
            onCancel={() => setSearching(false)}
            onSubmit={(value) => {
              setSearching(false);
              setQuery(value);
              dispatch({type: 'cursor', cursor: 0});
            }}
          />
        ) : null}
      </Box>
    </Frame>
  );
}
