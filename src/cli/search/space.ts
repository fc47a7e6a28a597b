// The builds a level allows, as a finite space the search can walk (#14): for each workload, one choice per compute
// kind the level allows, and for each field a feature lets the player change, a list of values to try. A field no
// allowed feature governs keeps the level's start value (what `checkSolution` enforces). Pure: no I/O, no clock.
import {
  ARCHITECTURES,
  CATALOG,
  CLUSTER_DEFAULTS,
  CREDIT_MODES,
  IDENTITIES,
  IMAGES,
  INBOUND_RULES,
  LAUNCH_TYPES,
  LOAD_BALANCERS,
  NETWORKS,
  PURCHASE_OPTIONS,
  RUNTIMES,
  SCHEDULES,
  canonicalJson,
  instanceType,
  triggerFor,
  withDefaults,
  type ComputeKind,
  type Feature,
  type Level,
  type Tier,
} from '../../engine/index.js';

/** One field of a tier the search may change: its path in the tier, and the values to try (index 0 first). */
export interface Dimension {
  path: readonly string[];
  values: readonly unknown[];
}

/** One way to serve a workload: a compute kind, the tier it starts from, the fields that may change. */
export interface Choice {
  compute: ComputeKind;
  template: Tier;
  dimensions: Dimension[];
}

export interface WorkloadSpace {
  workload: string;
  choices: Choice[];
}

export type Space = WorkloadSpace[];

/** A point in the space: per workload, the choice and an index into each of its dimensions' values. */
export interface Genome {
  choice: number[];
  /** [workload][choice][dimension] → value index. */
  values: number[][][];
}

const AZ_SETS = [['a'], ['b'], ['f'], ['a', 'b'], ['b', 'c'], ['e', 'f'], ['a', 'b', 'c']];
const COMMON_TYPES = ['t3.small', 't3.medium', 'm5.large', 'c5.large'];
const COUNTS = [1, 2, 3, 4, 6];
const TASK_COUNTS = [1, 2, 3, 4, 6, 8, 10, 12];
const TARGETS = [0.5, 0.6, 0.7, 0.8];
const MEMORY_MB = [128, 256, 512, 1024, 1536, 1769, 2048, 3008, 4096, 10240];
const TIMEOUTS = [3, 10, 30, 60, 300, 900];
const RESERVED = [undefined, 10, 50, 100];
const PROVISIONED = [0, 1, 2, 5, 20];

function subsets<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let mask = 0; mask < 1 << items.length; mask++) out.push(items.filter((_, i) => (mask & (1 << i)) !== 0));
  return out;
}

function ec2Scalings(): unknown[] {
  const out: unknown[] = [undefined];
  for (const min of [1, 2, 3]) for (const max of [min, min + 1, min + 2, min * 2 + 2]) for (const targetCpu of TARGETS) out.push({min, max, targetCpu});
  return out;
}

function taskScalings(): unknown[] {
  const out: unknown[] = [undefined];
  for (const min of [1, 2, 3, 4]) for (const max of [4, 6, 8, 12, 16]) if (max >= min) for (const targetCpu of TARGETS) out.push({min, max, targetCpu});
  return out;
}

function fargateSizes(): unknown[] {
  const out: unknown[] = [];
  for (const combo of CATALOG.fargate.combos) {
    if (combo.vcpu > 4) continue;
    for (const memoryGb of combo.memoryGb) if (memoryGb <= 16) out.push({vcpu: combo.vcpu, memoryGb});
  }
  return out;
}

const family = (compute: ComputeKind): string => (compute === 'ecs' || compute === 'eks' ? 'containers' : compute);

/** The tier a player opens with for this workload and compute kind (as `checkSolution` compares fields with it). */
export function templateTier(level: Level, workload: string, compute: ComputeKind): Tier {
  const start = level.start.tiers.find((t) => t.workload === workload && family(t.compute) === family(compute));
  if (start) return structuredClone({...start, compute} as Tier);
  const fresh = withDefaults({workload, compute} as Parameters<typeof withDefaults>[0]);
  const served = level.workloads.find((w) => w.id === workload);
  if (fresh.compute === 'lambda' && served) fresh.trigger = triggerFor(served);
  return fresh;
}

/** Fields a feature governs, per compute family, and the values to try for each. */
function candidates(level: Level, compute: ComputeKind, types: readonly string[]): {path: string[]; feature: Feature | 'compute'; values: unknown[]}[] {
  if (compute === 'ec2') {
    return [
      {path: ['instanceType'], feature: 'instanceType', values: [...types]},
      {path: ['count'], feature: 'count', values: COUNTS},
      {path: ['scaling'], feature: 'autoScaling', values: ec2Scalings()},
      {path: ['azs'], feature: 'multiAz', values: AZ_SETS},
      {path: ['purchase'], feature: 'purchase', values: [...PURCHASE_OPTIONS]},
      {path: ['image'], feature: 'image', values: [...IMAGES]},
      {path: ['schedule'], feature: 'schedule', values: [...SCHEDULES]},
      {path: ['encryptedRoot'], feature: 'schedule', values: [false, true]},
      {path: ['creditMode'], feature: 'creditMode', values: [...CREDIT_MODES]},
      {path: ['loadBalancer'], feature: 'loadBalancer', values: [...LOAD_BALANCERS]},
      {path: ['network'], feature: 'network', values: [...NETWORKS]},
      {path: ['inbound'], feature: 'security', values: subsets(INBOUND_RULES)},
      {path: ['identity'], feature: 'security', values: [...IDENTITIES]},
    ];
  }
  if (compute === 'lambda') {
    return [
      {path: ['memoryMb'], feature: 'lambdaConfig', values: MEMORY_MB},
      {path: ['timeoutSeconds'], feature: 'lambdaConfig', values: TIMEOUTS},
      {path: ['architecture'], feature: 'lambdaConfig', values: [...ARCHITECTURES]},
      {path: ['runtime'], feature: 'lambdaConfig', values: [...RUNTIMES]},
      {path: ['reservedConcurrency'], feature: 'concurrency', values: RESERVED},
      {path: ['provisionedConcurrency'], feature: 'concurrency', values: PROVISIONED},
    ];
  }
  return [
    {path: ['launchType'], feature: 'compute', values: [...LAUNCH_TYPES]},
    {path: ['task'], feature: 'taskSize', values: fargateSizes()},
    {path: ['architecture'], feature: 'taskSize', values: [...ARCHITECTURES]},
    {path: ['tasks'], feature: 'count', values: TASK_COUNTS},
    {path: ['scaling'], feature: 'autoScaling', values: taskScalings()},
    {path: ['spot'], feature: 'purchase', values: [false, true]},
    {path: ['azs'], feature: 'multiAz', values: AZ_SETS},
    {path: ['loadBalancer'], feature: 'loadBalancer', values: [...LOAD_BALANCERS]},
    {path: ['network'], feature: 'network', values: [...NETWORKS]},
    {path: ['cluster', 'instanceType'], feature: 'instanceType', values: [...types]},
    {path: ['cluster', 'count'], feature: 'count', values: COUNTS},
    {path: ['cluster', 'purchase'], feature: 'purchase', values: [...PURCHASE_OPTIONS]},
  ];
}

export function getPath(tier: Tier, path: readonly string[]): unknown {
  let value: unknown = tier;
  for (const key of path) value = value === undefined || value === null ? undefined : (value as Record<string, unknown>)[key];
  return value;
}

function setPath(tier: Tier, path: readonly string[], value: unknown): void {
  let node = tier as unknown as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = structuredClone(value);
}

/** Every build the level names (start, reference, counterexamples): their values join the lists to try. */
function namedTiers(level: Level): Tier[] {
  return [...level.start.tiers, ...level.reference.tiers, ...level.counterexamples.flatMap((c) => c.tiers)];
}

function withSeen(values: readonly unknown[], seen: readonly unknown[]): unknown[] {
  const out: unknown[] = [];
  const keys = new Set<string>();
  for (const value of [...values, ...seen]) {
    const key = value === undefined ? 'undefined' : canonicalJson(value);
    if (keys.has(key)) continue;
    keys.add(key);
    out.push(value);
  }
  return out;
}

/** The space of builds the level allows. */
export function buildSpace(level: Level): Space {
  const allowed = new Set<Feature | 'compute'>([...level.allow.features, 'compute']);
  const named = namedTiers(level);
  const types = level.allow.instanceTypes ?? withSeen(COMMON_TYPES, named.flatMap((t) => (t.compute === 'ec2' ? [t.instanceType] : t.compute !== 'lambda' && t.cluster ? [t.cluster.instanceType] : []))).filter((t): t is string => typeof t === 'string' && instanceType(t) !== undefined);
  return level.workloads.map((workload) => {
    const choices: Choice[] = level.allow.compute.map((compute) => {
      const template = templateTier(level, workload.id, compute);
      const seenTiers = named.filter((t) => t.workload === workload.id && t.compute === compute);
      const dimensions: Dimension[] = [];
      for (const candidate of candidates(level, compute, types)) {
        if (!allowed.has(candidate.feature)) continue;
        const seen = seenTiers.map((t) => getPath(t, candidate.path)).filter((v) => v !== undefined || candidate.path[0] === 'scaling' || candidate.path[0] === 'reservedConcurrency');
        const current = getPath(template, candidate.path);
        // The template's own value first, so index 0 everywhere is the template.
        const values = withSeen(current === undefined && candidate.path[0] === 'cluster' ? [] : [current], [...candidate.values, ...seen]);
        if (values.length > 1) dimensions.push({path: candidate.path, values});
      }
      return {compute, template, dimensions};
    });
    return {workload: workload.id, choices};
  });
}

/** The tiers a genome stands for (a fresh copy). */
export function decode(space: Space, genome: Genome): Tier[] {
  return space.map((ws, w) => {
    const c = genome.choice[w] ?? 0;
    const choice = ws.choices[c] as Choice;
    const tier = structuredClone(choice.template);
    choice.dimensions.forEach((dim, d) => setPath(tier, dim.path, dim.values[genome.values[w]?.[c]?.[d] ?? 0]));
    if (tier.compute === 'ecs' || tier.compute === 'eks') {
      if (tier.launchType === 'fargate') delete (tier as {cluster?: unknown}).cluster;
      else tier.cluster = {...CLUSTER_DEFAULTS, instanceType: 'c5.large', ...(tier.cluster ?? {})};
    }
    return tier;
  });
}

/**
 * A build without the fields its run ignores (a fixed count under scaling, a cluster under Fargate), so builds that
 * behave the same are one build to the search's cache and diffs.
 */
export function canonicalBuild(tiers: readonly Tier[]): Tier[] {
  return tiers.map((tier) => {
    const out = {...tier} as Record<string, unknown>;
    if (tier.compute !== 'lambda' && tier.scaling) delete out[tier.compute === 'ec2' ? 'count' : 'tasks'];
    if ((tier.compute === 'ecs' || tier.compute === 'eks') && tier.launchType === 'fargate') delete out.cluster;
    for (const [k, v] of Object.entries(out)) if (v === undefined) delete out[k];
    return out as unknown as Tier;
  });
}

/** The genome of the space's starting point: each workload's first choice, every value at the template's. */
export function originGenome(space: Space): Genome {
  return {choice: space.map(() => 0), values: space.map((ws) => ws.choices.map((c) => c.dimensions.map(() => 0)))};
}

/** The genome closest to a named build: its compute choice, and the index of each of its values (0 when absent). */
export function encode(space: Space, tiers: readonly Tier[]): Genome {
  const genome = originGenome(space);
  space.forEach((ws, w) => {
    const tier = tiers.find((t) => t.workload === ws.workload);
    if (!tier) return;
    const c = ws.choices.findIndex((choice) => choice.compute === tier.compute);
    if (c < 0) return;
    genome.choice[w] = c;
    (ws.choices[c] as Choice).dimensions.forEach((dim, d) => {
      const want = getPath(tier, dim.path);
      const key = want === undefined ? 'undefined' : canonicalJson(want);
      const index = dim.values.findIndex((v) => (v === undefined ? 'undefined' : canonicalJson(v)) === key);
      (genome.values[w] as number[][])[c]![d] = Math.max(0, index);
    });
  });
  return genome;
}

export function cloneGenome(genome: Genome): Genome {
  return {choice: [...genome.choice], values: genome.values.map((w) => w.map((c) => [...c]))};
}

/** How many builds the space holds (for the report; it can be astronomically large). */
export function spaceSize(space: Space): number {
  let size = 1;
  for (const ws of space) {
    let sum = 0;
    for (const choice of ws.choices) sum += choice.dimensions.reduce((p, d) => p * d.values.length, 1);
    size *= sum;
  }
  return size;
}

/**
 * Every genome of a small space, in a fixed order (each workload's choices, each choice's dimensions like an
 * odometer): the values of the choices a genome does not use stay at 0, so no two genomes here differ only in
 * what they ignore. Undefined when the space holds more than `limit` genomes.
 */
export function allGenomes(space: Space, limit: number): Genome[] | undefined {
  if (spaceSize(space) > limit) return undefined;
  let genomes: Genome[] = [originGenome(space)];
  space.forEach((ws, w) => {
    const next: Genome[] = [];
    for (const genome of genomes) {
      ws.choices.forEach((choice, c) => {
        let partial: number[][] = [[]];
        for (const dim of choice.dimensions) partial = partial.flatMap((p) => dim.values.map((_, v) => [...p, v]));
        for (const values of partial) {
          const out = cloneGenome(genome);
          out.choice[w] = c;
          (out.values[w] as number[][])[c] = values;
          next.push(out);
        }
      });
    }
    genomes = next;
  });
  return genomes;
}
