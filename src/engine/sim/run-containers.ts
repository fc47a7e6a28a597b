// An ECS or EKS tier: Fargate tasks, or tasks bin-packed on the cluster's EC2 instances; a service (web, events) or
// a task per job (jobs). EKS adds the cluster-hour fee.
import {CLUSTER_DEFAULTS} from '../defaults.js';
import type {ContainerTier, Workload} from '../types.js';
import {advanceFleet, createFleet, type Fleet} from './fleet.js';
import {makeInstanceBiller} from './fleet-ec2.js';
import {hostFleetSpec, makeEksBiller, makeFargateBiller, placeTasks, shareWorkToHosts, taskFleetSpec} from './fleet-containers.js';
import {makeNetworkBiller, networkBilling} from './network.js';
import {emptySummary, type RunnerDeps, type TierRunner} from './runner.js';
import {scaleFleet} from './scaling.js';
import type {WorkloadStats} from './stats.js';
import {serveWebMinute, type MinuteOutcome} from './web.js';
import {finishWork, serveWorkMinute, type WorkInputs} from './work.js';
import {CATALOG} from '../catalog.js';

export function containerRunner(workload: Workload, tier: ContainerTier, stats: WorkloadStats, inputs: WorkInputs, deps: RunnerDeps): TierRunner {
  const {ctx, meters} = deps;
  const onEc2 = tier.launchType === 'ec2';
  const perJob = workload.kind === 'jobs';
  const maxTasks = tier.scaling ? tier.scaling.max : tier.tasks;
  const taskSpec = taskFleetSpec(tier, perJob ? 0 : tier.tasks);
  if (perJob) taskSpec.scaling = null;
  const tasks: Fleet = createFleet(taskSpec, workload.id);
  const hosts: Fleet | null = onEc2 ? createFleet(hostFleetSpec(tier), workload.id) : null;
  if (hosts) hosts.keepTerminated = true;
  const cluster = {...CLUSTER_DEFAULTS, instanceType: 'm5.large', ...tier.cluster};
  const hostBilling = {
    instanceType: cluster.instanceType,
    purchase: cluster.purchase,
    rootVolumeGb: CATALOG.ebs.defaultRootVolumeGb,
    publicIpv4: tier.network === 'default-vpc',
    workload: workload.id,
    committedInstances: cluster.count,
  };
  const network = networkBilling(workload, tier);
  const billHosts = hosts ? makeInstanceBiller(hostBilling, meters) : null;
  const billTasks = hosts ? null : makeFargateBiller(tier, meters);
  const billEks = tier.compute === 'eks' ? makeEksBiller(workload.id, meters) : null;
  const billNetwork = makeNetworkBiller(network, meters);
  const summary = emptySummary();
  const elastic = perJob ? {maxUnits: maxTasks} : null;
  let pending = 0;
  const runner: TierRunner = {
    workload,
    tier,
    stats,
    fleet: tasks,
    summary,
    dedicatedRunning: 0,
    target: {workload: workload.id, fleet: tasks, hosts, isContainer: true},
    step(minute) {
      if (hosts) advanceFleet(hosts, minute, ctx);
      advanceFleet(tasks, minute, ctx);
      scaleFleet(tasks, minute, ctx);
      if (hosts) pending = placeTasks(tasks, hosts, minute);
      let outcome: MinuteOutcome;
      let requests = 0;
      if (workload.kind === 'web') {
        requests = (inputs.rate?.[minute] ?? 0) * 60;
        // Pending tasks are not ALB targets: the running ones get all the traffic, and what they cannot serve fails as
        // overload on them. The tasks-pending finding counts those requests (pending-task is left for a tier with
        // nothing running at all: fleetDownReason).
        const overloadBefore = pending > 0 ? stats.failedBy('overload') + stats.failedBy('slow') : 0;
        outcome = serveWebMinute(tasks, workload, minute, requests, stats, ctx);
        if (pending > 0) summary.pendingOverload += stats.failedBy('overload') + stats.failedBy('slow') - overloadBefore;
      } else {
        outcome = serveWorkMinute(tasks, workload, inputs, minute, stats, ctx, elastic);
        requests = outcome.itemsServed ?? 0;
        // Tasks started for jobs this minute still need a place on the cluster.
        if (hosts && perJob) pending = placeTasks(tasks, hosts, minute);
      }
      if (pending > 0) {
        summary.pendingTaskMinutes++;
        summary.peakPendingTasks = Math.max(summary.peakPendingTasks, pending);
      }
      if (hosts && billHosts) {
        shareWorkToHosts(tasks, hosts);
        runner.dedicatedRunning = billHosts(hosts, minute, 0);
        summary.serverMinutes += billHosts.existing;
      } else {
        billTasks?.(tasks, minute);
      }
      billEks?.(minute);
      billNetwork(minute, requests);
    },
    finish() {
      finishWork(inputs, stats, ctx.minutes);
    },
  };
  return runner;
}
