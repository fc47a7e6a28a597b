// A workload no tier serves: everything it offers fails with no-route.
import type {Workload} from '../types.js';
import {emptySummary, type TierRunner} from './runner.js';
import type {WorkloadStats} from './stats.js';
import type {WorkInputs} from './work.js';

export function unservedRunner(workload: Workload, stats: WorkloadStats, inputs: WorkInputs): TierRunner {
  return {
    workload,
    tier: null,
    stats,
    fleet: null,
    summary: emptySummary(),
    dedicatedRunning: 0,
    target: {workload: workload.id, fleet: null, hosts: null, isContainer: false},
    step(minute) {
      let offered = 0;
      if (workload.kind === 'jobs') offered = (inputs.releases?.[minute] ?? 0) === 1 ? workload.count : 0;
      else offered = (inputs.rate?.[minute] ?? 0) * 60;
      stats.fail('no-route', offered, minute);
      stats.record(minute, offered, 0, 0, 0);
    },
  };
}
