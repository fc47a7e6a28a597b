// The human-readable result of `rightsize score`: stars and points, each objective against pass and gold,
// the cost lines, failures by reason and the findings. Colour only underlines what the words already say.
import type {Level, Result} from '../engine/types.js';
import {FAILURE_REASONS, SEVERITIES, type Severity} from '../engine/vocab.js';
import type {Paint} from './color.js';
import {formatCount, formatMetric, formatQuantity, formatUnitPrice, formatUsd, metricLabel, starMarks, starWords} from './format.js';
import {renderTable} from './table.js';

const SEVERITY_STYLE: Record<Severity, 'red' | 'yellow' | 'dim'> = {critical: 'red', warning: 'yellow', info: 'dim'};

export function renderReport(result: Result, level: Pick<Level, 'id' | 'title'>, paint: Paint): string {
  return [
    ...header(result, level, paint),
    ...objectives(result, paint),
    ...hardFailures(result, paint),
    ...costLines(result, paint),
    ...failures(result, paint),
    ...findings(result, paint),
    '',
    paint('dim', `fingerprint ${result.fingerprint} · engine ${result.engineVersion} · level ${result.levelHash.slice(0, 12)}`),
  ].join('\n');
}

function header(result: Result, level: Pick<Level, 'id' | 'title'>, paint: Paint): string[] {
  const verdict = result.passed ? paint('green', '✓ passed') : paint('red', '✗ not passed');
  return [
    paint('bold', `${level.title} (${level.id})`) + paint('dim', ` · seed ${result.seed} · ${formatCount(result.horizonHours)} h simulated`),
    `${paint('yellow', starMarks(result.stars))}  ${starWords(result.stars)} · ${verdict} · ${paint('bold', formatCount(result.points))} / 1,000 points`,
  ];
}

function objectives(result: Result, paint: Paint): string[] {
  const rows = result.objectives.map((o) => {
    const mark = o.atGold ? paint('green', '✓ gold') : o.met ? paint('green', '✓ pass') : paint('red', '✗ fail');
    return [
      mark,
      metricLabel(o.metric),
      formatMetric(o.metric, o.value),
      `pass ${formatMetric(o.metric, o.pass)}`,
      `gold ${formatMetric(o.metric, o.gold)}`,
      `${formatCount(o.points)}/${formatCount(o.maxPoints)} pts`,
      o.lostTo ? `lost to ${o.lostTo}` : '',
    ];
  });
  const left = {align: 'left'} as const;
  const right = {align: 'right'} as const;
  return section('Objectives', paint, renderTable([left, left, right, left, left, right, left], rows));
}

function hardFailures(result: Result, paint: Paint): string[] {
  if (result.hardFailures.length === 0) return [];
  return section('Failed outright', paint, result.hardFailures.map((why) => `  ${paint('red', '✗')} ${why}`));
}

function costLines(result: Result, paint: Paint): string[] {
  const rows = result.cost.map((line) => [line.item, formatQuantity(line.quantity), line.unit, `× ${formatUnitPrice(line.unitPriceUsd)}`, formatUsd(line.usd)]);
  const total = result.cost.reduce((sum, line) => sum + line.usd, 0);
  rows.push(['total', '', '', '', formatUsd(total)]);
  const table = renderTable([{align: 'left'}, {align: 'right'}, {align: 'left'}, {align: 'left'}, {align: 'right'}], rows);
  return section('Cost per 730-hour month', paint, table);
}

function failures(result: Result, paint: Paint): string[] {
  const rows = FAILURE_REASONS.flatMap((reason) => {
    const count = result.failures[reason] ?? 0;
    return count > 0 ? [[reason, formatCount(count)]] : [];
  });
  if (rows.length === 0) return section('Failures by reason', paint, ['  none']);
  return section('Failures by reason', paint, renderTable([{align: 'left'}, {align: 'right'}], rows));
}

function findings(result: Result, paint: Paint): string[] {
  if (result.findings.length === 0) return section('Findings', paint, ['  none']);
  const ordered = [...result.findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
  const lines = ordered.map((f) => {
    const where = f.workload ? ` [${f.workload}]` : '';
    return `  ${paint(SEVERITY_STYLE[f.severity], f.severity.padEnd(8))} ${f.id}${where}: ${f.message} ${paint('dim', `(concept: ${f.concept})`)}`;
  });
  return section('Findings', paint, lines);
}

function section(title: string, paint: Paint, lines: string[]): string[] {
  return ['', paint('bold', title), ...lines];
}
