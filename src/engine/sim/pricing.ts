// Unit prices, in one place: the simulation's meters and the builder's estimate both price through here.
// Every number comes from the catalog (assets/catalog.json, sources in docs/CATALOG.md).
import {CATALOG, instanceType} from '../catalog.js';
import type {Architecture, PurchaseOption} from '../vocab.js';

/** USD per instance-hour for a type bought with a purchase option. A dedicated host bills the host, not the instance: 0. */
export function instanceHourUsd(typeName: string, purchase: PurchaseOption): number {
  const type = instanceType(typeName);
  if (!type) return 0;
  switch (purchase) {
    case 'on-demand':
      return type.usdPerHour;
    case 'spot':
      return type.usdPerHour * (1 - CATALOG.spot.typicalDiscount);
    case 'savings-plan':
      return type.usdPerHour * (1 - CATALOG.savingsPlan.computeDiscount);
    case 'dedicated-instance':
      return type.usdPerHour * CATALOG.dedicatedInstance.priceFactor;
    case 'dedicated-host':
      return 0;
  }
}

/** The dedicated host for a type's family: price per host-hour and how many of this size fit. */
export function dedicatedHostFor(typeName: string): {family: string; usdPerHour: number; perHost: number} | undefined {
  const type = instanceType(typeName);
  if (!type) return undefined;
  const host = Object.hasOwn(CATALOG.dedicatedHosts, type.family) ? CATALOG.dedicatedHosts[type.family] : undefined;
  if (!host) return undefined;
  const perHost = Object.hasOwn(host.capacity, typeName) ? (host.capacity[typeName] ?? 0) : 0;
  return {family: type.family, usdPerHour: host.usdPerHour, perHost: perHost > 0 ? perHost : 1};
}

/** Hosts needed to place `instances` of a type: ceil(instances / instances per host). */
export function hostsNeeded(instances: number, perHost: number): number {
  return instances <= 0 ? 0 : Math.ceil(instances / Math.max(1, perHost));
}

export function fargateRates(arch: Architecture, spot: boolean): {usdPerVcpuHour: number; usdPerGbHour: number} {
  const rates = CATALOG.fargate[arch];
  const factor = spot ? 1 - CATALOG.fargate.spotDiscount : 1;
  return {usdPerVcpuHour: rates.usdPerVcpuHour * factor, usdPerGbHour: rates.usdPerGbHour * factor};
}

export function lambdaRates(arch: Architecture): {usdPerGbSecond: number; usdPerRequest: number; provisionedUsdPerGbSecond: number; provisionedDurationUsdPerGbSecond: number} {
  const rates = CATALOG.lambda[arch];
  return {
    usdPerGbSecond: rates.usdPerGbSecond,
    usdPerRequest: CATALOG.lambda.usdPerMillionRequests / 1e6,
    provisionedUsdPerGbSecond: rates.provisionedUsdPerGbSecond,
    provisionedDurationUsdPerGbSecond: rates.provisionedDurationUsdPerGbSecond,
  };
}

export function apiGatewayUsdPerRequest(): number {
  return CATALOG.apiGateway.httpApiUsdPerMillionRequests / 1e6;
}

/**
 * Unlimited mode: surplus credits of a burstable type's family cost this much per vCPU-hour (60 credits; T3 $0.05,
 * T4g $0.04). A family the catalog does not price bills at the highest price it lists, never for free.
 */
export function surplusUsdPerVcpuHour(typeName: string): number {
  const prices = CATALOG.burst.surplusUsdPerVcpuHour;
  const family = instanceType(typeName)?.family;
  const price = family !== undefined && Object.hasOwn(prices, family) ? prices[family] : undefined;
  return price ?? Math.max(...Object.values(prices));
}

/** The instances a savings plan's hourly commitment is sized to: the tier's always-on count (scaling: min). */
export function committedInstances(count: number, scalingMin: number | undefined): number {
  return scalingMin ?? count;
}

export const PURCHASE_LABEL: Record<PurchaseOption, string> = {
  'on-demand': 'on-demand',
  spot: 'spot',
  'savings-plan': 'savings plan',
  'dedicated-instance': 'dedicated instance',
  'dedicated-host': 'on a dedicated host',
};

/**
 * Traffic assumptions behind the ALB and NAT gateway meters (model constants, not AWS numbers):
 * clients reuse a keep-alive connection for this many requests; each request moves this much data.
 */
export const REQUESTS_PER_CONNECTION = 10;
export const ALB_KB_PER_REQUEST = 20;
export const KB_PER_GB = 1024 * 1024;

/** ALB LCUs used at a steady rate: the highest of the new-connection and processed-bytes dimensions. */
export function albLcus(requestsPerSecond: number): number {
  const lcu = CATALOG.alb.lcu;
  const newConnectionsPerSecond = requestsPerSecond / REQUESTS_PER_CONNECTION;
  const gbPerHour = (requestsPerSecond * 3600 * ALB_KB_PER_REQUEST) / KB_PER_GB;
  return Math.max(newConnectionsPerSecond / lcu.newConnectionsPerSecond, gbPerHour / lcu.processedGbPerHour);
}
