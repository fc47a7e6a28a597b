// What the builder screen shows, derived from its state and the level: no simulation maths here.
import {SEVERITIES, dailyMultipliers, type CostLine, type Feature, type Finding, type FindingId, type Level, type Tier, type Workload, type Severity} from '../../engine/index.js';
import {formatUsd} from '../state/format.js';
import {fieldOf, tierOf, type BuilderState} from './builder-state.js';
import type {EstimateView} from './use-estimate.js';
import {fieldsOf, lockReason, valueText} from './fields.js';
import type {FieldId} from './field-types.js';

type RateWorkload = Extract<Workload, {kind: 'web' | 'events'}>;

/**
 * The busiest hour's rate before spikes: base × the daily shape's peak × the busiest weekday. The level's file says
 * `baseRps`, but a player sizes for the peak (the briefing's number), so the builder leads with it.
 */
export function peakRate(workload: RateWorkload): number {
  const base = workload.kind === 'web' ? workload.baseRps : workload.baseRate;
  const daily = Math.max(...dailyMultipliers(workload.daily));
  const weekly = workload.weekly.length > 0 ? Math.max(...workload.weekly) : 1;
  return base * daily * weekly;
}

/** "web 68 req/s at peak (business-hours, + spikes) · 20 ms CPU each · SLO 300 ms": the workload a tier serves. */
export function workloadSummary(workload: Workload): string {
  const shape = (daily: string | number[]): string => (typeof daily === 'string' ? daily : 'custom daily shape');
  const name = workload.id === workload.kind ? '' : `${workload.id}: `;
  const rate = (w: RateWorkload): string => {
    const peak = peakRate(w);
    const atPeak = peak === (w.kind === 'web' ? w.baseRps : w.baseRate) ? '' : ' at peak';
    return `${formatRate(peak)}${w.kind === 'web' ? ' req/s' : '/s'}${atPeak} (${shape(w.daily)}${w.spikes.length > 0 ? ', + spikes' : ''})`;
  };
  switch (workload.kind) {
    case 'web':
      return `${name}web ${rate(workload)} · ${workload.cpuMsPerRequest} ms CPU each · SLO ${workload.sloMs} ms`;
    case 'events':
      return `${name}events ${rate(workload)} from ${workload.source} · ${workload.cpuMsPerEvent} ms CPU each · max age ${workload.maxAgeSeconds} s`;
    case 'jobs':
      return `${name}jobs ${workload.count} × ${workload.vcpuMinutes} vCPU-min every ${workload.every} at ${workload.at} · ${workload.memoryGb} GB · deadline ${workload.deadlineMinutes} min`;
  }
}

/** Whole numbers from 10 up, one decimal below (a 2 req/s API at peak is 3.4, not 3). */
function formatRate(perSecond: number): string {
  return perSecond >= 10 ? String(Math.round(perSecond)) : String(Math.round(perSecond * 10) / 10);
}

/** "web: t3.small ×2 in 2 AZs · jobs: ecs fargate ×1 of 1 vCPU": what a saved build runs, in one line. */
export function buildSummary(tiers: readonly Tier[]): string {
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const size = (t: {scaling?: {min: number; max: number} | undefined}, fixed: number) => (t.scaling ? `${t.scaling.min}–${t.scaling.max}` : `×${fixed}`);
  return tiers
    .map((t) => {
      switch (t.compute) {
        case 'ec2':
          return `${t.workload}: ${t.instanceType} ${size(t, t.count)} in ${plural(t.azs.length, 'AZ')}`;
        case 'ecs':
        case 'eks':
          return `${t.workload}: ${t.compute} ${t.launchType} ${size(t, t.tasks)} of ${t.task.vcpu} vCPU`;
        case 'lambda':
          return `${t.workload}: lambda ${t.memoryMb} MB`;
      }
    })
    .join(' · ');
}

export function workloadOf(level: Level, tier: Tier): Workload | undefined {
  return level.workloads.find((w) => w.id === tier.workload);
}

/** Tab names: "web: ec2". */
export function tabNames(state: BuilderState): string[] {
  return state.tiers.map((tier) => `${tier.workload}: ${tier.compute}`);
}

export interface MultiOptionRow {
  option: string;
  on: boolean;
  highlighted: boolean;
}

export interface FieldRow {
  id: FieldId;
  label: string;
  value: string;
  locked: boolean;
  selected: boolean;
  /** For multi-selects: each option, on or off. */
  options?: MultiOptionRow[];
}

/** The rows of the current tier's panel. */
export function fieldRows(state: BuilderState, level: Level): FieldRow[] {
  const tier = tierOf(state);
  if (!tier) return [];
  const selectedId = fieldOf(state)?.id;
  return fieldsOf(tier).map((field) => {
    const selected = field.id === selectedId;
    const row: FieldRow = {id: field.id, label: field.label, value: valueText(field, tier, level), locked: lockReason(field, level, tier) !== undefined, selected};
    if (field.kind === 'multi') {
      const on = field.get(tier);
      row.options = field.options.map((option, i) => ({option, on: on.includes(option), highlighted: selected && state.optionsOpen === true && i === state.optionIndex}));
    }
    return row;
  });
}

/**
 * The lines under the panels: the finding or hint the player asked for while it is open, else what the selected
 * field is (and why it is locked). `findings` in the order the estimate panel lists them.
 */
export function guidance(state: BuilderState, level: Level, findings: readonly Finding[] = []): string {
  if (state.findingOpen !== undefined) {
    const finding = findings[state.findingOpen];
    if (finding) {
      const note = givenByLevel(level, finding) ? ' (This level locks the fields that would fix it: not yours to fix here.)' : '';
      return `${SEVERITY_MARK[finding.severity]} ${finding.severity} ${finding.id} (${state.findingOpen + 1}/${findings.length}): ${finding.message}${note}`;
    }
  }
  if (state.hintOpen !== undefined) {
    const hint = level.hints[state.hintOpen];
    if (hint !== undefined) return `Hint ${state.hintOpen + 1}/${level.hints.length}: ${hint}`;
  }
  const field = fieldOf(state);
  const tier = tierOf(state);
  if (!field || !tier) return '';
  const reason = lockReason(field, level, tier);
  return reason === undefined ? field.help : `Locked: ${reason}. ${field.help}`;
}

export function choiceRows(state: BuilderState, level: Level): {title: string; rows: {label: string; detail: string; highlighted: boolean; current: boolean}[]} | undefined {
  const picker = state.picker;
  const tier = tierOf(state);
  if (!picker || !tier) return undefined;
  const field = fieldsOf(tier).find((f) => f.id === picker.field);
  if (field?.kind !== 'choice') return undefined;
  const value = field.get(tier);
  return {
    title: field.label,
    rows: field.options(tier, level).map((option, i) => ({label: option.label, detail: option.detail ?? '', highlighted: i === picker.index, current: option.value === value})),
  };
}

// ---------------------------------------------------------------- the estimate panel

export const SEVERITY_MARK: Record<Severity, string> = {critical: '✗', warning: '!', info: '·'};

/** Findings, most severe first (stable within a severity). */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}

/**
 * What a player must be able to change to act on a finding: a level feature, or `compute` (another compute kind).
 * A finding none of whose fixes the level allows is the level's setting, not the player's problem.
 */
const FINDING_FIXES: Partial<Record<FindingId, readonly (Feature | 'compute')[]>> = {
  'single-az': ['multiAz'],
  'single-instance': ['count', 'autoScaling'],
  'no-load-balancer': ['loadBalancer'],
  'customer-data-in-default-vpc': ['network'],
  'ssh-open-to-world': ['security'],
  'access-keys-on-instance': ['security'],
  'license-not-compliant': ['purchase'],
  'lambda-timeout-wall': ['compute'],
  'cold-starts-hurt-latency': ['concurrency', 'compute'],
  'idle-capacity': ['count', 'autoScaling', 'schedule', 'instanceType', 'compute'],
  'burst-credits-exhausted': ['instanceType', 'creditMode', 'count', 'autoScaling'],
  'hibernate-not-supported': ['schedule', 'instanceType'],
  'slow-boot-stock-ami': ['image'],
  'servers-to-patch': ['compute'],
  'spot-without-spare-capacity': ['purchase', 'count', 'autoScaling'],
};

/** True when the level locks every way to act on this finding (single-az while the AZs are locked). */
export function givenByLevel(level: Level, finding: Finding): boolean {
  const fixes = FINDING_FIXES[finding.id];
  if (!fixes) return false;
  return !fixes.some((fix) => (fix === 'compute' ? level.allow.compute.length > 1 : level.allow.features.includes(fix)));
}

/** The builder's findings: the player's own first, most severe first, then the ones the level's locks leave. */
export function builderFindings(level: Level, findings: readonly Finding[]): {findings: Finding[]; given: number} {
  const sorted = bySeverity(findings);
  const own = sorted.filter((f) => !givenByLevel(level, f));
  const given = sorted.filter((f) => givenByLevel(level, f));
  return {findings: [...own, ...given], given: given.length};
}

/** The largest cost lines, and what the rest add up to. */
export function topCostLines(cost: readonly CostLine[], shown: number): {lines: CostLine[]; restUsd: number; restCount: number} {
  const sorted = [...cost].filter((line) => line.usd > 0).sort((a, b) => b.usd - a.usd);
  const rest = sorted.slice(shown);
  return {lines: sorted.slice(0, shown), restUsd: rest.reduce((sum, line) => sum + line.usd, 0), restCount: rest.length};
}

/** "≈ $46.07/month with this (now $31.88)", or why the build would not run with it. */
export function previewText(current: EstimateView, preview: EstimateView): string {
  const problem = preview.problems[0];
  if (problem && current.problems.length === 0) return `✗ would not run: ${problem.message}`;
  if (preview.monthlyCostUsd === undefined) return 'not priced';
  const now = current.monthlyCostUsd === undefined ? '' : ` (now ${formatUsd(current.monthlyCostUsd)})`;
  return `≈ ${formatUsd(preview.monthlyCostUsd)}/month with this${now}`;
}
