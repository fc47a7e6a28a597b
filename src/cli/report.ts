// The human-readable result of `rightsize score`: stars and points, each objective against pass and gold,
// the cost lines, failures by reason and the findings. Colour only underlines what the words already say.
import {TOTAL_POINTS, failsOutright, runStory} from '../engine/index.js';
import type {Level, Result, Tier} from '../engine/types.js';
import {FAILURE_REASONS, SEVERITIES, type Severity} from '../engine/vocab.js';
import type {Paint} from './color.js';
import {formatCount, formatMetric, formatQuantity, formatUnitPrice, formatUsd, metricLabel, starMarks, starWords} from './format.js';
import {renderTable} from './table.js';
import {hanging} from './wrap.js';

const SEVERITY_STYLE: Record<Severity, 'red' | 'yellow' | 'dim'> = {critical: 'red', warning: 'yellow', info: 'dim'};

/** The report; `columns` wraps the long lines (findings, hard failures) to a terminal's width. */
export function renderReport(result: Result, level: Pick<Level, 'id' | 'title'>, paint: Paint, columns?: number, tiers?: readonly Tier[]): string {
  return [
    ...header(result, level, paint),
    ...(tiers ? story(result, tiers, columns, paint) : []),
    ...objectives(result, paint),
    ...hardFailures(result, paint, columns),
    ...costLines(result, paint, columns),
    ...failures(result, paint),
    ...findings(result, paint, columns),
    '',
    paint('dim', `fingerprint ${result.fingerprint}`),
    paint('dim', `engine ${result.engineVersion} · level hash ${result.levelHash.slice(0, 12)}`),
  ].join('\n');
}

function header(result: Result, level: Pick<Level, 'id' | 'title'>, paint: Paint): string[] {
  const verdict = result.passed ? paint('green', '✓ passed') : paint('red', '✗ not passed');
  return [
    paint('bold', `${level.title} (${level.id})`) + paint('dim', ` · seed ${result.seed} · ${formatCount(result.horizonHours)} h simulated`),
    `${paint('yellow', starMarks(result.stars))}  ${starWords(result.stars)} · ${verdict} · ${paint('bold', formatCount(result.points))} / ${formatCount(TOTAL_POINTS)} points`,
  ];
}

/** What happened to this build, first, in sentences built from its own failures and findings. */
function story(result: Result, tiers: readonly Tier[], columns: number | undefined, paint: Paint): string[] {
  return section('What happened to your build', paint, runStory(result, tiers).flatMap((line) => hanging('  • ', 4, line, columns)));
}

function objectives(result: Result, paint: Paint): string[] {
  const rows = result.objectives.map((o) => {
    const alike = [o.value, o.pass, o.gold];
    const mark = o.atGold ? paint('green', '✓ gold') : o.met ? paint('green', '✓ pass') : paint('red', '✗ fail');
    return [
      mark,
      metricLabel(o.metric),
      formatMetric(o.metric, o.value, alike),
      `pass ${formatMetric(o.metric, o.pass, alike)}`,
      `gold ${formatMetric(o.metric, o.gold, alike)}`,
      `${formatCount(o.points)}/${formatCount(o.maxPoints)}`,
    ];
  });
  const left = {align: 'left'} as const;
  const right = {align: 'right'} as const;
  const table = renderTable([left, left, right, left, left, right], rows);
  // The finding that cost an objective goes on its own line, so a row fits 80 columns.
  const lines = result.objectives.flatMap((o, i) => [table[i] ?? '', ...(o.lostTo ? [`          ${paint('dim', `lost to ${o.lostTo}`)}`] : [])]);
  return section('Objectives (points: earned/possible)', paint, lines);
}

function hardFailures(result: Result, paint: Paint, columns: number | undefined): string[] {
  if (result.hardFailures.length === 0) return [];
  return section('Failed outright', paint, result.hardFailures.flatMap((why) => hanging(`  ${paint('red', '✗')} `, 4, why, columns)));
}

function costLines(result: Result, paint: Paint, columns: number | undefined): string[] {
  const total = result.cost.reduce((sum, line) => sum + line.usd, 0);
  const dollars = [...result.cost.map((line) => formatUsd(line.usd)), formatUsd(total)];
  const width = Math.max(...dollars.map((d) => d.length));
  const amounts = dollars.map((d) => `= ${d.padStart(width)}`);
  const sums = result.cost.map((line) => [formatQuantity(line.quantity, line.unit), line.unit, `× ${formatUnitPrice(line.unitPriceUsd)}`]);
  // Each line reads as its sum: 1,460 instance-hours × $0.0208 = $30.37.
  const wide = renderTable(
    [{align: 'left'}, {align: 'right'}, {align: 'left', gap: 1}, {align: 'left', gap: 1}, {align: 'right', gap: 1}],
    [...result.cost.map((line, i) => [line.item, ...(sums[i] ?? []), amounts[i] ?? '']), ['total', '', '', '', amounts.at(-1) ?? '']],
  );
  const title = 'Cost per 730-hour month';
  if (columns === undefined || wide.every((line) => [...line].length <= columns)) return section(title, paint, wide);
  // Too wide for the terminal: the item and its amount, then the sum on a line of its own.
  const narrow = renderTable([{align: 'left'}, {align: 'right'}], [...result.cost.map((line, i) => [line.item, amounts[i] ?? '']), ['total', amounts.at(-1) ?? '']]);
  const lines = narrow.flatMap((line, i) => [line, ...(sums[i] ? [`      ${paint('dim', sums[i].join(' '))}`] : [])]);
  return section(title, paint, lines);
}

function failures(result: Result, paint: Paint): string[] {
  const rows = FAILURE_REASONS.flatMap((reason) => {
    const count = result.failures[reason] ?? 0;
    return count > 0 ? [[reason, formatCount(count)]] : [];
  });
  if (rows.length === 0) return section('Failures by reason', paint, ['  none']);
  return section('Failures by reason', paint, renderTable([{align: 'left'}, {align: 'right'}], rows));
}

function findings(result: Result, paint: Paint, columns: number | undefined): string[] {
  if (result.findings.length === 0) return section('Findings', paint, ['  none']);
  const rank = (f: Result['findings'][number]): number => (failsOutright(result, f) ? -1 : SEVERITIES.indexOf(f.severity));
  const ordered = [...result.findings].sort((a, b) => rank(a) - rank(b));
  const lines = ordered.flatMap((f) => {
    const where = f.workload ? ` [${f.workload}]` : '';
    // A finding that fails the level outright says so here too, whatever its severity.
    const outright = failsOutright(result, f);
    const tag = outright ? paint('red', 'FAILS LEVEL') : paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8));
    return hanging(`  ${tag} `, outright ? 14 : 11, `${f.id}${where}: ${f.message} (concept: ${f.concept})`, columns);
  });
  return section('Findings', paint, lines);
}

function section(title: string, paint: Paint, lines: string[]): string[] {
  return ['', paint('bold', title), ...lines];
}
