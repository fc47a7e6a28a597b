// The values a builder field steps through. Steps are choices a player can reason about (not every integer);
// the current value is always kept in the list, so cycling from a value loaded from a file never jumps away.
import {CATALOG, type Level} from '../../engine/index.js';

export const COUNT_STEPS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 24, 32] as const;
/** Auto Scaling minimum may be 0 (scale to nothing when idle). */
export const MIN_COUNT_STEPS = [0, ...COUNT_STEPS] as const;
export const TARGET_CPU_STEPS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9] as const;
export const ROOT_VOLUME_GB_STEPS = [8, 16, 20, 30, 50, 100, 200] as const;
/** 1,769 MB is the size at which a function has one full vCPU. */
export const LAMBDA_MEMORY_MB_STEPS = [128, 256, 512, 1024, CATALOG.lambda.mbPerVcpu, 2048, 3008, 4096, 6144, 8192, CATALOG.lambda.memoryMbMax] as const;
export const LAMBDA_TIMEOUT_SECONDS_STEPS = [3, 10, 30, 60, 120, 300, 600, CATALOG.lambda.timeoutSecondsMax] as const;
/** Reserved concurrency may take the account's unreserved pool down to its minimum, never lower. */
export const MAX_RESERVED_CONCURRENCY = CATALOG.lambda.defaultConcurrencyLimit - CATALOG.lambda.minUnreservedConcurrency;
export const RESERVED_CONCURRENCY_STEPS = [10, 25, 50, 100, 200, 500, MAX_RESERVED_CONCURRENCY] as const;
export const PROVISIONED_CONCURRENCY_STEPS = [0, 1, 2, 5, 10, 25, 50, 100, 200, 500] as const;

/** Sorted, without duplicates, always including `current`. */
export function withCurrent(steps: readonly number[], current: number): number[] {
  return [...new Set([...steps, current])].sort((a, b) => a - b);
}

/** Instance types by family, then smallest (cheapest) first within a family: t3.nano, t3.micro, … */
export function byFamilyAndSize(a: string, b: string): number {
  const ta = CATALOG.instanceTypes[a];
  const tb = CATALOG.instanceTypes[b];
  if (!ta || !tb) return a < b ? -1 : a > b ? 1 : 0;
  if (ta.family !== tb.family) return ta.family < tb.family ? -1 : 1;
  return ta.usdPerHour - tb.usdPerHour || ta.vcpu - tb.vcpu;
}

/** The instance types this level offers, by family and size (the current one kept if a file named another). */
export function instanceTypeChoices(level: Level, current: string): string[] {
  const all = Object.keys(CATALOG.instanceTypes);
  const allowed = level.allow.instanceTypes;
  const offered = (allowed ? all.filter((name) => allowed.includes(name)) : all).sort(byFamilyAndSize);
  return offered.includes(current) || current === '' ? offered : [current, ...offered];
}

export function fargateVcpuChoices(): number[] {
  return CATALOG.fargate.combos.map((combo) => combo.vcpu);
}

/** Fargate: the memory sizes valid for this vCPU. Tasks on EC2 instances: any size Fargate knows. */
export function taskMemoryChoices(vcpu: number, fargate: boolean): number[] {
  if (fargate) return [...(CATALOG.fargate.combos.find((combo) => combo.vcpu === vcpu)?.memoryGb ?? [])];
  return [...new Set(CATALOG.fargate.combos.flatMap((combo) => combo.memoryGb))].sort((a, b) => a - b);
}

/** The valid Fargate memory nearest to `memoryGb` for this vCPU (ties go to the smaller). */
export function nearestFargateMemory(vcpu: number, memoryGb: number): number {
  const choices = taskMemoryChoices(vcpu, true);
  let best = choices[0] ?? memoryGb;
  for (const gb of choices) if (Math.abs(gb - memoryGb) < Math.abs(best - memoryGb)) best = gb;
  return best;
}

/** The Fargate vCPU nearest to `vcpu`. */
export function nearestFargateVcpu(vcpu: number): number {
  const choices = fargateVcpuChoices();
  let best = choices[0] ?? vcpu;
  for (const v of choices) if (Math.abs(v - vcpu) < Math.abs(best - vcpu)) best = v;
  return best;
}

export function isBurstable(typeName: string): boolean {
  return CATALOG.instanceTypes[typeName]?.burst !== undefined;
}

/** The next value in a list after `current`, wrapping; `delta` is +1 or -1. A value not in the list starts at the ends. */
export function cycle<T>(values: readonly T[], current: T, delta: number): T | undefined {
  if (values.length === 0) return undefined;
  const index = values.indexOf(current);
  if (index < 0) return delta > 0 ? values[0] : values[values.length - 1];
  return values[(index + delta + values.length) % values.length];
}
