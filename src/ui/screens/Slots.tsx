import {useEffect, useMemo, useState} from 'react';
import {Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {messageOf, type SlotEntry} from '../state/services.js';
import {buildSummary} from '../builder/selectors.js';

/** The named builds saved for a level: enter loads one into the builder, d deletes (after a y/n). */
export function Slots({levelId}: {levelId: string}) {
  const {state, dispatch, services} = useGame();
  const rows = useBodyRows();
  const [slots, setSlots] = useState<SlotEntry[] | undefined>(undefined);
  const [confirmDelete, setConfirmDelete] = useState<string | undefined>(undefined);
  const [highlighted, setHighlighted] = useState(0);
  const refresh = () => {
    Promise.resolve()
      .then(() => services.listSlots(levelId))
      .then(setSlots, (error: unknown) => {
        setSlots([]);
        dispatch({type: 'message', text: `Could not list the saved builds: ${messageOf(error)}`});
      });
  };
  useEffect(refresh, [levelId]);
  // One row each: name, when it was saved (local time), what it builds — or why it cannot be loaded.
  const items: ListItem[] = useMemo(
    () => (slots ?? []).map((slot) => ({id: slot.name, label: `${slot.name}  ${savedAtText(slot.savedAt)}  ${slot.tiers ? buildSummary(slot.tiers) : `✗ cannot be read: ${slot.problem ?? 'unknown problem'}`}`})),
    [slots],
  );
  const names = slots?.map((slot) => slot.name);
  const load = async (name: string) => {
    try {
      const tiers = await services.loadSlot(levelId, name);
      dispatch({type: 'set-build', levelId, tiers});
      dispatch({type: 'replace', screen: {name: 'builder', levelId, mode: 'campaign'}});
    } catch (error) {
      dispatch({type: 'message', text: `Could not load "${name}": ${messageOf(error)}`});
    }
  };
  useKeys((input) => {
    if (confirmDelete !== undefined) {
      if (input === 'y') {
        const name = confirmDelete;
        Promise.resolve()
          .then(() => services.deleteSlot(levelId, name))
          .then(
            () => dispatch({type: 'message', text: `Deleted "${name}".`}),
            (error: unknown) => dispatch({type: 'message', text: `Could not delete "${name}": ${messageOf(error)}`}),
          )
          .finally(refresh);
      }
      setConfirmDelete(undefined);
      return true;
    }
    if (input === 'd' && names?.[highlighted] !== undefined) {
      setConfirmDelete(names[highlighted]);
      return true;
    }
    return false;
  });
  return (
    <Frame
      title="Saved builds"
      right={levelId}
      hints={[['↑↓/jk', 'move'], ['enter', 'load'], ['d', 'delete'], ...BACK_HINTS]}
      message={confirmDelete !== undefined ? `Delete "${confirmDelete}"? y = yes, any other key = no` : state.message}
    >
      {slots === undefined ? <Text>Reading the saved builds…</Text> : null}
      {slots !== undefined && slots.length === 0 ? <Text>No saved builds for this level yet: press s on the results screen to save one.</Text> : null}
      {items.length > 0 ? (
        <List items={items} rows={rows} active={confirmDelete === undefined} onHighlight={(_item, i) => setHighlighted(i)} onChoose={(item) => void load(item.id)} />
      ) : null}
    </Frame>
  );
}

/** "2026-11-27 14:05" in the player's time zone. */
function savedAtText(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`;
}
