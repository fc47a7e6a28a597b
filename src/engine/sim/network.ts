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

export type NetworkBiller = (minute: number, requestsThisMinute: number) => void;

export function makeNetworkBiller(net: NetworkBilling, meters: Meters): NetworkBiller {
  const {workload} = net;
  const alb = net.alb ? meters.meter(`alb:${workload}`, {item: 'Application Load Balancer', unit: 'ALB-hours', unitPriceUsd: CATALOG.alb.usdPerHour, workload, per: 60}) : null;
  const lcu = net.alb ? meters.meter(`lcu:${workload}`, {item: 'ALB capacity units', unit: 'LCU-hours', unitPriceUsd: CATALOG.alb.usdPerLcuHour, workload, per: 60}) : null;
  const nat = net.natGateways > 0 ? meters.meter(`nat:${workload}`, {item: 'NAT gateway', unit: 'NAT-hours', unitPriceUsd: CATALOG.natGateway.usdPerHour, workload, per: 60}) : null;
  const natGb = net.natGateways > 0 ? meters.meter(`natgb:${workload}`, {item: 'NAT gateway data processed', unit: 'GB', unitPriceUsd: CATALOG.natGateway.usdPerGbProcessed, workload}) : null;
  return (minute, requestsThisMinute) => {
    alb?.add(1, minute);
    lcu?.add(albLcus(requestsThisMinute / 60), minute);
    nat?.add(net.natGateways, minute);
    natGb?.add((requestsThisMinute * NAT_KB_PER_REQUEST) / KB_PER_GB, minute);
  };
}

/** Dedicated instances: a per-region fee for every hour any dedicated instance runs (once, however many tiers). */
export function billDedicatedFee(meters: Meters, minute: number): void {
  const fee = CATALOG.dedicatedInstance.regionFeeUsdPerHour;
  meters.add('dedicated-fee', {item: 'Dedicated instances per-region fee', unit: 'hours', unitPriceUsd: fee, per: 60}, 1, minute);
}
