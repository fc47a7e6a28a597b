// Per-minute network meters of a tier: the ALB (hours + LCU-hours) and the NAT gateways private subnets need.
// A NAT gateway processes only connections the units open to the internet (the workload's egress): responses to
// requests that came in through the ALB go back through the ALB, not the NAT gateway
// (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-nat-gateway.html, checked 2026-12-02).
import {CATALOG} from '../catalog.js';
import type {ContainerTier, Ec2Tier, Workload} from '../types.js';
import type {Meters} from './cost.js';
import {albLcus, KB_PER_GB} from './pricing.js';

export interface NetworkBilling {
  workload: string;
  alb: boolean;
  /** NAT gateways (one per AZ used) when the tier runs in private subnets; 0 otherwise. */
  natGateways: number;
  /** KB each item (request, job, event) sends out to the internet through the NAT gateways; 0: none. */
  egressKbPerItem?: number;
}

/** KB a workload's request, job or event sends to the internet (the level's egress field; absent: none). */
export function egressKbPerItem(workload: Workload): number {
  if (workload.kind === 'web') return workload.egressKbPerRequest ?? 0;
  if (workload.kind === 'jobs') return workload.egressKbPerJob ?? 0;
  return workload.egressKbPerEvent ?? 0;
}

/** The network a tier bills: its ALB, a NAT gateway per AZ in private subnets, and the workload's egress through them. */
export function networkBilling(workload: Workload, tier: Ec2Tier | ContainerTier): NetworkBilling {
  return {
    workload: workload.id,
    alb: tier.loadBalancer === 'alb',
    natGateways: tier.network === 'private' ? new Set(tier.azs).size : 0,
    egressKbPerItem: egressKbPerItem(workload),
  };
}

export type NetworkBiller = (minute: number, requestsThisMinute: number) => void;

export function makeNetworkBiller(net: NetworkBilling, meters: Meters): NetworkBiller {
  const {workload} = net;
  const alb = net.alb ? meters.meter(`alb:${workload}`, {item: 'Application Load Balancer', unit: 'ALB-hours', unitPriceUsd: CATALOG.alb.usdPerHour, workload, per: 60}) : null;
  const lcu = net.alb ? meters.meter(`lcu:${workload}`, {item: 'ALB capacity units', unit: 'LCU-hours', unitPriceUsd: CATALOG.alb.usdPerLcuHour, workload, per: 60}) : null;
  const nat = net.natGateways > 0 ? meters.meter(`nat:${workload}`, {item: 'NAT gateway', unit: 'NAT-hours', unitPriceUsd: CATALOG.natGateway.usdPerHour, workload, per: 60}) : null;
  const egressKb = net.egressKbPerItem ?? 0;
  const natGb = net.natGateways > 0 && egressKb > 0 ? meters.meter(`natgb:${workload}`, {item: 'NAT gateway data processed', unit: 'GB', unitPriceUsd: CATALOG.natGateway.usdPerGbProcessed, workload}) : null;
  return (minute, requestsThisMinute) => {
    alb?.add(1, minute);
    lcu?.add(albLcus(requestsThisMinute / 60), minute);
    nat?.add(net.natGateways, minute);
    natGb?.add((requestsThisMinute * egressKb) / KB_PER_GB, minute);
  };
}

/** Dedicated instances: a per-region fee for every hour any dedicated instance runs (once, however many tiers). */
export function billDedicatedFee(meters: Meters, minute: number): void {
  const fee = CATALOG.dedicatedInstance.regionFeeUsdPerHour;
  meters.add('dedicated-fee', {item: 'Dedicated instances per-region fee', unit: 'hours', unitPriceUsd: fee, per: 60}, 1, minute);
}
