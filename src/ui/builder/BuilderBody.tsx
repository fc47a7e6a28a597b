// The builder's body inside the frame (so it knows how many rows the frame leaves): the tier tabs, the workload
// served, the tier panel (or an open choice list) beside the estimate, and the guidance lines under them.
// The panels grow with the terminal: at 80 columns 44 + 34, wider terminals share the extra columns (names and
// values uncut, each cost line and each finding's message in the estimate). The guidance (a field's help, a hint,
// a finding) takes as many rows as it wraps to, so a hint is never cut.
// In screen-reader mode Ink reads boxes side by side as one line, so the estimate goes under the fields instead,
// and the rows are shared so that the whole builder, with the selected field, fits the window (issue #9).
import {Box, Text, useIsScreenReaderEnabled} from 'ink';
import type {Finding, Level} from '../../engine/index.js';
import {Tabs} from '../components/Tabs.js';
import {wrapText} from '../components/wrap-text.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useBodyWidth} from '../hooks/use-body-width.js';
import {tierOf, type BuilderState} from './builder-state.js';
import {fieldRows, guidance, tabNames, workloadOf, workloadSummary, type choiceRows} from './selectors.js';
import type {EstimateView} from './use-estimate.js';
import {ChoicePicker} from './ChoicePicker.js';
import {EstimatePanel} from './EstimatePanel.js';
import {TierPanel} from './TierPanel.js';

const PANEL_COLUMNS = 44;
const ESTIMATE_COLUMNS = 34;
/** Columns the frame keeps free at the right edge. */
const MARGIN_COLUMNS = 2;
/** Rows above the panels at least (tabs, workload, blank or its second line) and below them (the guidance lines). */
const HEAD_ROWS = 3;
const GUIDANCE_ROWS = 3;
/** The panels keep at least this many rows, whatever the guidance needs. */
const MIN_PANEL_ROWS = 6;
/** In screen-reader mode the estimate under the fields keeps this many rows (its total, the largest costs, the findings). */
const READER_ESTIMATE_ROWS = 5;

/** The tier panel's and the estimate's widths in a body `width` columns wide. */
export function builderColumns(width: number): {panel: number; estimate: number; total: number} {
  const total = Math.max(PANEL_COLUMNS + ESTIMATE_COLUMNS, width - MARGIN_COLUMNS);
  const extra = total - PANEL_COLUMNS - ESTIMATE_COLUMNS;
  // The field panel grows to 60 columns (long values: an instance type with its price); the estimate takes the rest.
  const panel = PANEL_COLUMNS + Math.min(16, Math.floor(extra / 2));
  return {panel, estimate: total - panel, total};
}

export interface BuilderBodyProps {
  level: Level;
  state: BuilderState;
  estimate: EstimateView;
  /** The estimate's findings: the player's own most severe first, then the `given` ones the level's locks leave. */
  findings: Finding[];
  given?: number;
  choices: ReturnType<typeof choiceRows>;
  /** What the highlighted choice would do to the estimate, while a choice list is open. */
  preview?: string | undefined;
}

export function BuilderBody({level, state, estimate, findings, given = 0, choices, preview}: BuilderBodyProps) {
  const bodyRows = useBodyRows();
  const columns = builderColumns(useBodyWidth());
  const TOTAL_COLUMNS = columns.total;
  const tier = tierOf(state);
  const workload = tier ? workloadOf(level, tier) : undefined;
  // What the tier serves; a long one (a job with its deadline) takes the blank row under it rather than being cut.
  const serves = workload ? `Serves ${workloadSummary(workload)}` : `Serves ${tier?.workload ?? 'nothing'}: not a workload of this level`;
  const servesLines = wrapText(serves, TOTAL_COLUMNS);
  const guidanceLines = wrapText(guidance(state, level, findings), TOTAL_COLUMNS);
  const reader = useIsScreenReaderEnabled();
  if (reader) return <ReaderBuilderBody {...{level, state, estimate, findings, given, choices, preview}} serves={servesLines} guidance={guidanceLines} rows={bodyRows} width={TOTAL_COLUMNS} />;
  const headRows = Math.max(HEAD_ROWS, 1 + servesLines.length);
  const guidanceRows = Math.max(GUIDANCE_ROWS, guidanceLines.length);
  const panelRows = Math.max(Math.min(4, bodyRows), Math.max(MIN_PANEL_ROWS, bodyRows - headRows - guidanceRows));
  const guidanceShown = Math.max(GUIDANCE_ROWS, bodyRows - headRows - panelRows);
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
          <Box width={columns.panel} flexDirection="column" overflow="hidden">
            <TierPanel rows={fieldRows(state, level)} width={columns.panel} height={panelRows} />
          </Box>
          <EstimatePanel estimate={estimate} findings={findings} given={given} forbidden={level.requirements.forbidFindings} width={columns.estimate} height={panelRows} />
        </Box>
      )}
      {guidanceLines.slice(0, guidanceShown).map((line, i) => (
        <Text key={`guidance-${i}`} wrap="truncate-end">
          {line}
        </Text>
      ))}
    </Box>
  );
}

/**
 * The builder read in order, one thing per line: the tiers, what this one serves, its fields (a window around the
 * selected one) or the open choice list, then the estimate, then the guidance — in `rows` lines at most.
 */
function ReaderBuilderBody({
  level,
  state,
  estimate,
  findings,
  given,
  choices,
  preview,
  serves,
  guidance: guidanceLines,
  rows,
  width,
}: Omit<BuilderBodyProps, 'given'> & {given: number; serves: string[]; guidance: string[]; rows: number; width: number}) {
  const fields = fieldRows(state, level);
  const headRows = 1 + serves.length;
  // The guidance is read in full when the fields and the estimate keep their least; else it is cut to its first rows.
  const guidanceShown = Math.max(0, Math.min(guidanceLines.length, rows - headRows - MIN_PANEL_ROWS - READER_ESTIMATE_ROWS));
  const panelRows = Math.max(1, rows - headRows - guidanceShown);
  const fieldRowsShown = choices ? panelRows : Math.min(fields.length, Math.max(1, panelRows - READER_ESTIMATE_ROWS));
  const estimateRows = panelRows - fieldRowsShown;
  return (
    <Box flexDirection="column" width={width}>
      <Tabs names={tabNames(state)} current={state.tierIndex} />
      {serves.map((line, i) => (
        <Text key={`serves-${i}`}>{line}</Text>
      ))}
      {choices ? (
        <ChoicePicker choices={choices} preview={preview} height={panelRows} />
      ) : (
        <>
          <TierPanel rows={fields} width={width} height={fieldRowsShown} />
          {estimateRows > 0 ? (
            <EstimatePanel estimate={estimate} findings={findings} given={given} forbidden={level.requirements.forbidFindings} width={width} height={estimateRows} />
          ) : null}
        </>
      )}
      {guidanceLines.slice(0, guidanceShown).map((line, i) => (
        <Text key={`guidance-${i}`}>{line}</Text>
      ))}
    </Box>
  );
}
