// The search's findings as text: each dodge as a diff against the reference with the lesson it skips, then the
// cheapest 3-star build found. Plain lines (no colour needed to read them: ✗ and ✓ say it).
import type {Tier} from '../../engine/index.js';
import {diffTiers, type Dodge, type SearchReport} from './search.js';

/** A value as a level file would spell it in flow style: [a, b], {min: 2, max: 4}. */
export function flow(value: unknown): string {
  if (value === undefined) return 'unset';
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

const usd = (n: number): string => `$${n.toFixed(2)}`;
const count = (n: number): string => n.toLocaleString('en-US');
const percent = (part: number, whole: number): string => `${part <= whole ? '−' : '+'}${(Math.abs(1 - part / whole) * 100).toFixed(1)} %`;

/** How much of the level's space the search covered. */
function spaceLine(report: SearchReport): string {
  const checks = report.shapeChecks > 0 ? `; ${count(report.shapeChecks)} more scored to check shared mistakes` : '';
  if (report.exhaustive) return `every one of the ${count(report.spaceBuilds ?? report.scored)} builds the level allows was scored${checks}`;
  if (report.spaceBuilds !== undefined) return `${count(report.spaceBuilds)} builds the level allows, ${count(report.scored)} of them scored${checks}`;
  const size = report.spaceSize >= 1e6 ? report.spaceSize.toExponential(1).replace('e+', 'e') : count(report.spaceSize);
  return `up to ${size} builds the level allows (too many to count), ${count(report.scored)} of them scored${checks}`;
}

function diffLines(reference: readonly Tier[], tiers: readonly Tier[]): string[] {
  const diff = diffTiers(reference, tiers);
  if (diff.length === 0) return ['      (the reference itself)'];
  return diff.map((d) => `      ${d.workload}.${d.field}: ${flow(d.from)} → ${flow(d.to)}`);
}

function seedsLine(dodge: {seedStars: {seed: number; stars: number}[]}): string {
  const held = dodge.seedStars.filter((s) => s.stars >= 3).length;
  return `3 stars on ${held} of ${dodge.seedStars.length} seeds (${dodge.seedStars.map((s) => `seed ${s.seed}: ${s.stars}★`).join(', ')})`;
}

function headline(dodge: Dodge, report: SearchReport): string {
  const lesson = dodge.lesson;
  const n = report.counts.find((c) => c.kind === dodge.kind && c.lesson === lesson?.index)?.count ?? 0;
  const builds = `${count(n)} three-star build${n === 1 ? '' : 's'}`;
  switch (dodge.kind) {
    case 'finding':
      return `✗ ${builds} raise ${lesson?.finding} and still win: counterexample ${lesson?.index} ("${lesson?.why}") is dodged`;
    case 'shape':
      return `✗ ${builds} make counterexample ${lesson?.index}'s mistake (${lesson?.fields.map((f) => `${f.workload}.${f.field}: ${flow(f.value)}`).join(', ')}) and still win: "${lesson?.why}"`;
    case 'cheaper':
      return `✗ ${builds} cost more than 5 % less than the reference (${usd(report.reference.monthlyCostUsd)}): gold cost is loose, three stars are not an optimisation`;
  }
}

export function formatSearchReport(report: SearchReport, reference: readonly Tier[], file: string, seconds: number, workers: number): string[] {
  const lines: string[] = [];
  lines.push(
    `search ${file}: ${count(report.scored)} builds scored (${count(report.refused)} refused by the level's rules, not scored), ${count(report.threeStar)} at 3 stars, ${seconds.toFixed(1)} s on ${workers} ${workers === 1 ? 'thread' : 'worker threads'}`,
  );
  lines.push(`  the space: ${spaceLine(report)}`);
  lines.push(`  the reference: ${usd(report.reference.monthlyCostUsd)} a month`);
  let shownGroup = '';
  for (const dodge of report.dodges) {
    const group = `${dodge.kind}:${dodge.lesson?.index ?? ''}`;
    if (group !== shownGroup) {
      lines.push(`  ${headline(dodge, report)}`);
      shownGroup = group;
    }
    lines.push(`    ${usd(dodge.scored.monthlyCostUsd)} (${percent(dodge.scored.monthlyCostUsd, report.reference.monthlyCostUsd)} against the reference), ${seedsLine(dodge)}:`);
    lines.push(...diffLines(reference, dodge.tiers));
  }
  for (const lesson of report.lessons) {
    if (lesson.findingInReference) lines.push(`  note: the reference raises ${lesson.finding} too, so a winner raising it proves nothing (counterexample ${lesson.index})`);
  }
  if (report.cheapest) {
    const c = report.cheapest;
    lines.push(`  the cheapest 3-star build found: ${usd(c.scored.monthlyCostUsd)} (${percent(c.scored.monthlyCostUsd, report.reference.monthlyCostUsd)} against the reference), ${seedsLine(c)}:`);
    lines.push(...diffLines(reference, c.tiers).map((l) => l));
  } else {
    lines.push('  no 3-star build found (not even the reference: run `rightsize validate` first)');
  }
  lines.push(report.dodges.length === 0 ? '  ✓ no 3-star build skips a lesson or beats the reference by more than 5 %' : `  ✗ ${count(report.dodges.length)} example build${report.dodges.length === 1 ? '' : 's'} above: tighten the level`);
  return lines;
}
