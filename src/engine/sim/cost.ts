// Cost meters: quantities in AWS's own units, accumulated over the horizon, priced once at the end in integer
// micro-dollars, then scaled to a 730-hour month. A per-bucket spend rate is kept (floats) for the timeline only.
import {HOURS_PER_MONTH} from '../time.js';
import type {CostLine} from '../types.js';

export interface MeterSpec {
  item: string;
  unit: string;
  unitPriceUsd: number;
  workload?: string;
  /** Quantity added is divided by this before pricing (e.g. instance-minutes → instance-hours: 60). */
  per?: number;
}

interface Meter {
  spec: MeterSpec;
  raw: number;
}

export class Meters {
  private readonly meters = new Map<string, Meter>();
  readonly bucketUsd: Float64Array;
  /** Horizon USD of capacity that served nothing (see docs/MODEL.md, idle cost share). */
  idleUsd = 0;
  /** Every quantity added is multiplied by this (the estimate weights its sample minutes). */
  weight = 1;

  constructor(
    readonly horizonHours: number,
    readonly bucketMinutes: number,
    buckets: number,
  ) {
    this.bucketUsd = new Float64Array(buckets);
  }

  /** Add `raw` units (before `per`) to a meter at a minute; `idleShare` of it counts as idle capacity. */
  add(key: string, spec: MeterSpec, raw: number, minute: number, idleShare = 0): void {
    raw *= this.weight;
    if (raw === 0) return;
    let meter = this.meters.get(key);
    if (!meter) {
      meter = {spec, raw: 0};
      this.meters.set(key, meter);
    }
    meter.raw += raw;
    const usd = (raw / (spec.per ?? 1)) * spec.unitPriceUsd;
    const bucket = Math.floor(minute / this.bucketMinutes);
    if (bucket >= 0 && bucket < this.bucketUsd.length) this.bucketUsd[bucket] = (this.bucketUsd[bucket] ?? 0) + usd;
    if (idleShare > 0) this.idleUsd += usd * Math.min(1, idleShare);
  }

  /** Micro-dollars of one meter over `hoursScale` × the horizon (1: the horizon; 730 / horizon hours: a month). */
  private static microUsd(meter: Meter, hoursScale: number): number {
    return Math.round((meter.raw / (meter.spec.per ?? 1)) * meter.spec.unitPriceUsd * hoursScale * 1e6);
  }

  /** Cost lines per 730-hour month, in insertion order; and their total in integer micro-dollars. */
  lines(): {lines: CostLine[]; monthlyMicroUsd: number; horizonMicroUsd: number} {
    const toMonth = HOURS_PER_MONTH / this.horizonHours;
    const lines: CostLine[] = [];
    let monthlyMicroUsd = 0;
    let horizonMicroUsd = 0;
    for (const meter of this.meters.values()) {
      const micro = Meters.microUsd(meter, 1);
      const monthlyMicro = Meters.microUsd(meter, toMonth);
      horizonMicroUsd += micro;
      monthlyMicroUsd += monthlyMicro;
      const quantity = (meter.raw / (meter.spec.per ?? 1)) * toMonth;
      const line: CostLine = {
        item: meter.spec.item,
        unit: meter.spec.unit,
        quantity: roundTo(quantity, 4),
        unitPriceUsd: meter.spec.unitPriceUsd,
        usd: monthlyMicro / 1e6,
      };
      if (meter.spec.workload !== undefined) line.workload = meter.spec.workload;
      lines.push(line);
    }
    return {lines, monthlyMicroUsd, horizonMicroUsd};
  }
}

export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
