// Burstable instances (T3/T4g): 1 CPU credit = one vCPU at 100% for one minute. A running instance earns
// creditsEarnedPerHour (= baseline × vCPU × 60) and spends what it uses; the bank holds at most maxCredits.
// Standard mode: with an empty bank the instance is held to its baseline. Unlimited mode: it keeps going on surplus
// credits, as AWS accounts them: later earnings pay the surplus back first; surplus beyond what the instance can
// earn in 24 hours is charged as it is spent, and what is still owed is charged when the instance stops or
// terminates (or at the end of the run). A unit starts with AWS's launch credits (0 for T3/T4g).
import {instanceType} from '../catalog.js';
import type {CreditMode} from '../vocab.js';
import type {Unit} from './units.js';

export interface BurstModel {
  baselinePerVcpu: number;
  earnedPerMinute: number;
  maxCredits: number;
  launchCredits: number;
  /** Surplus an unlimited instance may owe before it is charged: what it can earn in 24 hours. */
  maxOwed: number;
  unlimited: boolean;
}

export function burstModel(typeName: string, mode: CreditMode): BurstModel | null {
  const burst = instanceType(typeName)?.burst;
  if (!burst) return null;
  return {
    baselinePerVcpu: burst.baselinePerVcpu,
    earnedPerMinute: burst.creditsEarnedPerHour / 60,
    maxCredits: burst.maxCredits,
    launchCredits: burst.launchCredits,
    maxOwed: burst.creditsEarnedPerHour * 24,
    unlimited: mode === 'unlimited',
  };
}

/** vCPU-minutes a unit may use this minute: all of its vCPUs, or in standard mode what its bank allows. */
export function creditCapVcpuMin(model: BurstModel | null, unit: Unit, vcpu: number): number {
  if (!model || model.unlimited) return vcpu;
  return Math.min(vcpu, Math.max(0, unit.credits) + model.earnedPerMinute);
}

/**
 * Books a minute of use; returns the surplus credits charged this minute (unlimited mode: owed beyond 24 hours of
 * earnings). Earnings pay back what the unit owes before they fill the bank.
 */
export function spendCredits(model: BurstModel | null, unit: Unit, usedVcpuMin: number): number {
  if (!model) return 0;
  let balance = unit.credits + model.earnedPerMinute - usedVcpuMin;
  if (balance >= 0) {
    if (unit.surplusOwed > 0) {
      const repaid = Math.min(unit.surplusOwed, balance);
      unit.surplusOwed -= repaid;
      balance -= repaid;
    }
    unit.credits = Math.min(model.maxCredits, balance);
    return 0;
  }
  unit.credits = 0;
  if (!model.unlimited) return 0;
  unit.surplusOwed += -balance;
  if (unit.surplusOwed <= model.maxOwed) return 0;
  const charged = unit.surplusOwed - model.maxOwed;
  unit.surplusOwed = model.maxOwed;
  return charged;
}

/** Surplus a unit still owes, charged now (it stopped or terminated, or the run ended). */
export function settleSurplus(unit: Unit): number {
  const owed = unit.surplusOwed;
  unit.surplusOwed = 0;
  return owed;
}
