// A demand-vs-capacity text chart: capacity as filled blocks (█, with ▁…▇ for the top cell), demand as a line
// (─, joined by │ where it jumps rows) drawn over them, so the two read apart without colour; ↑ tops a capacity that
// runs off the chart. Below: for events, a row of the oldest waiting event's age against the age limit (▁…█); a row
// of ✗ where work failed, a row of ! where an incident began (two rows, so an incident never hides the failures it
// causes), and the day names. Columns not yet played are blank.
// Each column draws its worst minute: the busiest minute's demand against the lowest minute's capacity over the
// buckets it spans (the timeline keeps both per bucket), so a 20× spike or an outage shorter than a column still
// shows; an average would hide it under the capacity. Jobs chart their queue: the jobs waiting or running against
// the slots there are to run them.
import {WEEKDAYS, type TimelineMark, type TimelineSeries} from '../../engine/index.js';

export const CAPACITY_CHAR = '█';
export const DEMAND_CHAR = '─';
/** Joins the demand line across a jump of more than one row between neighbouring columns. */
export const DEMAND_STEP_CHAR = '│';
export const FAILED_CHAR = '✗';
export const INCIDENT_CHAR = '!';
/** The top cell of a column whose capacity runs past the top of the chart. */
export const OFF_SCALE_CHAR = '↑';
/** The scale shows at most this multiple of the peak demand, so demand stays readable beside a huge capacity (Lambda). */
export const HEADROOM_FACTOR = 3;
const PARTIAL_BLOCKS = ['', '▁', '▂', '▃', '▄', '▅', '▆', '▇'] as const;

/** What a series' chart draws: the line, the blocks, and for events the queue's age. */
export interface ChartView {
  line: readonly number[];
  blocks: readonly number[];
  lineLabel: string;
  blockLabel: string;
  failedLabel: string;
  /** Events: the oldest event's age per bucket (seconds) and the age at which events fail. */
  age?: {seconds: readonly number[]; maxSeconds: number};
}

/** Web and events: the busiest minute against the lowest capacity. Jobs: the queue against the slots. */
export function chartView(series: TimelineSeries): ChartView {
  if (series.kind === 'jobs' && series.backlog) {
    return {line: series.backlog, blocks: series.lowCapacity, lineLabel: 'jobs queued or running', blockLabel: 'slots', failedLabel: 'failed or late'};
  }
  const view: ChartView = {line: series.peakDemand, blocks: series.lowCapacity, lineLabel: 'demand', blockLabel: 'capacity', failedLabel: 'failed'};
  if (series.kind === 'jobs') view.blockLabel = 'concurrency';
  if (series.kind === 'events' && series.maxAgeS !== undefined && series.maxAgeS > 0) {
    view.age = {seconds: series.oldestAgeS ?? series.peakDemand.map(() => 0), maxSeconds: series.maxAgeS};
  }
  return view;
}

export interface ChartInput {
  series: TimelineSeries;
  bucketMinutes: number;
  /** Buckets played so far. */
  upTo: number;
  /** Incident marks to flag under the chart. */
  incidents: readonly TimelineMark[];
  /** Data columns and rows (the caller adds the axis gutter). */
  width: number;
  height: number;
}

export interface Chart {
  /** Top row first; each row exactly `width` characters. */
  rows: string[];
  /** ✗ under the columns where requests failed. */
  failed: string;
  /** ! under the columns where an incident began. */
  incidents: string;
  /** Day names at the first column of each day. */
  axis: string;
  /** Events: the oldest waiting event's age per column, as a fraction of the limit (▁…█; ' ' for none). */
  age: string | undefined;
  /** The value at the top of the chart, in the series' unit. */
  scaleMax: number;
  /** The peak capacity when it runs past the top of the chart (marked ↑), else undefined. */
  offScaleCapacity: number | undefined;
}

/**
 * The top of the chart: the peak of both series, but no more than HEADROOM_FACTOR × the peak demand. Pass the
 * values the chart draws (each column's mean), so a short spike averaged into a wide column still reaches a row
 * above the bottom one.
 */
export function chartScale(series: {demand: readonly number[]; capacity: readonly number[]}): {scaleMax: number; offScaleCapacity: number | undefined} {
  const peakDemand = Math.max(0, ...series.demand);
  const peakCapacity = Math.max(0, ...series.capacity);
  const scaleMax = Math.max(1e-9, peakDemand > 0 ? Math.max(peakDemand, Math.min(peakCapacity, peakDemand * HEADROOM_FACTOR)) : peakCapacity);
  return {scaleMax, offScaleCapacity: peakCapacity > scaleMax ? peakCapacity : undefined};
}

/** The highest value in [from, to): a column's worst demand. */
export function peak(values: readonly number[], from: number, to: number): number {
  let max = 0;
  for (let i = from; i < to; i++) max = Math.max(max, values[i] ?? 0);
  return max;
}

/** The lowest value in [from, to): a column's worst capacity. */
export function trough(values: readonly number[], from: number, to: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = from; i < to; i++) min = Math.min(min, values[i] ?? 0);
  return Number.isFinite(min) ? min : 0;
}

/** The buckets column `c` of `width` shows. */
export function columnBuckets(c: number, width: number, buckets: number): {from: number; to: number} {
  const from = Math.floor((c * buckets) / width);
  const to = Math.max(from + 1, Math.floor(((c + 1) * buckets) / width));
  return {from, to: Math.min(to, buckets)};
}

function capacityCell(filledRows: number, row: number): string {
  if (filledRows >= row + 1) return CAPACITY_CHAR;
  const eighths = Math.floor((filledRows - row) * 8);
  return eighths > 0 ? (PARTIAL_BLOCKS[eighths] ?? ' ') : ' ';
}

/** A fraction of the age limit as one cell: blank for no wait, ▁…▇ below the limit, █ at or past it. */
export function ageCell(fraction: number): string {
  if (!(fraction > 0)) return ' ';
  if (fraction >= 1) return CAPACITY_CHAR;
  return PARTIAL_BLOCKS[Math.max(1, Math.min(7, Math.ceil(fraction * 7)))] ?? ' ';
}

export function renderChart({series, bucketMinutes, upTo, incidents, width, height}: ChartInput): Chart {
  const view = chartView(series);
  const buckets = Math.max(view.line.length, view.blocks.length);
  // The scale comes from the whole week's columns (not only those played), so it holds still during the replay.
  const columns = Array.from({length: width}, (_, c) => columnBuckets(c, width, buckets)).filter(({from}) => from < buckets);
  const scale = chartScale({
    demand: columns.map(({from, to}) => peak(view.line, from, to)),
    capacity: columns.map(({from, to}) => trough(view.blocks, from, to)),
  });
  const {scaleMax} = scale;
  // The legend names the highest capacity the week reached, not a column's.
  const offScaleCapacity = scale.offScaleCapacity === undefined ? undefined : Math.max(scale.offScaleCapacity, ...view.blocks);
  const grid: string[][] = Array.from({length: height}, () => Array.from({length: width}, () => ' '));
  const failed = Array.from({length: width}, () => ' ');
  const incidentMarks = Array.from({length: width}, () => ' ');
  const age = view.age ? Array.from({length: width}, () => ' ') : undefined;
  let previousDemandRow = -1;
  for (let c = 0; c < width; c++) {
    const {from, to} = columnBuckets(c, width, buckets);
    if (from >= upTo || from >= buckets) continue;
    const end = Math.min(to, upTo);
    const capacityRows = (trough(view.blocks, from, end) / scaleMax) * height;
    const demand = peak(view.line, from, end);
    // The demand line sits in the row whose band holds the demand (the top row holds the maximum).
    const demandRow = demand > 0 ? Math.min(height - 1, Math.floor((demand / scaleMax) * height)) : -1;
    for (let r = 0; r < height; r++) {
      const line = grid[height - 1 - r] as string[];
      const onStep = previousDemandRow >= 0 && demandRow >= 0 && r > Math.min(previousDemandRow, demandRow) && r < Math.max(previousDemandRow, demandRow);
      line[c] = r === demandRow ? DEMAND_CHAR : onStep ? DEMAND_STEP_CHAR : r === height - 1 && capacityRows > height ? OFF_SCALE_CHAR : capacityCell(capacityRows, r);
    }
    previousDemandRow = demandRow;
    if (series.failed.slice(from, end).some((f) => f > 0)) failed[c] = FAILED_CHAR;
    if (age && view.age) age[c] = ageCell(peak(view.age.seconds, from, end) / view.age.maxSeconds);
  }
  const minutesPerColumn = (buckets * bucketMinutes) / width;
  for (const mark of incidents) {
    const c = Math.min(width - 1, Math.floor(mark.minute / minutesPerColumn));
    if (mark.minute < upTo * bucketMinutes) incidentMarks[c] = INCIDENT_CHAR;
  }
  return {
    rows: grid.map((line) => line.join('')),
    failed: failed.join(''),
    incidents: incidentMarks.join(''),
    axis: dayAxis(buckets * bucketMinutes, width),
    age: age?.join(''),
    scaleMax,
    offScaleCapacity,
  };
}

/** "Mon       Tue       Wed …": each day's name at the column where it starts, if it fits. */
export function dayAxis(horizonMinutes: number, width: number): string {
  const axis = Array.from({length: width}, () => ' ');
  const days = Math.ceil(horizonMinutes / 1440);
  for (let day = 0; day < days; day++) {
    const c = Math.floor((day * 1440 * width) / horizonMinutes);
    const name = WEEKDAYS[day % 7] ?? '';
    const label = `${name[0]?.toUpperCase() ?? ''}${name.slice(1)}`;
    if (c + label.length > width || (c > 0 && axis[c - 1] !== ' ')) continue;
    for (let i = 0; i < label.length; i++) axis[c + i] = label[i] ?? ' ';
  }
  return axis.join('');
}
