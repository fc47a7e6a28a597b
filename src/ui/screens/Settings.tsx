import {useMemo, useState} from 'react';
import {Box, Text} from 'ink';
import {useKeys} from '../input/key-router.js';
import {useGame} from '../hooks/use-game.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {Frame, BACK_HINTS} from '../components/Frame.js';
import {List, type ListItem} from '../components/List.js';
import {TextInput, TYPING_HINTS} from '../components/TextInput.js';
import {buildFor, campaignOf, levelById, levelStatuses, starText} from '../state/selectors.js';
import {messageOf} from '../state/services.js';

type Mode =
  | {name: 'menu'}
  | {name: 'pick'; then: 'export' | 'reset'}
  | {name: 'export-path'; levelId: string}
  | {name: 'import-path'}
  | {name: 'confirm-level'; levelId: string}
  | {name: 'confirm-all'};

const ENTRIES: readonly ListItem[] = [
  {id: 'export', label: "Export a level's current build to a solution file…"},
  {id: 'import', label: 'Import a solution file into a saved build…'},
  {id: 'reset', label: 'Reset one level (its stars and best score)…'},
  {id: 'reset-all', label: 'Reset all progress…'},
];

export function Settings() {
  const {state, dispatch, services} = useGame();
  const rows = useBodyRows();
  const [mode, setMode] = useState<Mode>({name: 'menu'});
  const campaign = campaignOf(state);
  const levelItems: ListItem[] = useMemo(
    () => (campaign ? levelStatuses(campaign, state.records).map((s) => ({id: s.level.id, label: `${String(s.number).padStart(2)}. ${s.level.title}  ${starText(s.stars)}`})) : []),
    [campaign, state.records],
  );
  const say = (text: string) => dispatch({type: 'message', text});
  const attempt = (work: () => unknown, done: (value: never) => string, failed: string) => {
    setMode({name: 'menu'});
    Promise.resolve()
      .then(work)
      .then(
        (value) => say(done(value as never)),
        (error: unknown) => say(`${failed}: ${messageOf(error)}`),
      );
  };
  const screenReader = state.settings.screenReader === true;
  const entries: ListItem[] = useMemo(
    () => [...ENTRIES, {id: 'screen-reader', label: `Screen-reader mode: ${screenReader ? 'ON' : 'OFF'} (enter switches; applies from the next start)`}],
    [screenReader],
  );
  const confirming = mode.name === 'confirm-level' || mode.name === 'confirm-all';
  useKeys((input, key) => {
    if (!confirming) {
      if (mode.name !== 'menu' && (input === 'q' || key.escape)) {
        setMode({name: 'menu'});
        return true;
      }
      return false;
    }
    if (input !== 'y') {
      setMode({name: 'menu'});
      say('Nothing was reset.');
    } else if (mode.name === 'confirm-level') {
      const id = mode.levelId;
      attempt(
        async () => dispatch({type: 'records', records: await services.resetLevel(id)}),
        () => `Reset "${id}".`,
        'Could not reset',
      );
    } else {
      attempt(
        async () => {
          dispatch({type: 'records', records: await services.resetAll()});
          // Reset all forgets the review schedule with the stars (the store writes a fresh file).
          dispatch({type: 'review', review: {cards: {}, shown: 0}});
        },
        () => 'All progress reset.',
        'Could not reset',
      );
    }
    return true;
  }, mode.name !== 'export-path' && mode.name !== 'import-path');

  const onMenu = (item: ListItem) => {
    if (item.id === 'screen-reader') {
      const settings = {...state.settings, screenReader: state.settings.screenReader !== true};
      attempt(
        async () => {
          await services.saveSettings(settings);
          dispatch({type: 'settings', settings});
        },
        () => `Screen-reader mode ${settings.screenReader ? 'ON' : 'OFF'} from the next start (or start with --screen-reader).`,
        'Could not save the setting',
      );
    } else if (item.id === 'export') setMode({name: 'pick', then: 'export'});
    else if (item.id === 'import') setMode({name: 'import-path'});
    else if (item.id === 'reset') setMode({name: 'pick', then: 'reset'});
    else setMode({name: 'confirm-all'});
  };
  const onLevel = (item: ListItem) => {
    if (mode.name !== 'pick') return;
    setMode(mode.then === 'export' ? {name: 'export-path', levelId: item.id} : {name: 'confirm-level', levelId: item.id});
  };
  const confirmText =
    mode.name === 'confirm-all' ? 'Forget every star and best score? y = yes, any other key = no' : mode.name === 'confirm-level' ? `Reset "${mode.levelId}"? y = yes, any other key = no` : undefined;
  return (
    <Frame title="Settings" hints={mode.name === 'export-path' || mode.name === 'import-path' ? TYPING_HINTS : [['↑↓/jk', 'move'], ['enter', 'choose'], ...BACK_HINTS]} message={confirmText ?? state.message}>
      <Text>Progress and saved builds live in {services.dataDir()}</Text>
      <Box marginTop={1} flexDirection="column">
        {mode.name === 'pick' ? (
          <>
            <Text bold>{mode.then === 'export' ? 'Export which level?' : 'Reset which level?'}</Text>
            <List items={levelItems} rows={Math.max(3, rows - 4)} onChoose={onLevel} />
          </>
        ) : (
          <List items={entries} rows={entries.length} onChoose={onMenu} active={mode.name === 'menu'} />
        )}
      </Box>
      {mode.name === 'export-path' ? (
        <TextInput
          label="Write to"
          initial={`${mode.levelId}.solution.yaml`}
          onCancel={() => setMode({name: 'menu'})}
          onSubmit={(path) => {
            const level = levelById(campaign, mode.levelId);
            if (!level || path === '') return setMode({name: 'menu'});
            const tiers = buildFor(state, level);
            attempt(() => services.exportSolution(path, level.id, tiers), (written: string) => `Wrote ${written}`, 'Could not export');
          }}
        />
      ) : null}
      {mode.name === 'import-path' ? (
        <TextInput
          label="Read from"
          onCancel={() => setMode({name: 'menu'})}
          onSubmit={(path) => {
            if (path === '') return setMode({name: 'menu'});
            attempt(
              async () => {
                const imported = await services.importSolution(path);
                if (!levelById(campaign, imported.levelId)) throw new Error(`it is for level "${imported.levelId}", which this campaign does not have`);
                await services.saveSlot(imported.levelId, 'imported', imported.tiers);
                dispatch({type: 'set-build', levelId: imported.levelId, tiers: imported.tiers});
                return imported.levelId;
              },
              (levelId: string) => `Imported into the saved build "imported" of ${levelId} (and opened as its current build).`,
              'Could not import',
            );
          }}
        />
      ) : null}
    </Frame>
  );
}
