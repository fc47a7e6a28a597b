// The text of the results panels, from the engine's Result (no maths here beyond formatting and sorting).
import {SEVERITIES, failsOutright, runStory, type Finding, type Result, type Tier} from '../../engine/index.js';
import {METRIC_LABEL, costItemNames, formatCount, formatMetric, formatUsd, objectiveGoal} from '../state/format.js';

/** What happened to the player's own build, before anything about the level's lesson. */
export function storyLines(result: Result, tiers: readonly Tier[]): string[] {
  return ['What happened to your build:', ...runStory(result, tiers).map((line) => `• ${line}`)];
}

export function scoreLines(result: Result): string[] {
  const lines = result.objectives.flatMap((o) => {
    const mark = o.atGold ? '✓ gold' : o.met ? '✓ pass' : '✗ FAILED';
    const head = `${mark.padEnd(8)} ${METRIC_LABEL[o.metric]}: ${formatMetric(o.metric, o.value)}  (${o.points}/${o.maxPoints} pts)`;
    const goal = `         ${objectiveGoal(o)}`;
    const lost = o.lostTo === undefined || o.atGold ? [] : [`         points lost to finding: ${o.lostTo} (tab to Findings)`];
    return [head, goal, ...lost];
  });
  // A hard failure reads "finding [workload] (why): message"; the message is on the Findings panel.
  const hard = result.hardFailures.map((reason) => `✗ FAILED outright: ${reason.split(': ')[0] ?? reason}`);
  const why = hard.length > 0 ? ['  (the Findings panel says why each one fails the level and how to fix it)', ''] : [];
  return [...hard, ...why, ...lines, '', 'What happened to your build, and the lesson: tab to Debrief.'];
}

export function costLines(result: Result): string[] {
  const names = costItemNames(result.cost);
  const lines = result.cost.map((c, i) => {
    const name = names[i] ?? c.item;
    const item = name.length > 30 ? `${name.slice(0, 29)}…` : name.padEnd(30);
    return `${item} ${formatCount(c.quantity).padStart(10)} ${c.unit.padEnd(16).slice(0, 16)} ${formatUsd(c.usd).padStart(10)}`;
  });
  const failures = Object.entries(result.failures)
    .filter(([, count]) => (count ?? 0) > 0)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([reason, count]) => `  ${reason.padEnd(20)} ${formatCount(count ?? 0).padStart(12)}`);
  return [
    `Monthly cost ${formatUsd(result.metrics.monthlyCostUsd)} (730-hour month)`,
    ...lines,
    '',
    failures.length === 0
      ? `Failures: none — ${formatCount(result.metrics.requestsServed)} requests served`
      : `Failures by reason (of ${formatCount(result.metrics.requestsOffered)} requests offered):`,
    ...failures,
  ];
}

/** The rank of a finding on the Findings panel: those that fail the level outright first, then by severity. */
function rank(result: Result, finding: Finding): number {
  return failsOutright(result, finding) ? -1 : SEVERITIES.indexOf(finding.severity);
}

/** Findings, those that fail the level outright first, then most severe first. */
export function sortedFindings(result: Result): Result['findings'] {
  return [...result.findings].sort((a, b) => rank(result, a) - rank(result, b));
}

/** The tag a finding shows in lists: FAILS LEVEL when it fails the level outright (whatever its severity), else its severity. */
export function findingTag(result: Result, finding: Finding): string {
  return failsOutright(result, finding) ? 'FAILS LEVEL' : finding.severity.toUpperCase();
}
