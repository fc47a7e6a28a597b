// Per-minute network meters of a tier: the ALB (hours + LCU-hours) and the NAT gateways private subnets need.
import {CATALOG} from '../catalog.js';
import type {Meters} from './cost.js';
import {albLcus, KB_PER_GB, NAT_KB_PER_REQUEST} from './pricing.js';

export interface NetworkBilling {
  workload: string;
  alb: boolean;
  /** NAT gateways (one per AZ used) when the tier runs in private subnets; 0 otherwise. */
  natGateways: number;
}

export function billNetwork(net: NetworkBilling, minute: number, requestsThisMinute: number, meters: Meters): void {
  const {workload} = net;
  if (net.alb) {
    meters.add(`alb:${workload}`, {item: 'Application Load Balancer', unit: 'ALB-hours', unitPriceUsd: CATALOG.alb.usdPerHour, workload, per: 60}, 1, minute);
    const lcus = albLcus(requestsThisMinute / 60);
    meters.add(`lcu:${workload}`, {item: 'ALB capacity units', unit: 'LCU-hours', unitPriceUsd: CATALOG.alb.usdPerLcuHour, workload, per: 60}, lcus, minute);
  }
  if (net.natGateways > 0) {
    meters.add(`nat:${workload}`, {item: 'NAT gateway', unit: 'NAT-hours', unitPriceUsd: CATALOG.natGateway.usdPerHour, workload, per: 60}, net.natGateways, minute);
    const gb = (requestsThisMinute * NAT_KB_PER_REQUEST) / KB_PER_GB;
    meters.add(`natgb:${workload}`, {item: 'NAT gateway data processed', unit: 'GB', unitPriceUsd: CATALOG.natGateway.usdPerGbProcessed, workload}, gb, minute);
  }
}

/** Dedicated instances: a per-region fee for every hour any dedicated instance runs (once, however many tiers). */
export function billDedicatedFee(meters: Meters, minute: number): void {
  const fee = CATALOG.dedicatedInstance.regionFeeUsdPerHour;
  meters.add('dedicated-fee', {item: 'Dedicated instances per-region fee', unit: 'hours', unitPriceUsd: fee, per: 60}, 1, minute);
}
