import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useCursor} from '../hooks/use-cursor.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {TextInput, TYPING_HINTS} from '../components/TextInput.js';
import {campaignOf, levelStatuses} from '../state/selectors.js';
import {DEFAULT_SANDBOX, SANDBOX_BUDGETS_USD, SANDBOX_INCIDENTS, SANDBOX_LEVEL_ID, SANDBOX_SHAPES, type SandboxSpec} from '../state/sandbox.js';

/** The sandbox's own rows, above the levels: ←→ changes each; enter on any of them builds the empty sandbox. */
type SpecRow = 'shape' | 'budget' | 'incidents';

function step<T>(values: readonly T[], current: T, delta: number): T {
  const index = Math.max(0, values.indexOf(current));
  return values[(index + delta + values.length) % values.length] as T;
}

function changed(spec: SandboxSpec, row: SpecRow, delta: number): SandboxSpec {
  switch (row) {
    case 'shape':
      return {...spec, shape: step(SANDBOX_SHAPES.map((s) => s.id), spec.shape, delta)};
    case 'budget':
      return {...spec, budgetUsd: step(SANDBOX_BUDGETS_USD, spec.budgetUsd as (typeof SANDBOX_BUDGETS_USD)[number], delta)};
    case 'incidents':
      return {...spec, incidents: step(SANDBOX_INCIDENTS.map((i) => i.id), spec.incidents, delta)};
  }
}

/**
 * Free play: an empty sandbox (a workload shape, a budget and incidents of the player's choosing), or any open level
 * with every compute kind and feature unlocked; the seed and the incident switch are the player's. Nothing is recorded.
 */
export function Sandbox() {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  // The first row is a heading: the cursor starts on the sandbox's workload.
  const initialIndex = Math.max(1, cursor.initialIndex);
  const [highlighted, setHighlighted] = useState(initialIndex);
  const [editingSeed, setEditingSeed] = useState(false);
  const campaign = campaignOf(state);
  const {seed, incidents} = state.sandbox;
  const spec = state.sandbox.spec ?? DEFAULT_SANDBOX;
  const shapeLabel = SANDBOX_SHAPES.find((s) => s.id === spec.shape)?.label ?? spec.shape;
  const incidentLabel = SANDBOX_INCIDENTS.find((i) => i.id === spec.incidents)?.label ?? spec.incidents;
  // Each level row says what a run of it will use: the player's seed and incident switch where set, else the level's own.
  const items: ListItem[] = useMemo(
    () => [
      {id: 'head:sandbox', label: 'Empty sandbox (←→ changes, enter builds)', header: true},
      {id: 'spec:shape', label: `workload   ‹ ${shapeLabel} ›`},
      {id: 'spec:budget', label: `budget     ‹ $${spec.budgetUsd}/month ›`},
      {id: 'spec:incidents', label: `incidents  ‹ ${incidentLabel} ›`},
      {id: 'head:levels', label: 'Or an open level, with every compute kind and feature unlocked', header: true},
      ...(campaign
        ? levelStatuses(campaign, state.records)
            .filter((s) => s.unlocked)
            .map((s) => {
              const count = s.level.incidents.length;
              const scripted = incidents ? `${count} incident${count === 1 ? '' : 's'}` : `incidents off (${count} scripted)`;
              return {id: s.level.id, label: `${String(s.number).padStart(2)}. ${s.level.title} (seed ${seed ?? s.level.seed}, ${scripted})`};
            })
        : []),
    ],
    [campaign, state.records, seed, incidents, shapeLabel, incidentLabel, spec.budgetUsd],
  );
  const specRow = (index: number): SpecRow | undefined => {
    const id = items[index]?.id ?? '';
    return id.startsWith('spec:') ? (id.slice(5) as SpecRow) : undefined;
  };
  useKeys((input, key) => {
    const row = specRow(highlighted);
    if (row && (key.leftArrow || key.rightArrow)) dispatch({type: 'sandbox', options: {spec: changed(spec, row, key.rightArrow ? 1 : -1)}});
    else if (input === 'i') dispatch({type: 'sandbox', options: {incidents: !state.sandbox.incidents}});
    else if (input === 's') setEditingSeed(true);
    else return false;
    return true;
  }, !editingSeed);
  const onSpec = specRow(highlighted) !== undefined;
  return (
    <Frame
      title="Free play"
      hints={editingSeed ? TYPING_HINTS : [...(onSpec ? ([['←→', 'change']] as const) : []), ['enter', 'build'], ['s', 'seed'], ['i', 'incidents on/off'], ...BACK_HINTS]}
      message={state.message}
    >
      <Text wrap="truncate-end">
        Seed: <Text bold>{seed === undefined ? "each level's own" : String(seed)}</Text>
        {'   '}Incidents: <Text bold>{incidents ? 'ON (as scripted)' : 'OFF'}</Text>
      </Text>
      <Text>Free-play runs never change your campaign stars.</Text>
      <Box marginTop={1} flexDirection="column">
        <List
          items={items}
          rows={Math.max(3, rows - 4)}
          active={!editingSeed}
          initialIndex={initialIndex}
          onHighlight={(item, index) => {
            setHighlighted(index);
            cursor.onHighlight(item, index);
          }}
          onChoose={(item) => {
            const levelId = item.id.startsWith('spec:') ? SANDBOX_LEVEL_ID : item.id;
            dispatch({type: 'push', screen: {name: 'builder', levelId, mode: 'sandbox'}});
          }}
        />
      </Box>
      {editingSeed ? (
        <TextInput
          label="Seed (a whole number; empty = each level's own)"
          initial={seed === undefined ? '' : String(seed)}
          onCancel={() => setEditingSeed(false)}
          onSubmit={(text) => {
            setEditingSeed(false);
            // A valid seed clears the complaint about the last one.
            if (text === '') dispatch({type: 'sandbox', options: {seed: undefined}});
            else if (/^\d{1,9}$/.test(text)) dispatch({type: 'sandbox', options: {seed: Number(text)}});
            else {
              dispatch({type: 'message', text: `"${text}" is not a seed: use a whole number such as 42.`});
              return;
            }
            dispatch({type: 'message'});
          }}
        />
      ) : null}
    </Frame>
  );
}
