// One workload's demand-vs-capacity chart with its legend, y scale and day axis (76 columns in all).
import {Box, Text} from 'ink';
import type {TimelineMark, TimelineSeries} from '../../engine/index.js';
import {useTheme} from '../hooks/use-theme.js';
import {formatCount} from '../state/format.js';
import {CAPACITY_CHAR, DEMAND_CHAR, DEMAND_STEP_CHAR, FAILED_CHAR, INCIDENT_CHAR, OFF_SCALE_CHAR, renderChart} from './chart.js';

export const GUTTER_COLUMNS = 6;

/** Split a row into runs of the same character, so capacity and demand can take their own colour. */
function runs(row: string): string[] {
  return row.match(/(.)\1*/gu) ?? [];
}

export function DemandChart(props: {series: TimelineSeries; bucketMinutes: number; upTo: number; incidents: readonly TimelineMark[]; width: number; height: number}) {
  const theme = useTheme();
  const chart = renderChart(props);
  const top = formatCount(chart.scaleMax).padStart(GUTTER_COLUMNS - 1);
  // Screen readers get the latest bucket in words instead of the block characters.
  const last = Math.max(0, props.upTo - 1);
  const {series} = props;
  const spoken = `${series.workload}: demand ${formatCount(series.demand[last] ?? 0)} ${series.unit}, capacity ${formatCount(series.capacity[last] ?? 0)} ${series.unit}`;
  return (
    <Box flexDirection="column" aria-label={spoken}>
      <Text wrap="truncate-end">
        <Text bold>{props.series.workload}</Text>
        {` ${props.series.unit}  ${CAPACITY_CHAR} capacity ${DEMAND_CHAR} demand ${FAILED_CHAR} failed ${INCIDENT_CHAR} incident`}
        {chart.offScaleCapacity === undefined ? '' : `  ${OFF_SCALE_CHAR} capacity up to ${formatCount(chart.offScaleCapacity)}`}
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
