// What happened to the player's own build, in a few sentences, from the run's failures by reason, findings and
// incident marks: the results screen and `rightsize score` show this before the level's debrief (which is about
// the reference build). No new numbers: every count here is one the result already holds.
import {REASON_FINDINGS} from './score.js';
import type {Finding, Result, Tier} from './types.js';
import {FAILURE_REASONS, type FailureReason, type IncidentKind} from './vocab.js';

const WHOLE = new Intl.NumberFormat('en-US', {maximumFractionDigits: 0});
const n = (value: number): string => WHOLE.format(Math.round(value));

/** How each failure reason reads in a sentence. */
const REASON_WORDS: Record<FailureReason, string> = {
  'overload': 'failed for overload (more than the running capacity could serve)',
  'slow': 'were served, but slower than the SLO',
  'az-outage': 'failed in an AZ outage',
  'instance-failure': 'failed on a failed instance nothing had replaced yet',
  'spot-interruption': 'failed when Spot capacity was reclaimed',
  'container-crash': 'failed on crashed containers',
  'scheduled-stop': 'arrived while the schedule had the instances stopped',
  'booting': 'failed while capacity was still booting',
  'cold-start': 'missed the SLO because of a cold start',
  'throttle': 'were throttled at the concurrency limit',
  'timeout': 'ran past the timeout',
  'no-route': 'found no route to a healthy unit',
  'pending-task': 'failed while tasks could not be placed',
  'out-of-memory': 'needed more memory than the unit has',
  'deadline': 'finished after their deadline',
  'security-group': 'never reached the instances: the security group admits neither HTTP nor HTTPS',
};

/** Does this finding fail the level outright (critical, or forbidden by the level)? Read from the result's hard failures. */
export function failsOutright(result: Pick<Result, 'hardFailures'>, finding: Finding): boolean {
  const where = finding.workload === undefined ? '' : ` [${finding.workload}]`;
  return result.hardFailures.some((reason) => reason.startsWith(`${finding.id}${where} (`));
}

function onInstances(tier: Tier): boolean {
  return tier.compute === 'ec2' || ((tier.compute === 'ecs' || tier.compute === 'eks') && tier.launchType === 'ec2');
}

function computeWords(tier: Tier): string {
  if (tier.compute === 'lambda') return 'Lambda';
  if (tier.compute === 'ec2') return `${tier.instanceType} instances`;
  return tier.launchType === 'fargate' ? `Fargate${tier.spot ? ' Spot' : ''}` : `${tier.cluster?.instanceType ?? 'EC2'} cluster instances`;
}

/** Why an incident that raised no finding did not hurt this build. */
function untouched(kind: IncidentKind, tiers: readonly Tier[]): string {
  const where = tiers.map((t) => `${t.workload} ran on ${computeWords(t)}`).join('; ');
  switch (kind) {
    case 'instance-failure':
      return tiers.some(onInstances) ? `it cost you no failed work (${where})` : `it had no server of yours to strike: ${where}`;
    case 'spot-interruption':
      return tiers.some((t) => (t.compute === 'ec2' && t.purchase === 'spot') || ((t.compute === 'ecs' || t.compute === 'eks') && (t.spot || t.cluster?.purchase === 'spot')))
        ? 'your spare capacity covered the reclaimed units'
        : 'you bought no Spot capacity for it to reclaim';
    case 'container-crash':
      return tiers.some((t) => t.compute === 'ecs' || t.compute === 'eks') ? 'the orchestrator replaced the crashed tasks' : `it had no container of yours to crash: ${where}`;
    case 'az-outage':
      return tiers.every((t) => t.compute === 'lambda') ? 'Lambda runs across the Region’s AZs by itself' : `it cost you no failed work (${where})`;
  }
}

/** Sentences about the player's run: how much was served, why the rest failed, what each incident did. */
export function runStory(result: Result, tiers: readonly Tier[]): string[] {
  const m = result.metrics;
  const lines: string[] = [];
  if (m.requestsOffered > 0) {
    lines.push(`${n(m.requestsOffered - m.requestsFailed)} of ${n(m.requestsOffered)} requests to your build succeeded within the SLO; ${n(m.requestsFailed)} failed.`);
  }
  if (m.jobsTotal > 0) lines.push(`${n(m.jobsTotal - m.jobsFailed)} of ${n(m.jobsTotal)} jobs finished on time.`);
  if (m.eventsTotal > 0) lines.push(`${n(m.eventsTotal - m.eventsFailed)} of ${n(m.eventsTotal)} events were handled within their maximum age.`);
  const present = new Map(result.findings.map((f) => [f.id, f] as const));
  const reasons = FAILURE_REASONS.filter((r) => (result.failures[r] ?? 0) >= 1).sort((a, b) => (result.failures[b] ?? 0) - (result.failures[a] ?? 0));
  // Each finding is quoted once: under the first reason it explains, or under its incident.
  const quoted = new Set<Finding>();
  for (const reason of reasons.slice(0, 3)) {
    const why = REASON_FINDINGS[reason].map((id) => present.get(id)).find((f) => f !== undefined && !quoted.has(f));
    if (why) quoted.add(why);
    lines.push(`${n(result.failures[reason] ?? 0)} ${REASON_WORDS[reason]}${why ? ` — ${why.message}` : '.'}`);
  }
  const seen = new Set<string>();
  for (const mark of result.timeline.marks) {
    if (!(mark.kind === 'az-outage' || mark.kind === 'instance-failure' || mark.kind === 'spot-interruption' || mark.kind === 'container-crash') || seen.has(mark.label)) continue;
    seen.add(mark.label);
    const about = result.findings.find((f) => f.message.startsWith(mark.label));
    if (about && quoted.has(about)) continue;
    if (about) quoted.add(about);
    // No finding for it: either it cost nothing, or its failures were the normal wait for a replacement.
    const own = result.failures[mark.kind] ?? 0;
    const what = own >= 1 ? `what it struck was replaced; until then work failed with reason ${mark.kind} (${n(own)} in the run)` : untouched(mark.kind, tiers);
    lines.push(about ? `${about.message}.` : `${mark.label}: ${what}.`);
  }
  const outright = result.findings.filter((f) => failsOutright(result, f));
  for (const f of outright) lines.push(`This fails the level outright, whatever the score: ${f.id}${f.workload ? ` [${f.workload}]` : ''}.`);
  if (lines.length === 1 && m.requestsFailed < 1 && m.jobsFailed < 1 && m.eventsFailed < 1) lines.push('Nothing failed.');
  return lines;
}
