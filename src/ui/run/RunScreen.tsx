// The run: the simulated week plays back in a few seconds — a demand-vs-capacity chart per web/events workload,
// the clock, incidents as they happen, failures and cost ticking. Enter or s skips to the end; at the end the
// screen calls onDone. Only playback of result.timeline: the engine computed everything.
import {Box, Text} from 'ink';
import {formatMinute, type Level, type Result, type Timeline} from '../../engine/index.js';
import {Frame} from '../components/Frame.js';
import {useKeys} from '../input/key-router.js';
import {useBodyRows} from '../hooks/use-body-rows.js';
import {formatCount, formatUsd} from '../state/format.js';
import {DemandChart, GUTTER_COLUMNS} from './DemandChart.js';
import {IncidentList} from './IncidentList.js';
import {chartedSeries, costSoFarUsd, failuresSoFar, failuresText, isIncident, marksUpTo} from './playback.js';
import {usePlayback, type PlaybackOptions} from './use-playback.js';

export interface RunScreenProps {
  level: Level;
  result: Result;
  onDone(): void;
  /** Replay speed (tests and the settings may change it); default ~5 s for the horizon. */
  playback?: PlaybackOptions;
}

const CHART_COLUMNS = 76;
const MAX_CHARTS = 2;
/** Per chart: legend, markers and day axis around the plot rows. */
const CHART_CHROME_ROWS = 3;
const STATUS_ROWS = 2;
const INCIDENT_ROWS = 3;

export function RunScreen({level, result, onDone, playback: options}: RunScreenProps) {
  const timeline = result.timeline;
  const playback = usePlayback(timeline.buckets, onDone, options);
  useKeys((input, key) => {
    if (key.return || input === 's' || input === ' ') {
      playback.skip();
      return true;
    }
    return false;
  });
  const progress = timeline.buckets === 0 ? 1 : playback.bucket / timeline.buckets;

  return (
    <Frame
      title={`${level.title} — run`}
      right={`${Math.round(progress * 100)}%`}
      hints={[['enter/s', playback.done ? 'results' : 'skip to the end']]}
      message={playback.done ? 'The run is over: the results are next.' : undefined}
    >
      <RunBody timeline={timeline} bucket={playback.bucket} done={playback.done} />
    </Frame>
  );
}

/** Inside the frame, so it knows how many rows the frame leaves. */
function RunBody({timeline, bucket, done}: {timeline: Timeline; bucket: number; done: boolean}) {
  const bodyRows = useBodyRows();
  const charted = chartedSeries(timeline);
  const charts = charted.slice(0, MAX_CHARTS);
  const minute = bucket * timeline.bucketMinutes;
  const marks = marksUpTo(timeline, minute);
  const chartRows = Math.max(2, Math.floor((bodyRows - STATUS_ROWS - INCIDENT_ROWS) / Math.max(1, charts.length)) - CHART_CHROME_ROWS);
  const clock = done ? 'end of the run' : formatMinute(minute);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text bold>{clock}</Text>
        {`  ·  spent ${formatUsd(costSoFarUsd(timeline, bucket))}  ·  `}
        {failuresText(failuresSoFar(timeline, bucket), formatCount)}
      </Text>
      <Text> </Text>
      {charts.length === 0 ? <Text>No web or events workload to chart: jobs run on their schedule.</Text> : null}
      {charts.map((series) => (
        <DemandChart
          key={series.workload}
          series={series}
          bucketMinutes={timeline.bucketMinutes}
          upTo={bucket}
          incidents={marks.filter(isIncident)}
          width={CHART_COLUMNS - GUTTER_COLUMNS}
          height={chartRows}
        />
      ))}
      {charted.length > charts.length ? <Text>{`+ ${charted.length - charts.length} more workload(s) on the results screen`}</Text> : null}
      <IncidentList marks={marks} rows={INCIDENT_ROWS} />
    </Box>
  );
}
