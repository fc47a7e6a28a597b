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

/** Free play: any unlocked level, with the seed and the incidents the player chooses. Runs are not recorded. */
export function Sandbox() {
  const {state, dispatch} = useGame();
  const rows = useBodyRows();
  const cursor = useCursor();
  const [editingSeed, setEditingSeed] = useState(false);
  const campaign = campaignOf(state);
  const {seed, incidents} = state.sandbox;
  // Each row says what a run of it will use: the player's seed and incident switch where set, else the level's own.
  const items: ListItem[] = useMemo(
    () =>
      campaign
        ? levelStatuses(campaign, state.records)
            .filter((s) => s.unlocked)
            .map((s) => {
              const count = s.level.incidents.length;
              const scripted = incidents ? `${count} incident${count === 1 ? '' : 's'}` : `incidents off (${count} scripted)`;
              return {id: s.level.id, label: `${String(s.number).padStart(2)}. ${s.level.title} (seed ${seed ?? s.level.seed}, ${scripted})`};
            })
        : [],
    [campaign, state.records, seed, incidents],
  );
  useKeys((input) => {
    if (input === 'i') dispatch({type: 'sandbox', options: {incidents: !state.sandbox.incidents}});
    else if (input === 's') setEditingSeed(true);
    else return false;
    return true;
  }, !editingSeed);
  return (
    <Frame title="Free play" hints={editingSeed ? TYPING_HINTS : [['enter', 'build'], ['s', 'seed'], ['i', 'incidents on/off'], ...BACK_HINTS]} message={state.message}>
      <Text>
        Seed: <Text bold>{seed === undefined ? "each level's own" : String(seed)}</Text>
        {'   '}Incidents: <Text bold>{incidents ? 'ON (as the level scripts them)' : 'OFF'}</Text>
      </Text>
      <Text>Free-play runs never change your campaign stars.</Text>
      <Box marginTop={1} flexDirection="column">
        <List
          items={items}
          rows={Math.max(3, rows - 4)}
          active={!editingSeed}
          {...cursor}
          onChoose={(item) => dispatch({type: 'push', screen: {name: 'builder', levelId: item.id, mode: 'sandbox'}})}
        />
      </Box>
      {editingSeed ? (
        <TextInput
          label="Seed (a whole number; empty = each level's own)"
          initial={seed === undefined ? '' : String(seed)}
          onCancel={() => setEditingSeed(false)}
          onSubmit={(text) => {
            setEditingSeed(false);
            if (text === '') dispatch({type: 'sandbox', options: {seed: undefined}});
            else if (/^\d{1,9}$/.test(text)) dispatch({type: 'sandbox', options: {seed: Number(text)}});
            else dispatch({type: 'message', text: `"${text}" is not a seed: use a whole number such as 42.`});
          }}
        />
      ) : null}
    </Frame>
  );
}
