// The builder: one panel per tier (Tab between tiers), every field the tier's compute kind has (locked where the
// level fixes it), a live estimate and the static findings beside it, hints on demand.
import {useMemo, useReducer} from 'react';
import {Box, Text} from 'ink';
import type {Finding, Level, Tier} from '../../engine/index.js';
import {Frame} from '../components/Frame.js';
import {Tabs} from '../components/Tabs.js';
import {wrapText} from '../components/wrap-text.js';
import type {Hint} from '../components/KeyHints.js';
import {formatUsd} from '../state/format.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {initBuilder, reduceBuilder, tierOf, type BuilderAction, type BuilderState} from './builder-state.js';
import {bySeverity, choiceRows, fieldRows, guidance, tabNames, workloadOf, workloadSummary} from './selectors.js';
import {useBuilderKeys} from './use-builder-keys.js';
import {useEstimate, type EstimateView} from './use-estimate.js';
import {ChoicePicker} from './ChoicePicker.js';
import {EstimatePanel} from './EstimatePanel.js';
import {TierPanel} from './TierPanel.js';

export interface BuilderScreenProps {
  level: Level;
  initialTiers: Tier[];
  onRun(tiers: Tier[]): void;
  onBack(): void;
  onSave?(tiers: Tier[]): void;
}

const PANEL_COLUMNS = 44;
const ESTIMATE_COLUMNS = 34;
const TOTAL_COLUMNS = PANEL_COLUMNS + ESTIMATE_COLUMNS;
/** Rows above the panels (tabs, workload, blank) and below them (the guidance lines). */
const HEAD_ROWS = 3;
const GUIDANCE_ROWS = 3;

const EDIT_HINTS: readonly Hint[] = [
  ['↑↓/jk', 'field'],
  ['←→', 'change'],
  ['space', 'list/toggle'],
  ['h', 'hint'],
  ['f', 'findings'],
  ['enter', 'run'],
  ['s', 'save'],
  ['?', 'help'],
  ['q', 'back'],
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
  const estimate = useEstimate(level, state.tiers);
  const findings = useMemo(() => bySeverity(estimate.findings), [estimate.findings]);
  useBuilderKeys(state, dispatch, {
    run: () => {
      const problem = estimate.problems[0];
      if (problem) dispatch({type: 'say', message: `fix this before running: ${problem.message}`});
      else onRun(state.tiers);
    },
    save: () => {
      if (onSave) {
        onSave(state.tiers);
        dispatch({type: 'say', message: 'saved'});
      } else dispatch({type: 'say', message: 'saving is not available here'});
    },
    back: onBack,
  }, findings.length);

  const choices = choiceRows(state, level);
  const hints = state.picker ? PICKER_HINTS : state.tiers.length > 1 ? [TIER_HINT, ...EDIT_HINTS] : EDIT_HINTS;
  const cost = estimate.monthlyCostUsd === undefined ? undefined : `≈ ${formatUsd(estimate.monthlyCostUsd)}/month`;

  return (
    <Frame title={`${level.title} — build`} right={cost} hints={hints} message={state.message}>
      <BuilderBody level={level} state={state} estimate={estimate} findings={findings} choices={choices} />
    </Frame>
  );
}

/** Inside the frame, so it knows how many rows the frame leaves. */
function BuilderBody(props: {level: Level; state: BuilderState; estimate: EstimateView; findings: Finding[]; choices: ReturnType<typeof choiceRows>}) {
  const {level, state, estimate, findings, choices} = props;
  const bodyRows = useBodyRows();
  const panelRows = Math.max(4, bodyRows - HEAD_ROWS - GUIDANCE_ROWS);
  const tier = tierOf(state);
  const workload = tier ? workloadOf(level, tier) : undefined;
  const guidanceLines = wrapText(guidance(state, level, findings), TOTAL_COLUMNS).slice(0, GUIDANCE_ROWS);
  return (
    <Box flexDirection="column" width={TOTAL_COLUMNS}>
      <Tabs names={tabNames(state)} current={state.tierIndex} />
      <Text wrap="truncate-end">{workload ? `Serves ${workloadSummary(workload)}` : `Serves ${tier?.workload ?? 'nothing'}: not a workload of this level`}</Text>
      <Text> </Text>
      {choices ? (
        <Box height={panelRows} flexDirection="column" overflow="hidden">
          <ChoicePicker choices={choices} height={panelRows} />
        </Box>
      ) : (
        <Box height={panelRows}>
          <Box width={PANEL_COLUMNS} flexDirection="column" overflow="hidden">
            <TierPanel rows={fieldRows(state, level)} height={panelRows} />
          </Box>
          <EstimatePanel estimate={estimate} findings={findings} width={ESTIMATE_COLUMNS} height={panelRows} />
        </Box>
      )}
      {guidanceLines.map((line, i) => (
        <Text key={`guidance-${i}`} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}
