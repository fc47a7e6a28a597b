// The builder's body inside the frame (so it knows how many rows the frame leaves): the tier tabs, the workload
// served, the tier panel (or an open choice list) beside the estimate, and the guidance lines under them.
import {Box, Text} from 'ink';
import type {Finding, Level} from '../../engine/index.js';
import {Tabs} from '../components/Tabs.js';
import {wrapText} from '../components/wrap-text.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {tierOf, type BuilderState} from './builder-state.js';
import {fieldRows, guidance, tabNames, workloadOf, workloadSummary, type choiceRows} from './selectors.js';
import type {EstimateView} from './use-estimate.js';
import {ChoicePicker} from './ChoicePicker.js';
import {EstimatePanel} from './EstimatePanel.js';
import {TierPanel} from './TierPanel.js';

const PANEL_COLUMNS = 44;
const ESTIMATE_COLUMNS = 34;
const TOTAL_COLUMNS = PANEL_COLUMNS + ESTIMATE_COLUMNS;
/** Rows above the panels (tabs, workload, blank or its second line) and below them (the guidance lines). */
const HEAD_ROWS = 3;
const GUIDANCE_ROWS = 3;

export interface BuilderBodyProps {
  level: Level;
  state: BuilderState;
  estimate: EstimateView;
  /** The estimate's findings, most severe first. */
  findings: Finding[];
  choices: ReturnType<typeof choiceRows>;
  /** What the highlighted choice would do to the estimate, while a choice list is open. */
  preview?: string | undefined;
}

export function BuilderBody({level, state, estimate, findings, choices, preview}: BuilderBodyProps) {
  const bodyRows = useBodyRows();
  const panelRows = Math.max(4, bodyRows - HEAD_ROWS - GUIDANCE_ROWS);
  const tier = tierOf(state);
  const workload = tier ? workloadOf(level, tier) : undefined;
  // What the tier serves; a long one (a job with its deadline) takes the blank row under it rather than being cut.
  const serves = workload ? `Serves ${workloadSummary(workload)}` : `Serves ${tier?.workload ?? 'nothing'}: not a workload of this level`;
  const servesLines = wrapText(serves, TOTAL_COLUMNS).slice(0, 2);
  const guidanceLines = wrapText(guidance(state, level, findings), TOTAL_COLUMNS).slice(0, GUIDANCE_ROWS);
  return (
    <Box flexDirection="column" width={TOTAL_COLUMNS}>
      <Tabs names={tabNames(state)} current={state.tierIndex} />
      {servesLines.map((line, i) => (
        <Text key={`serves-${i}`} wrap="truncate-end">
          {line}
        </Text>
      ))}
      {servesLines.length < 2 ? <Text> </Text> : null}
      {choices ? (
        <Box height={panelRows} flexDirection="column" overflow="hidden">
          <ChoicePicker choices={choices} preview={preview} height={panelRows} />
        </Box>
      ) : (
        <Box height={panelRows}>
          <Box width={PANEL_COLUMNS} flexDirection="column" overflow="hidden">
            <TierPanel rows={fieldRows(state, level)} width={PANEL_COLUMNS} height={panelRows} />
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
