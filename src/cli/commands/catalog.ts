// rightsize catalog [--json]: the instance types, Fargate sizes and Lambda limits the game knows, with their prices,
// read from the same catalog the simulation bills from (assets/catalog.json). The JSON shape is documented in
// docs/CATALOG.md ("rightsize catalog --json").
import {CATALOG, type Source} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {formatUnitPrice, formatUsd} from '../format.js';
import type {Io} from '../io.js';
import {renderTable} from '../table.js';
import {hanging} from '../wrap.js';

/** Hours in the month every monthly figure uses (DESIGN §2). */
const HOURS_PER_MONTH = 730;
/** Piped output wraps its prose to the smallest supported terminal, so it reads in a file or a pager. */
const PIPE_COLUMNS = 80;

export interface CatalogListing {
  region: string;
  currency: 'USD';
  /** When the catalog was last checked (YYYY-MM-DD). */
  retrieved: string;
  hoursPerMonth: number;
  instanceTypes: {
    name: string;
    family: string;
    arch: 'x86' | 'arm';
    vcpu: number;
    memoryGiB: number;
    usdPerHour: number;
    usdPerMonth: number;
    /** Burstable (T3/T4g): the baseline share of each vCPU and the credits earned per hour; null otherwise. */
    burst: {baselinePerVcpu: number; creditsEarnedPerHour: number; maxCredits: number} | null;
    hibernation: boolean;
    source: Source;
  }[];
  purchaseOptions: {spotDiscount: number; savingsPlanDiscount: number; dedicatedInstancePriceFactor: number; dedicatedRegionFeeUsdPerHour: number};
  fargate: {
    x86: {usdPerVcpuHour: number; usdPerGbHour: number};
    arm: {usdPerVcpuHour: number; usdPerGbHour: number};
    spotDiscount: number;
    minimumBillingSeconds: number;
    /** Every valid task size, priced on-demand. */
    sizes: {vcpu: number; memoryGb: number; x86UsdPerHour: number; armUsdPerHour: number}[];
    source: Source;
  };
  lambda: {
    memoryMbMin: number;
    memoryMbMax: number;
    mbPerVcpu: number;
    timeoutSecondsMax: number;
    defaultConcurrencyLimit: number;
    minUnreservedConcurrency: number;
    usdPerMillionRequests: number;
    x86: {usdPerGbSecond: number; provisionedUsdPerGbSecond: number; provisionedDurationUsdPerGbSecond: number};
    arm: {usdPerGbSecond: number; provisionedUsdPerGbSecond: number; provisionedDurationUsdPerGbSecond: number};
    source: Source;
  };
  /** The other lines a build can bill: EBS, public IPv4, ALB, NAT gateway, EKS, API Gateway. */
  other: {item: string; usd: number; unit: string; source: Source}[];
}

/** Rounded to the micro-dollar, so derived prices print without float noise. */
const micro = (usd: number): number => Math.round(usd * 1e6) / 1e6;

export function catalogListing(): CatalogListing {
  const c = CATALOG;
  const price = (arch: 'x86' | 'arm', vcpu: number, gb: number) => micro(vcpu * c.fargate[arch].usdPerVcpuHour + gb * c.fargate[arch].usdPerGbHour);
  return {
    region: c.region,
    currency: c.currency,
    retrieved: c.retrieved,
    hoursPerMonth: HOURS_PER_MONTH,
    instanceTypes: Object.entries(c.instanceTypes)
      .map(([name, t]) => ({
        name,
        family: t.family,
        arch: t.arch,
        vcpu: t.vcpu,
        memoryGiB: t.memoryGiB,
        usdPerHour: t.usdPerHour,
        usdPerMonth: micro(t.usdPerHour * HOURS_PER_MONTH),
        burst: t.burst ? {baselinePerVcpu: t.burst.baselinePerVcpu, creditsEarnedPerHour: t.burst.creditsEarnedPerHour, maxCredits: t.burst.maxCredits} : null,
        hibernation: t.hibernation,
        source: t.source,
      }))
      .sort((a, b) => a.family.localeCompare(b.family) || a.vcpu - b.vcpu || a.memoryGiB - b.memoryGiB || a.name.localeCompare(b.name)),
    purchaseOptions: {
      spotDiscount: c.spot.typicalDiscount,
      savingsPlanDiscount: c.savingsPlan.computeDiscount,
      dedicatedInstancePriceFactor: c.dedicatedInstance.priceFactor,
      dedicatedRegionFeeUsdPerHour: c.dedicatedInstance.regionFeeUsdPerHour,
    },
    fargate: {
      x86: {...c.fargate.x86},
      arm: {...c.fargate.arm},
      spotDiscount: c.fargate.spotDiscount,
      minimumBillingSeconds: c.fargate.minimumBillingSeconds,
      sizes: c.fargate.combos.flatMap((combo) => combo.memoryGb.map((gb) => ({vcpu: combo.vcpu, memoryGb: gb, x86UsdPerHour: price('x86', combo.vcpu, gb), armUsdPerHour: price('arm', combo.vcpu, gb)}))),
      source: c.fargate.source,
    },
    lambda: {
      memoryMbMin: c.lambda.memoryMbMin,
      memoryMbMax: c.lambda.memoryMbMax,
      mbPerVcpu: c.lambda.mbPerVcpu,
      timeoutSecondsMax: c.lambda.timeoutSecondsMax,
      defaultConcurrencyLimit: c.lambda.defaultConcurrencyLimit,
      minUnreservedConcurrency: c.lambda.minUnreservedConcurrency,
      usdPerMillionRequests: c.lambda.usdPerMillionRequests,
      x86: {...c.lambda.x86},
      arm: {...c.lambda.arm},
      source: c.lambda.source,
    },
    other: [
      {item: 'EBS gp3 storage', usd: c.ebs.gp3UsdPerGbMonth, unit: 'GB-month', source: c.ebs.source},
      {item: 'public IPv4 address', usd: c.publicIpv4.usdPerHour, unit: 'hour', source: c.publicIpv4.source},
      {item: 'Application Load Balancer', usd: c.alb.usdPerHour, unit: 'hour', source: c.alb.source},
      {item: 'ALB capacity unit', usd: c.alb.usdPerLcuHour, unit: 'LCU-hour', source: c.alb.source},
      {item: 'NAT gateway', usd: c.natGateway.usdPerHour, unit: 'hour', source: c.natGateway.source},
      {item: 'NAT gateway data processed', usd: c.natGateway.usdPerGbProcessed, unit: 'GB', source: c.natGateway.source},
      {item: 'EKS cluster', usd: c.eks.usdPerClusterHour, unit: 'cluster-hour', source: c.eks.source},
      {item: 'API Gateway HTTP API', usd: c.apiGateway.httpApiUsdPerMillionRequests, unit: 'million requests', source: c.apiGateway.source},
    ],
  };
}

const number = new Intl.NumberFormat('en-US', {maximumFractionDigits: 2});
const percent = (share: number): string => `${number.format(share * 100)}%`;
/** A task's hourly price to a hundredth of a cent: $0.0494. */
const hourly = (usd: number): string => `$${usd.toFixed(4)}`;

/** "4–16 GB in 1 GB steps", or the values listed when the steps differ. */
export function memoryRange(values: readonly number[]): string {
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined) return '—';
  if (values.length <= 4) return `${values.map((v) => number.format(v)).join(', ')} GB`;
  const step = (values[1] ?? first) - first;
  const even = values.every((v, i) => i === 0 || Math.abs(v - (values[i - 1] ?? 0) - step) < 1e-9);
  return even ? `${number.format(first)}–${number.format(last)} GB in ${number.format(step)} GB steps` : `${values.map((v) => number.format(v)).join(', ')} GB`;
}

function instanceLines(listing: CatalogListing): string[] {
  const header = ['type', 'arch', 'vCPU', 'memory', '$/hour', '$/month', 'notes'];
  const rows = listing.instanceTypes.map((t) => [
    t.name,
    t.arch,
    String(t.vcpu),
    `${number.format(t.memoryGiB)} GiB`,
    formatUnitPrice(t.usdPerHour),
    formatUsd(t.usdPerMonth),
    [t.burst ? `burstable, baseline ${percent(t.burst.baselinePerVcpu)}` : '', t.hibernation ? '' : 'no hibernation'].filter((s) => s !== '').join('; '),
  ]);
  return renderTable(
    [{align: 'left'}, {align: 'left'}, {align: 'right'}, {align: 'right'}, {align: 'right'}, {align: 'right'}, {align: 'left'}],
    [header, ...rows],
  );
}

function fargateLines(listing: CatalogListing): string[] {
  const f = listing.fargate;
  const rows = CATALOG.fargate.combos.map((combo) => {
    const sizes = f.sizes.filter((s) => s.vcpu === combo.vcpu);
    const low = sizes[0];
    const high = sizes[sizes.length - 1];
    const range = low && high ? (low === high ? hourly(low.x86UsdPerHour) : `${hourly(low.x86UsdPerHour)}–${hourly(high.x86UsdPerHour)}`) : '—';
    return [number.format(combo.vcpu), memoryRange(combo.memoryGb), range];
  });
  return renderTable([{align: 'right'}, {align: 'left'}, {align: 'right'}], [['vCPU', 'memory', 'x86 $/hour'], ...rows]);
}

export function catalogText(listing: CatalogListing, width: number | undefined, heading: (text: string) => string = (text) => text): string[] {
  const para = (text: string): string[] => hanging('  ', 2, text, width);
  const f = listing.fargate;
  const l = listing.lambda;
  const p = listing.purchaseOptions;
  return [
    ...hanging('', 0, `Pricing catalog: ${listing.region}, ${listing.currency}, Linux list prices, checked ${listing.retrieved}. Monthly = ${listing.hoursPerMonth} hours.`, width),
    '',
    heading(`EC2 instance types (${listing.instanceTypes.length}), on-demand`),
    ...instanceLines(listing),
    ...para(
      `Spot: ${percent(p.spotDiscount)} off in this model (real prices float, interruptible). Compute Savings Plan: ${percent(p.savingsPlanDiscount)} off, an hourly commitment billed used or not. Dedicated instance: ×${p.dedicatedInstancePriceFactor} (a model factor) plus ${formatUsd(p.dedicatedRegionFeeUsdPerHour)} per hour per region.`,
    ),
    '',
    heading('Fargate task sizes (ECS or EKS), on-demand'),
    ...fargateLines(listing),
    ...para(
      `x86 ${formatUnitPrice(f.x86.usdPerVcpuHour)} per vCPU-hour + ${formatUnitPrice(f.x86.usdPerGbHour)} per GB-hour; arm ${formatUnitPrice(f.arm.usdPerVcpuHour)} + ${formatUnitPrice(f.arm.usdPerGbHour)}. Fargate Spot ${percent(f.spotDiscount)} off. Billed per second, ${f.minimumBillingSeconds} s minimum.`,
    ),
    '',
    heading('Lambda'),
    ...para(`Memory ${number.format(l.memoryMbMin)}–${number.format(l.memoryMbMax)} MB (${number.format(l.mbPerVcpu)} MB = 1 vCPU); timeout up to ${l.timeoutSecondsMax} s (15 minutes).`),
    ...para(`Concurrency: ${number.format(l.defaultConcurrencyLimit)} per account and region by default, ${l.minUnreservedConcurrency} always left unreserved.`),
    ...para(
      `Duration: x86 ${formatUnitPrice(l.x86.usdPerGbSecond)} per GB-second, arm ${formatUnitPrice(l.arm.usdPerGbSecond)}; requests ${formatUsd(l.usdPerMillionRequests)} per million.`,
    ),
    ...para(
      `Provisioned concurrency: x86 ${formatUnitPrice(l.x86.provisionedUsdPerGbSecond)} per GB-second configured + ${formatUnitPrice(l.x86.provisionedDurationUsdPerGbSecond)} per GB-second of duration; arm ${formatUnitPrice(l.arm.provisionedUsdPerGbSecond)} + ${formatUnitPrice(l.arm.provisionedDurationUsdPerGbSecond)}.`,
    ),
    '',
    heading('Other lines a build can bill'),
    ...renderTable([{align: 'left'}, {align: 'right'}, {align: 'left', gap: 1}], listing.other.map((o) => [o.item, formatUnitPrice(o.usd), `per ${o.unit}`])),
    '',
    ...hanging('', 0, 'Sources: docs/CATALOG.md; `rightsize catalog --json` gives every price with its source.', width),
  ];
}

export function catalogCommand(io: Io, options: {json?: boolean}): ExitCode {
  const listing = catalogListing();
  if (options.json) {
    io.out(JSON.stringify(listing, null, 2));
    return EXIT.ok;
  }
  io.out(catalogText(listing, io.columns ?? PIPE_COLUMNS, (text) => io.paint('bold', text)).join('\n'));
  return EXIT.ok;
}
