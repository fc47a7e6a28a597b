// Cost meters: quantities in AWS's own units, accumulated over the horizon, priced once at the end in integer
// micro-dollars, then scaled to a 730-hour month. A per-bucket spend rate is kept (floats) for the timeline only.
import {HOURS_PER_MONTH} from '../time.js';
import type {CostLine} from '../types.js';
import {bucketTable} from './context.js';

export interface MeterSpec {
  item: string;
  unit: string;
  unitPriceUsd: number;
  workload?: string;
  /** Quantity added is divided by this before pricing (e.g. instance-minutes → instance-hours: 60). */
  per?: number;
}

/** One cost line's meter. Get it once with `Meters.meter` and add to it every minute (no lookups in the loop). */
export class Meter {
  raw = 0;
  private readonly usdPerRaw: number;
  // The owner's timeline buckets, held here: this runs several times per tier per minute.
  private readonly bucketUsd: Float64Array;
  private readonly bucketMinutes: number;
  private readonly bucketOf: Int32Array;

  constructor(
    readonly spec: MeterSpec,
    private readonly owner: Meters,
  ) {
    this.usdPerRaw = spec.unitPriceUsd / (spec.per ?? 1);
    this.bucketUsd = owner.bucketUsd;
    this.bucketMinutes = owner.bucketMinutes;
    this.bucketOf = bucketTable(owner.bucketMinutes, owner.bucketUsd.length * owner.bucketMinutes);
  }

  /** Add `raw` units (before `per`) at a minute; `idleShare` of it counts as idle capacity. */
  add(raw: number, minute: number, idleShare = 0): void {
    raw *= this.owner.weight;
    if (raw === 0) return;
    this.raw += raw;
    const usd = raw * this.usdPerRaw;
    const bucket = this.bucketOf[minute] ?? Math.floor(minute / this.bucketMinutes);
    const buckets = this.bucketUsd;
    if (bucket >= 0 && bucket < buckets.length) buckets[bucket] = (buckets[bucket] as number) + usd;
    if (idleShare > 0) this.owner.idleUsd += usd * Math.min(1, idleShare);
  }
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

  /** The meter for a key (created with `spec` the first time). A meter never added to makes no line. */
  meter(key: string, spec: MeterSpec): Meter {
    let meter = this.meters.get(key);
    if (!meter) {
      meter = new Meter(spec, this);
      this.meters.set(key, meter);
    }
    return meter;
  }

  /** Add `raw` units (before `per`) to a meter at a minute; `idleShare` of it counts as idle capacity. */
  add(key: string, spec: MeterSpec, raw: number, minute: number, idleShare = 0): void {
    if (raw * this.weight === 0) return;
    this.meter(key, spec).add(raw, minute, idleShare);
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
      if (meter.raw === 0) continue;
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
