// One workload's chart with its legend, y scale and day axis: demand against capacity (web, events: with a row for
// the oldest waiting event's age), or jobs queued or running against the slots to run them.
import {Box, Text} from 'ink';
import type {TimelineMark, TimelineSeries} from '../../engine/index.js';
import {useTheme} from '../hooks/use-theme.js';
import {formatCount} from '../state/format.js';
import {CAPACITY_CHAR, chartView, DEMAND_CHAR, DEMAND_STEP_CHAR, FAILED_CHAR, INCIDENT_CHAR, OFF_SCALE_CHAR, renderChart} from './chart.js';

export const GUTTER_COLUMNS = 6;

/** Split a row into runs of the same character, so capacity and demand can take their own colour. */
function runs(row: string): string[] {
  return row.match(/(.)\1*/gu) ?? [];
}

/** What a screen reader hears for the latest bucket played. */
export function spokenChart(series: TimelineSeries, last: number): string {
  const view = chartView(series);
  const count = (values: readonly number[] | undefined) => formatCount(values?.[last] ?? 0);
  const unit = series.kind === 'jobs' ? 'jobs' : series.unit;
  let text = `${series.workload}: ${view.lineLabel} ${count(view.line)} ${unit}, ${view.blockLabel} ${count(view.blocks)} ${series.kind === 'jobs' ? '' : unit}`.trimEnd();
  if (series.kind === 'jobs' && series.missed) text += `, ${count(series.missed)} late`;
  if (view.age) text += `, oldest event ${count(view.age.seconds)} s of ${formatCount(view.age.maxSeconds)} s`;
  return text;
}

export function DemandChart(props: {series: TimelineSeries; bucketMinutes: number; upTo: number; incidents: readonly TimelineMark[]; width: number; height: number}) {
  const theme = useTheme();
  const view = chartView(props.series);
  // The age row of an events chart comes out of the plot's rows, so every chart keeps the height it was given.
  const chart = renderChart({...props, height: view.age ? Math.max(2, props.height - 1) : props.height});
  const top = formatCount(chart.scaleMax).padStart(GUTTER_COLUMNS - 1);
  // Screen readers get the latest bucket in words instead of the block characters.
  const spoken = spokenChart(props.series, Math.max(0, props.upTo - 1));
  const unit = props.series.kind === 'jobs' ? 'jobs' : props.series.unit;
  return (
    <Box flexDirection="column" aria-label={spoken}>
      <Text wrap="truncate-end">
        <Text bold>{props.series.workload}</Text>
        {` ${unit}  ${CAPACITY_CHAR} ${view.blockLabel} ${DEMAND_CHAR} ${view.lineLabel} ${FAILED_CHAR} ${view.failedLabel} ${INCIDENT_CHAR} incident`}
        {chart.offScaleCapacity === undefined ? '' : `  ${OFF_SCALE_CHAR} ${view.blockLabel} up to ${formatCount(chart.offScaleCapacity)}`}
      </Text>
      {chart.rows.map((row, r) => (
        <Text key={`row-${r}`}>
          <Text dimColor={theme.dim}>{r === 0 ? `${top} ` : r === chart.rows.length - 1 ? `${'0'.padStart(GUTTER_COLUMNS - 1)} ` : ' '.repeat(GUTTER_COLUMNS)}</Text>
          {runs(row).map((run, i) => (
            <Text key={`run-${i}`} color={run.startsWith(DEMAND_CHAR) || run.startsWith(DEMAND_STEP_CHAR) ? theme.warn : run.startsWith(' ') ? undefined : theme.good}>
              {run}
            </Text>
          ))}
        </Text>
      ))}
      {chart.age === undefined || !view.age ? null : (
        <Text wrap="truncate-end">
          <Text dimColor={theme.dim}>{'age'.padStart(GUTTER_COLUMNS - 1)} </Text>
          <Text color={theme.warn}>{chart.age}</Text>
        </Text>
      )}
      <Text>
        {' '.repeat(GUTTER_COLUMNS)}
        <Text color={theme.bad}>{chart.failed}</Text>
      </Text>
      <Text>
        {' '.repeat(GUTTER_COLUMNS)}
        <Text color={theme.warn}>{chart.incidents}</Text>
      </Text>
      <Text dimColor={theme.dim}>{' '.repeat(GUTTER_COLUMNS) + chart.axis}</Text>
    </Box>
  );
}
