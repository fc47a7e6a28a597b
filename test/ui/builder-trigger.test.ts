// The builder gives a new function the trigger its workload needs (#14), so switching to Lambda never opens on a
// build `checkSolution` refuses.
import {describe, expect, it} from 'vitest';
import {checkSolution} from '../../src/engine/index.js';
import {freshTier} from '../../src/ui/builder/builder-state.js';
import {events, jobs, makeLevel, web} from '../engine/fixtures.js';

const level = makeLevel({workloads: [web({id: 'api'}), events({id: 'orders', source: 'sqs'}), jobs({id: 'nightly'})], allow: {compute: ['lambda'], features: []}});

describe('a fresh Lambda tier in the builder', () => {
  it.each([
    {name: 'web: api', workload: 'api', trigger: 'api'},
    {name: 'SQS events: sqs', workload: 'orders', trigger: 'sqs'},
    {name: 'jobs: schedule', workload: 'nightly', trigger: 'schedule'},
  ])('$name', ({workload, trigger}) => {
    expect(freshTier(level, workload, 'lambda')).toMatchObject({compute: 'lambda', trigger});
  });

  it('the fresh build passes checkSolution even where the level locks the Lambda settings', () => {
    const tiers = level.workloads.map((w) => freshTier(level, w.id, 'lambda'));
    expect(checkSolution(level, {formatVersion: 1, level: level.id, tiers})).toEqual([]);
  });
});
