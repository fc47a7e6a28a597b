// Semantic problems in a solution for a level: what the schema cannot see. Each problem has a path into the
// solution and a message that names the fix. Problems block a run; findings (static or simulated) do not.
import {workBudgetProblems} from './budget.js';
import {CATALOG, instanceType, isValidFargateSize, registeredMemoryMiB, taskMemoryMiB} from './catalog.js';
import {canonicalJson} from './hash.js';
import {CLUSTER_DEFAULTS, withDefaults} from './defaults.js';
import type {ContainerTier, Ec2Tier, LambdaTier, Level, Problem, Solution, Tier, Workload} from './types.js';
import type {Feature, Trigger} from './vocab.js';

type Path = Problem['path'];

// ---------------------------------------------------------------- which feature governs each field

/**
 * The feature (FEATURES in vocab.ts) a level must allow before a tier field may differ from the level's start.
 * `compute` and `launchType` are governed by allow.compute; `workload` is not a choice.
 */
const EC2_FIELD_FEATURE: Record<Exclude<keyof Ec2Tier, 'workload' | 'compute'>, Feature> = {
  instanceType: 'instanceType',
  rootVolumeGb: 'storage',
  count: 'count',
  scaling: 'autoScaling',
  azs: 'multiAz',
  purchase: 'purchase',
  image: 'image',
  schedule: 'schedule',
  // Hibernation writes RAM to the root volume, which must be encrypted: part of choosing the schedule.
  encryptedRoot: 'schedule',
  creditMode: 'creditMode',
  loadBalancer: 'loadBalancer',
  network: 'network',
  inbound: 'security',
  identity: 'security',
  // The Auto Scaling group's health check type: part of setting up the group.
  healthCheck: 'autoScaling',
};

const CONTAINER_FIELD_FEATURE: Record<Exclude<keyof ContainerTier, 'workload' | 'compute' | 'launchType' | 'cluster'>, Feature> = {
  task: 'taskSize',
  architecture: 'taskSize',
  tasks: 'count',
  scaling: 'autoScaling',
  spot: 'purchase',
  azs: 'multiAz',
  loadBalancer: 'loadBalancer',
  network: 'network',
};

const CLUSTER_FIELD_FEATURE = {instanceType: 'instanceType', count: 'count', purchase: 'purchase'} as const satisfies Record<string, Feature>;

const LAMBDA_FIELD_FEATURE: Record<Exclude<keyof LambdaTier, 'workload' | 'compute'>, Feature> = {
  memoryMb: 'lambdaConfig',
  timeoutSeconds: 'lambdaConfig',
  architecture: 'lambdaConfig',
  runtime: 'lambdaConfig',
  trigger: 'lambdaConfig',
  reservedConcurrency: 'concurrency',
  provisionedConcurrency: 'concurrency',
};

/** The tier a player starts from for this workload and compute family (EC2, containers, Lambda). */
function startTierFor(level: Level, tier: Tier): Tier {
  const family = (t: Tier): string => (t.compute === 'ecs' || t.compute === 'eks' ? 'containers' : t.compute);
  const start = level.start.tiers.find((t) => t.workload === tier.workload && family(t) === family(tier));
  if (start) return start;
  const fresh = withDefaults({workload: tier.workload, compute: tier.compute} as Parameters<typeof withDefaults>[0]);
  // A new function starts with the trigger its workload needs: not a choice the level has to allow.
  const workload = level.workloads.find((w) => w.id === tier.workload);
  if (fresh.compute === 'lambda' && workload) fresh.trigger = triggerFor(workload);
  return fresh;
}

const same = (a: unknown, b: unknown): boolean => (a === undefined || b === undefined ? a === b : canonicalJson(a) === canonicalJson(b));
const shown = (value: unknown): string => (value === undefined ? 'unset' : canonicalJson(value));

function featureProblems(level: Level, tier: Tier, path: Path): Problem[] {
  const allowed = new Set(level.allow.features);
  const start = startTierFor(level, tier) as unknown as Record<string, unknown>;
  const fields = tier as unknown as Record<string, unknown>;
  const table: Record<string, Feature> =
    tier.compute === 'ec2' ? EC2_FIELD_FEATURE : tier.compute === 'lambda' ? LAMBDA_FIELD_FEATURE : CONTAINER_FIELD_FEATURE;
  const problems: Problem[] = [];
  const check = (feature: Feature, value: unknown, startValue: unknown, fieldPath: Path, name: string): void => {
    if (allowed.has(feature) || same(value, startValue)) return;
    problems.push({
      path: fieldPath,
      message: `this level does not let you change ${name} (feature "${feature}" is not allowed here): set it back to ${shown(startValue)}`,
    });
  };
  for (const [field, feature] of Object.entries(table)) {
    check(feature, fields[field], start[field], [...path, field], field);
  }
  if ((tier.compute === 'ecs' || tier.compute === 'eks') && tier.launchType === 'ec2') {
    const cluster = {...CLUSTER_DEFAULTS, ...(tier.cluster ?? {})} as Record<string, unknown>;
    // A start without a cluster (Fargate) compares with the cluster defaults the schema would fill in.
    const startCluster = {...CLUSTER_DEFAULTS, ...(start.cluster ?? {})} as Record<string, unknown>;
    for (const [field, feature] of Object.entries(CLUSTER_FIELD_FEATURE)) {
      check(feature, cluster[field], startCluster[field], [...path, 'cluster', field], `cluster.${field}`);
    }
  }
  return problems;
}

// ---------------------------------------------------------------- instance types

function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Up to three valid names closest to a misspelt one, nearest first (ties in name order). */
export function nearestNames(input: string, candidates: readonly string[], limit = 3): string[] {
  const lower = input.toLowerCase();
  return candidates
    .map((name) => ({name, distance: editDistance(lower, name.toLowerCase())}))
    .sort((a, b) => a.distance - b.distance || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit)
    .map((c) => c.name);
}

function instanceTypeProblems(level: Level, name: string, path: Path): Problem[] {
  const allowedTypes = level.allow.instanceTypes;
  if (!instanceType(name)) {
    const pool = allowedTypes?.filter((t) => instanceType(t)) ?? Object.keys(CATALOG.instanceTypes);
    const near = nearestNames(name, pool);
    const hint = near.length > 0 ? `: did you mean ${near.join(', ')}?` : '';
    return [{path, message: `unknown instance type "${name}"${hint}`}];
  }
  if (allowedTypes && !allowedTypes.includes(name)) {
    return [{path, message: `this level does not offer ${name}: use one of ${allowedTypes.join(', ')}`}];
  }
  return [];
}

// ---------------------------------------------------------------- per compute kind

function scalingProblems(tier: Ec2Tier | ContainerTier, path: Path): Problem[] {
  const s = tier.scaling;
  if (!s) return [];
  const problems: Problem[] = [];
  if (s.min > s.max) problems.push({path: [...path, 'scaling', 'min'], message: `scaling min ${s.min} is above max ${s.max}: lower min or raise max`});
  if (!(s.targetCpu > 0 && s.targetCpu < 1)) {
    problems.push({path: [...path, 'scaling', 'targetCpu'], message: `targetCpu ${s.targetCpu} must be a share between 0 and 1, e.g. 0.6 for 60%`});
  }
  return problems;
}

/**
 * What AWS refuses on an EC2 tier (shared with the level checks in content/semantic.ts):
 * - hibernation in an Auto Scaling group: the group does not support hibernating its instances (only a warm pool's
 *   instances can be hibernated); an office-hours schedule on a group is scheduled scaling (office-hours-stop);
 * - ELB health checks on something that is not a load-balanced Auto Scaling group.
 * Sources: https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/hibernating-prerequisites.html,
 * https://docs.aws.amazon.com/autoscaling/ec2/userguide/as-add-elb-healthcheck.html (read 2026-12-02).
 */
export function ec2TierProblems(tier: Ec2Tier, path: Path): Problem[] {
  const problems: Problem[] = [];
  if (tier.scaling && tier.schedule === 'office-hours-hibernate') {
    problems.push({
      path: [...path, 'schedule'],
      message:
        'an Auto Scaling group cannot hibernate its instances (it would replace them): use schedule: office-hours-stop (scheduled scaling: the group terminates its instances at night and launches new ones in the morning), or remove scaling to hibernate one instance',
    });
  }
  const hostProblem = dedicatedHostProblem(tier.instanceType, tier.purchase);
  if (hostProblem) problems.push({path: [...path, 'purchase'], message: hostProblem});
  if (tier.healthCheck === 'elb' && !tier.scaling) {
    problems.push({path: [...path, 'healthCheck'], message: 'healthCheck: elb is an Auto Scaling group setting: add scaling {min, max, targetCpu}, or set healthCheck: ec2'});
  } else if (tier.healthCheck === 'elb' && tier.loadBalancer !== 'alb') {
    problems.push({path: [...path, 'healthCheck'], message: 'healthCheck: elb needs a load balancer to run the checks: set loadBalancer: alb, or set healthCheck: ec2'});
  }
  return problems;
}

/**
 * A Dedicated Host is bought per family; the catalog prices only some families' hosts (an m5 host today), so a type
 * of another family cannot be placed on one here (it would otherwise run free).
 */
export function dedicatedHostProblem(typeName: string, purchase: string): string | undefined {
  if (purchase !== 'dedicated-host') return undefined;
  const type = instanceType(typeName);
  if (!type || Object.hasOwn(CATALOG.dedicatedHosts, type.family)) return undefined;
  const families = Object.keys(CATALOG.dedicatedHosts);
  return `the catalog has Dedicated Hosts for the ${families.join(', ')} ${families.length === 1 ? 'family' : 'families'}, not ${type.family}: use a ${families.map((f) => `${f}.*`).join(' or ')} type on the host, or another purchase option`;
}

function formatList(values: readonly number[]): string {
  const text = values.map(String);
  return text.length <= 1 ? (text[0] ?? '') : `${text.slice(0, -1).join(', ')} or ${text[text.length - 1] ?? ''}`;
}

function containerProblems(level: Level, tier: ContainerTier, path: Path): Problem[] {
  const problems: Problem[] = [];
  const {vcpu, memoryGb} = tier.task;
  if (tier.launchType === 'fargate' && !isValidFargateSize(vcpu, memoryGb)) {
    const combo = CATALOG.fargate.combos.find((c) => c.vcpu === vcpu);
    problems.push(
      combo
        ? {path: [...path, 'task', 'memoryGb'], message: `a Fargate task with ${vcpu} vCPU takes ${formatList(combo.memoryGb)} GB of memory, not ${memoryGb}`}
        : {path: [...path, 'task', 'vcpu'], message: `a Fargate task has ${formatList(CATALOG.fargate.combos.map((c) => c.vcpu))} vCPU, not ${vcpu}`},
    );
  }
  // What AWS refuses (docs/MODEL.md lists these, with sources): EKS runs Fargate pods on x86_64 only and has no
  // Fargate Spot (aws/containers-roadmap #1629 and #622, open on 2026-12-02). ECS Fargate Spot takes arm64 since 2024-09-06.
  if (tier.launchType === 'fargate' && tier.compute === 'eks' && tier.architecture === 'arm') {
    problems.push({path: [...path, 'architecture'], message: `Amazon EKS runs Fargate pods on x86_64 only: set architecture: x86, or use compute: ecs for arm64 (Graviton) Fargate tasks`});
  }
  if (tier.launchType === 'fargate' && tier.compute === 'eks' && tier.spot) {
    problems.push({path: [...path, 'spot'], message: `Amazon EKS has no Fargate Spot: set spot: false, or use compute: ecs (Fargate Spot is an ECS capacity provider)`});
  }
  if (tier.launchType === 'ec2') {
    if (!tier.cluster) {
      problems.push({path: [...path, 'cluster'], message: `launch type ec2 needs a cluster of instances: add cluster: {instanceType, count}, or use launchType: fargate`});
    } else {
      const clusterPath = [...path, 'cluster', 'instanceType'];
      const typeProblems = instanceTypeProblems(level, tier.cluster.instanceType, clusterPath);
      problems.push(...typeProblems);
      const hostProblem = dedicatedHostProblem(tier.cluster.instanceType, tier.cluster.purchase);
      if (hostProblem) problems.push({path: [...path, 'cluster', 'purchase'], message: hostProblem});
      const type = instanceType(tier.cluster.instanceType);
      const registered = type ? registeredMemoryMiB(type) : 0;
      if (type && (vcpu > type.vcpu || taskMemoryMiB(memoryGb) > registered)) {
        problems.push({
          path: [...path, 'task'],
          message: `a task of ${vcpu} vCPU / ${memoryGb} GB (${taskMemoryMiB(memoryGb)} MiB) does not fit on a ${tier.cluster.instanceType} (${type.vcpu} vCPU; ${type.memoryGiB} GiB, of which ECS registers ${registered.toLocaleString('en-US')} MiB for tasks): use a smaller task or a larger cluster instance type`,
        });
      }
      if (type && type.arch !== tier.architecture) {
        problems.push({
          path: [...path, 'architecture'],
          message: `an ${tier.architecture === 'arm' ? 'arm64' : 'x86_64'} task cannot run on a ${tier.cluster.instanceType} (${type.arch === 'arm' ? 'arm64, Graviton' : 'x86_64'}): set architecture: ${type.arch}, or pick a cluster instance type built for ${tier.architecture === 'arm' ? 'arm64 (a Graviton type such as m6g, c6g, t4g)' : 'x86_64 (such as m5, c5, t3)'}`,
        });
      }
    }
  }
  problems.push(...scalingProblems(tier, path));
  return problems;
}

function lambdaProblems(tier: LambdaTier, path: Path): Problem[] {
  const limits = CATALOG.lambda;
  const problems: Problem[] = [];
  // 128–10,240 MB in 1 MB steps: https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html
  if (tier.memoryMb < limits.memoryMbMin || tier.memoryMb > limits.memoryMbMax || !Number.isInteger(tier.memoryMb)) {
    problems.push({path: [...path, 'memoryMb'], message: `Lambda memory is ${limits.memoryMbMin}–${limits.memoryMbMax} MB in 1 MB steps, not ${tier.memoryMb}`});
  }
  if (tier.timeoutSeconds > limits.timeoutSecondsMax) {
    problems.push({
      path: [...path, 'timeoutSeconds'],
      message: `a Lambda function times out after at most ${limits.timeoutSecondsMax} s (15 minutes), not ${tier.timeoutSeconds}: lower it, or run long work on Fargate or EC2`,
    });
  }
  // Reserved concurrency may take the account's unreserved pool down to 100, never lower:
  // https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html
  const maxReserved = limits.defaultConcurrencyLimit - limits.minUnreservedConcurrency;
  const reserved = tier.reservedConcurrency;
  if (reserved !== undefined && reserved > maxReserved) {
    problems.push({
      path: [...path, 'reservedConcurrency'],
      message: `reserved concurrency ${reserved} is above ${maxReserved}: the account has ${limits.defaultConcurrencyLimit} concurrent executions and keeps ${limits.minUnreservedConcurrency} unreserved`,
    });
  }
  // Provisioned concurrency cannot exceed the function's reserved concurrency:
  // https://docs.aws.amazon.com/lambda/latest/dg/provisioned-concurrency.html
  if (reserved !== undefined && tier.provisionedConcurrency > reserved) {
    problems.push({
      path: [...path, 'provisionedConcurrency'],
      message: `provisioned concurrency ${tier.provisionedConcurrency} is above the reserved concurrency ${reserved}: lower it or reserve more`,
    });
  } else if (reserved === undefined && tier.provisionedConcurrency > maxReserved) {
    problems.push({
      path: [...path, 'provisionedConcurrency'],
      message: `provisioned concurrency ${tier.provisionedConcurrency} is above ${maxReserved}: the account keeps ${limits.minUnreservedConcurrency} of its ${limits.defaultConcurrencyLimit} executions unreserved`,
    });
  }
  return problems;
}

/**
 * The trigger a workload needs on Lambda (#14): synchronous web requests come through an API front door (API Gateway,
 * a function URL or an ALB: `api`); events come from their source (S3 notifications, an SQS queue, a schedule); a
 * batch of jobs is started by a schedule (EventBridge Scheduler).
 */
export function triggerFor(workload: Workload): Trigger {
  switch (workload.kind) {
    case 'web':
      return 'api';
    case 'events':
      return workload.source;
    case 'jobs':
      return 'schedule';
  }
}

const TRIGGER_WHY: Record<Workload['kind'], string> = {
  web: 'web requests wait for an answer, so they reach a function through an API front door (API Gateway, a function URL or an ALB)',
  events: 'events reach a function from where they happen',
  jobs: 'a batch of jobs is started on a schedule',
};

function triggerProblems(tier: LambdaTier, workload: Workload | undefined, path: Path): Problem[] {
  if (!workload) return [];
  const wanted = triggerFor(workload);
  if (tier.trigger === wanted) return [];
  const source = workload.kind === 'events' ? ` (this workload's events come from ${workload.source})` : '';
  return [
    {
      path: [...path, 'trigger'],
      message: `a ${workload.kind} workload on Lambda cannot be invoked by trigger ${tier.trigger}: ${TRIGGER_WHY[workload.kind]}${source}. Set trigger: ${wanted}`,
    },
  ];
}

function tierProblems(level: Level, tier: Tier, path: Path): Problem[] {
  if (!level.allow.compute.includes(tier.compute)) {
    return [{path: [...path, 'compute'], message: `compute "${tier.compute}" is not allowed in this level: use ${level.allow.compute.join(' or ')}`}];
  }
  const problems: Problem[] = [];
  switch (tier.compute) {
    case 'ec2':
      problems.push(...instanceTypeProblems(level, tier.instanceType, [...path, 'instanceType']), ...scalingProblems(tier, path), ...ec2TierProblems(tier, path));
      break;
    case 'ecs':
    case 'eks':
      problems.push(...containerProblems(level, tier, path));
      break;
    case 'lambda':
      problems.push(...lambdaProblems(tier, path), ...triggerProblems(tier, level.workloads.find((w) => w.id === tier.workload), path));
      break;
  }
  problems.push(...featureProblems(level, tier, path));
  return problems;
}

/** Semantic problems in a solution for this level; [] when it can run. */
export function checkSolution(level: Level, solution: Solution): Problem[] {
  const problems: Problem[] = [];
  if (solution.level !== level.id) {
    problems.push({path: ['level'], message: `this solution is for level "${solution.level}", not "${level.id}": set level: ${level.id}`});
  }
  const workloadIds = level.workloads.map((w) => w.id);
  const firstTier = new Map<string, number>();
  solution.tiers.forEach((tier, index) => {
    const path: Path = ['tiers', index];
    if (!workloadIds.includes(tier.workload)) {
      problems.push({path: [...path, 'workload'], message: `level "${level.id}" has no workload "${tier.workload}": use ${workloadIds.join(' or ')}`});
      return;
    }
    const earlier = firstTier.get(tier.workload);
    if (earlier !== undefined) {
      problems.push({path: [...path, 'workload'], message: `workload "${tier.workload}" already has a tier (tiers[${earlier}]): one tier per workload, remove one`});
      return;
    }
    firstTier.set(tier.workload, index);
    problems.push(...tierProblems(level, tier, path));
  });
  for (const id of workloadIds) {
    if (!firstTier.has(id)) problems.push({path: ['tiers'], message: `workload "${id}" has no tier: add a tier with workload: ${id}`});
  }
  // Checked before any run: a build too big to simulate in seconds is a problem, never a hang.
  problems.push(...workBudgetProblems(level, solution.tiers));
  return problems;
}
