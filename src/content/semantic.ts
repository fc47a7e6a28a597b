// Checks a schema cannot express: references between parts of a level, the catalog, the horizon, the concept cards.
import {instanceType} from '../engine/catalog.js';
import {ec2TierProblems} from '../engine/check.js';
import {parseWhen} from '../engine/time.js';
import type {Level, Tier} from '../engine/types.js';
import {METRIC_BETTER, type JobPeriod, type Metric, type WorkloadKind} from '../engine/vocab.js';
import {problemAt, type SourceMap} from './load.js';
import {renderPath, sortProblems, type ContentProblem} from './problem.js';
import {didYouMean} from './suggest.js';

type Path = (string | number)[];
type Report = (path: Path, message: string) => void;

const MINUTES_PER_DAY = 1440;

/** The release time of a batch must fall inside its period: the engine repeats it every period from there. */
const JOB_PERIOD_MINUTES: Record<JobPeriod, {minutes: number; example: string}> = {
  hour: {minutes: 60, example: 'the minute of the hour, such as ":15"'},
  day: {minutes: MINUTES_PER_DAY, example: 'a time of day, such as "02:00"'},
  week: {minutes: 7 * MINUTES_PER_DAY, example: 'a day and time, such as "sun 02:00"'},
};

/** Objectives that only mean something when the level has that kind of workload. */
const METRIC_NEEDS: Partial<Record<Metric, WorkloadKind>> = {jobsOnTime: 'jobs', eventsWithinMaxAge: 'events'};

function checkInstanceType(name: string, path: Path, level: Level, report: Report): void {
  if (!instanceType(name)) {
    report(path, `unknown instance type '${name}' (not in assets/catalog.json)`);
  } else if (level.allow.instanceTypes && !level.allow.instanceTypes.includes(name)) {
    report(path, `'${name}' is not in this level's allow.instanceTypes (${level.allow.instanceTypes.join(', ')})`);
  }
}

function checkTiers(tiers: readonly Tier[], path: Path, level: Level, report: Report, whole: boolean): void {
  const workloadIds = [...new Set(level.workloads.map((w) => w.id))];
  const served = new Map<string, number>();
  tiers.forEach((tier, index) => {
    const at = [...path, index];
    if (!workloadIds.includes(tier.workload)) {
      report([...at, 'workload'], `no workload '${tier.workload}' in this level (workloads: ${workloadIds.join(', ')})${didYouMean(tier.workload, workloadIds)}`);
    } else if (served.has(tier.workload)) {
      report([...at, 'workload'], `workload '${tier.workload}' already has a tier (${renderPath([...path, served.get(tier.workload) ?? 0])}): one tier per workload`);
    } else {
      served.set(tier.workload, index);
    }
    if (!level.allow.compute.includes(tier.compute)) {
      report([...at, 'compute'], `compute '${tier.compute}' is not allowed in this level (allow.compute: ${level.allow.compute.join(', ')})`);
    }
    if (tier.compute === 'ec2') {
      checkInstanceType(tier.instanceType, [...at, 'instanceType'], level, report);
      for (const problem of ec2TierProblems(tier, at)) report(problem.path, problem.message);
    }
    if ((tier.compute === 'ecs' || tier.compute === 'eks') && tier.cluster) {
      checkInstanceType(tier.cluster.instanceType, [...at, 'cluster', 'instanceType'], level, report);
    }
  });
  if (whole) {
    for (const id of workloadIds) if (!served.has(id)) report(path, `no tier for workload '${id}'`);
  }
}

function checkWhen(text: string, path: Path, horizonMinutes: number, horizonDays: number, report: Report): void {
  const parsed = parseWhen(text);
  if (parsed.ok && parsed.minute >= horizonMinutes) report(path, `"${text}" is past the ${horizonDays}-day horizon`);
}

/** Problems with paths into the level value (the caller maps them to line:col). */
export function levelSemanticProblems(level: Level, concepts?: ReadonlySet<string>): {path: Path; message: string}[] {
  const problems: {path: Path; message: string}[] = [];
  const report: Report = (path, message) => problems.push({path, message});
  const horizonMinutes = level.horizonDays * MINUTES_PER_DAY;
  const conceptIds = concepts ? [...concepts] : [];
  const checkConcept = (id: string, path: Path) => {
    if (concepts && !concepts.has(id)) report(path, `no concept card '${id}' in assets/concepts.yaml${didYouMean(id, conceptIds)}`);
  };

  level.concepts.forEach((id, i) => checkConcept(id, ['concepts', i]));

  const workloadIds: string[] = [];
  level.workloads.forEach((workload, i) => {
    if (workloadIds.includes(workload.id)) report(['workloads', i, 'id'], `workload id '${workload.id}' is used twice`);
    workloadIds.push(workload.id);
    if (workload.kind === 'jobs') {
      const parsed = parseWhen(workload.at);
      const period = JOB_PERIOD_MINUTES[workload.every];
      if (parsed.ok && parsed.minute >= period.minutes) {
        report(['workloads', i, 'at'], `for every: ${workload.every}, write ${period.example} (got "${workload.at}")`);
      }
    } else {
      workload.spikes.forEach((spike, j) => checkWhen(spike.at, ['workloads', i, 'spikes', j, 'at'], horizonMinutes, level.horizonDays, report));
    }
  });

  level.incidents.forEach((incident, i) => {
    checkWhen(incident.at, ['incidents', i, 'at'], horizonMinutes, level.horizonDays, report);
    if ((incident.kind === 'instance-failure' || incident.kind === 'container-crash') && incident.workload !== undefined && !workloadIds.includes(incident.workload)) {
      report(['incidents', i, 'workload'], `no workload '${incident.workload}' in this level${didYouMean(incident.workload, workloadIds)}`);
    }
  });

  level.allow.instanceTypes?.forEach((name, i) => {
    if (!instanceType(name)) report(['allow', 'instanceTypes', i], `unknown instance type '${name}' (not in assets/catalog.json)`);
  });

  checkTiers(level.start.tiers, ['start', 'tiers'], level, report, true);
  checkTiers(level.reference.tiers, ['reference', 'tiers'], level, report, true);
  (level.alternatives ?? []).forEach((alternative, i) => checkTiers(alternative.tiers, ['alternatives', i, 'tiers'], level, report, true));
  level.counterexamples.forEach((counter, i) => checkTiers(counter.tiers, ['counterexamples', i, 'tiers'], level, report, true));

  const metrics = new Set<string>();
  level.objectives.forEach((objective, i) => {
    if (metrics.has(objective.metric)) report(['objectives', i, 'metric'], `metric '${objective.metric}' has two objectives`);
    metrics.add(objective.metric);
    const needs = METRIC_NEEDS[objective.metric];
    if (needs && !level.workloads.some((w) => w.kind === needs)) {
      report(['objectives', i, 'metric'], `${objective.metric} needs a ${needs} workload, and this level has none`);
    }
    const better = METRIC_BETTER[objective.metric];
    if (better === 'higher' ? objective.gold < objective.pass : objective.gold > objective.pass) {
      report(['objectives', i, 'gold'], `gold (${objective.gold}) must be at least as good as pass (${objective.pass}): for ${objective.metric}, ${better} is better`);
    }
  });

  level.quiz.forEach((question, i) => {
    if (question.answer >= question.choices.length) {
      report(['quiz', i, 'answer'], `answer ${question.answer} is not a choice: there are ${question.choices.length} (0 to ${question.choices.length - 1})`);
    }
    question.concepts.forEach((id, j) => checkConcept(id, ['quiz', i, 'concepts', j]));
  });
  return problems;
}

/**
 * What is allowed but weakens the level: a pinned AZ outage can be dodged by a build that stays out of that AZ
 * (AZ letters are mapped per account, so in AWS an outage can strike whichever AZ a build uses).
 */
export function levelWarningProblems(level: Level): {path: Path; message: string}[] {
  const warnings: {path: Path; message: string}[] = [];
  level.incidents.forEach((incident, i) => {
    if (incident.kind !== 'az-outage' || incident.az === undefined) return;
    warnings.push({
      path: ['incidents', i, 'az'],
      message: `warning: a pinned AZ can be dodged: a build with nothing in AZ ${incident.az} never sees this outage. Remove az: the outage then strikes the AZ with the most of the build's serving capacity`,
    });
  });
  return warnings;
}

export function levelSemantics(level: Level, source: SourceMap, concepts?: ReadonlySet<string>): ContentProblem[] {
  return sortProblems(levelSemanticProblems(level, concepts).map((p) => problemAt(source, p.path, p.message)));
}
