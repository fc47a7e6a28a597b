// Burstable instances (T3/T4g): 1 CPU credit = one vCPU at 100% for one minute. A running instance earns
// creditsEarnedPerHour (= baseline × vCPU × 60) and spends what it uses; the bank holds at most maxCredits.
// Standard mode: with an empty bank the instance is held to its baseline. Unlimited mode: it keeps going and the
// surplus credits are billed (we bill them as they are spent; AWS first lets later earnings pay them back, so for
// short bursts this is an upper bound and for sustained load — what the game teaches — it is the same).
import {instanceType} from '../catalog.js';
import type {CreditMode} from '../vocab.js';
import type {Unit} from './units.js';

export interface BurstModel {
  baselinePerVcpu: number;
  earnedPerMinute: number;
  maxCredits: number;
  launchCredits: number;
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
    unlimited: mode === 'unlimited',
  };
}

/** vCPU-minutes a unit may use this minute: all of its vCPUs, or in standard mode what its bank allows. */
export function creditCapVcpuMin(model: BurstModel | null, unit: Unit, vcpu: number): number {
  if (!model || model.unlimited) return vcpu;
  return Math.min(vcpu, Math.max(0, unit.credits) + model.earnedPerMinute);
}

/** Books a minute of use: returns surplus credits spent (unlimited mode past an empty bank; billed). */
export function spendCredits(model: BurstModel | null, unit: Unit, usedVcpuMin: number): number {
  if (!model) return 0;
  let balance = unit.credits + model.earnedPerMinute - usedVcpuMin;
  let surplus = 0;
  if (balance < 0) {
    surplus = model.unlimited ? -balance : 0;
    balance = 0;
  }
  unit.credits = Math.min(model.maxCredits, balance);
  return surplus;
}
