// The builder: one panel per tier (Tab between tiers), every field the tier's compute kind has (locked where the
// level fixes it), a live estimate and the static findings beside it, hints on demand.
import {useMemo, useReducer, useState} from 'react';
import type {Level, Tier} from '../../engine/index.js';
import {Frame} from '../components/Frame.js';
import {TextInput} from '../components/TextInput.js';
import type {Hint} from '../components/KeyHints.js';
import {formatUsd} from '../state/format.js';
import {initBuilder, reduceBuilder, type BuilderAction, type BuilderState} from './builder-state.js';
import {builderFindings, choiceRows, previewText} from './selectors.js';
import {useBuilderKeys} from './use-builder-keys.js';
import {estimateBuild, useEstimate} from './use-estimate.js';
import {BuilderBody} from './BuilderBody.js';

export interface BuilderScreenProps {
  level: Level;
  initialTiers: Tier[];
  onRun(tiers: Tier[]): void;
  /** Leaving the builder hands back the build as it stands, so coming back finds it unchanged. */
  onBack(tiers: Tier[]): void;
  /** `s` asks for a slot name, then saves the build under it; resolves to whether it was saved. */
  onSave?(tiers: Tier[], name: string): Promise<boolean> | boolean;
}

/** Most useful first: on a narrow terminal the last ones before back and help give way (help lists them all). */
const EDIT_HINTS: readonly Hint[] = [
  ['↑↓/jk', 'field'],
  ['←→', 'change'],
  ['space', 'list/toggle'],
  ['enter', 'run'],
  ['s', 'save'],
  ['h', 'hint'],
  ['f', 'findings'],
  ['q/esc', 'back'],
  ['?', 'help'],
];
const NAMING_HINTS: readonly Hint[] = [
  ['enter', 'save'],
  ['esc', 'cancel'],
];
/** Inside a multi-select's options (AZs, inbound rules): esc/q steps back out to the fields, not out of the builder. */
const OPTION_HINTS: readonly Hint[] = [
  ['←→', 'option'],
  ['space', 'toggle'],
  ['esc/q', 'done'],
  ['enter', 'run'],
  ['?', 'help'],
];
const TIER_HINT: Hint = ['tab', 'next tier'];
const PICKER_HINTS: readonly Hint[] = [
  ['↑↓/jk', 'move'],
  ['enter', 'choose'],
  ['esc', 'cancel'],
];

export function BuilderScreen({level, initialTiers, onRun, onBack, onSave}: BuilderScreenProps) {
  const [state, dispatch] = useReducer(
    (s: BuilderState, a: BuilderAction) => reduceBuilder(level, s, a),
    undefined,
    () => initBuilder(level, initialTiers),
  );
  /** While true, the slot-name prompt takes every key. */
  const [naming, setNaming] = useState(false);
  const estimate = useEstimate(level, state.tiers);
  const {findings, given} = useMemo(() => builderFindings(level, estimate.findings), [level, estimate.findings]);
  // While a choice list is open, the build as it would be with the highlighted option, priced the same way.
  const preview = useMemo(() => (state.picker ? estimateBuild(level, reduceBuilder(level, state, {type: 'picker-choose'}).tiers) : undefined), [level, state]);
  useBuilderKeys(state, dispatch, {
    run: () => {
      const problem = estimate.problems[0];
      if (problem) dispatch({type: 'say', message: `fix this before running: ${problem.message}`});
      else onRun(state.tiers);
    },
    save: () => {
      if (onSave) setNaming(true);
      else dispatch({type: 'say', message: 'saving is not available here'});
    },
    back: () => onBack(state.tiers),
  }, findings.length, !naming);

  const saveAs = (name: string): void => {
    setNaming(false);
    if (name === '' || !onSave) {
      dispatch({type: 'say', message: 'not saved'});
      return;
    }
    const tiers = state.tiers;
    void Promise.resolve(onSave(tiers, name)).then((saved) => {
      if (saved) dispatch({type: 'say', message: `saved as "${name}" (l on the briefing loads it)`});
    });
  };
  const prompt = naming ? (
    <TextInput label="Save this build as" initial="my-build" onCancel={() => {
      setNaming(false);
      dispatch({type: 'say', message: 'not saved'});
    }} onSubmit={saveAs} />
  ) : undefined;

  const choices = choiceRows(state, level);
  const previewLine = preview && choices ? previewText(estimate, preview) : undefined;
  const hints = naming ? NAMING_HINTS : state.picker ? PICKER_HINTS : state.optionsOpen ? OPTION_HINTS : state.tiers.length > 1 ? [TIER_HINT, ...EDIT_HINTS] : EDIT_HINTS;
  const cost = estimate.monthlyCostUsd === undefined ? undefined : `≈ ${formatUsd(estimate.monthlyCostUsd)}/month`;

  return (
    <Frame title={`${level.title} — build`} right={cost} hints={hints} message={prompt ?? state.message}>
      <BuilderBody level={level} state={state} estimate={estimate} findings={findings} given={given} choices={choices} preview={previewLine} />
    </Frame>
  );
}
