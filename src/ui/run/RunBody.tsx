// The run's body inside the frame (so it knows how many rows the frame leaves): the clock, spend and failures so
// far, up to two demand-vs-capacity charts, and the incidents that have happened.
import {Box, Text} from 'ink';
import {formatMinute, type Timeline} from '../../engine/index.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {useBodyWidth} from '../hooks/use-body-width.js';
import {formatCount, formatUsd} from '../state/format.js';
import {DemandChart, GUTTER_COLUMNS} from './DemandChart.js';
import {IncidentList} from './IncidentList.js';
import {chartedSeries, costSoFarUsd, failuresSoFar, failuresText, isIncident, marksUpTo} from './playback.js';

/** Rows a chart needs at least: its chrome and three plot rows. */
const MIN_CHART_ROWS = 3;
/** Per chart: legend, the failure and incident rows and the day axis around the plot rows. */
const CHART_CHROME_ROWS = 4;
const STATUS_ROWS = 2;
const INCIDENT_ROWS = 3;

export function RunBody({timeline, bucket, done}: {timeline: Timeline; bucket: number; done: boolean}) {
  const bodyRows = useBodyRows();
  const chartColumns = Math.min(useBodyWidth(), 160) - 4;
  const charted = chartedSeries(timeline);
  // As many charts as the rows allow (two at 80×24, more on a taller terminal); the rest are on the results screen.
  const maxCharts = Math.max(1, Math.floor((bodyRows - STATUS_ROWS - INCIDENT_ROWS) / (CHART_CHROME_ROWS + MIN_CHART_ROWS)));
  const charts = charted.slice(0, maxCharts);
  const minute = bucket * timeline.bucketMinutes;
  const marks = marksUpTo(timeline, minute);
  const chartRows = Math.max(2, Math.floor((bodyRows - STATUS_ROWS - INCIDENT_ROWS) / Math.max(1, charts.length)) - CHART_CHROME_ROWS);
  const clock = done ? 'end of the run' : formatMinute(minute);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{clock}</Text>
        {`  ·  spent ${formatUsd(costSoFarUsd(timeline, bucket))}  ·  `}
        {failuresText(failuresSoFar(timeline, bucket), formatCount, done)}
      </Text>
      <Text> </Text>
      {charts.length === 0 ? <Text>No workload to chart.</Text> : null}
      {charts.map((series) => (
        <DemandChart
          key={series.workload}
          series={series}
          bucketMinutes={timeline.bucketMinutes}
          upTo={bucket}
          incidents={marks.filter(isIncident)}
          width={chartColumns - GUTTER_COLUMNS}
          height={chartRows}
        />
      ))}
      {charted.length > charts.length ? <Text>{`+ ${charted.length - charts.length} more workload(s) on the results screen`}</Text> : null}
      <IncidentList marks={marks} rows={INCIDENT_ROWS} />
    </Box>
  );
}
