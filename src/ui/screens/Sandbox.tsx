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
  const items: ListItem[] = useMemo(
    () =>
      campaign
        ? levelStatuses(campaign, state.records)
            .filter((s) => s.unlocked)
            .map((s) => ({id: s.level.id, label: `${String(s.number).padStart(2)}. ${s.level.title} (seed ${s.level.seed}, ${s.level.incidents.length} incidents)`}))
        : [],
    [campaign, state.records],
  );
  useKeys((input) => {
    if (input === 'i') dispatch({type: 'sandbox', options: {incidents: !state.sandbox.incidents}});
    else if (input === 's') setEditingSeed(true);
    else return false;
    return true;
  }, !editingSeed);
  const {seed, incidents} = state.sandbox;
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
