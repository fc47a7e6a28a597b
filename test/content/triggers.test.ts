// Triggers fit the workload (#14): web on Lambda needs `api`, events their source (`s3` or `sqs`), jobs `schedule`.
// Anything else is a semantic problem at file:line:col that names the fix.
import {describe, expect, it} from 'vitest';
import {checkSolutionAgainst, formatProblem, parseSolution} from '../../src/content/index.js';
import {triggerFor} from '../../src/engine/index.js';
import type {Level, Workload} from '../../src/engine/types.js';
import {events, jobs, makeLevel, web} from '../engine/fixtures.js';

const level: Level = makeLevel({
  id: 'triggers',
  workloads: [web({id: 'api'}), events({id: 'uploads', source: 's3'}), events({id: 'orders', source: 'sqs'}), jobs({id: 'nightly'})],
  allow: {compute: ['lambda'], features: ['lambdaConfig']},
});

function problems(triggers: Record<string, string>): string[] {
  const tiers = Object.entries(triggers)
    .map(([workload, trigger]) => `  - workload: ${workload}\n    compute: lambda\n    memoryMb: 1024\n    trigger: ${trigger}\n`)
    .join('');
  const text = `formatVersion: 1\nlevel: triggers\ntiers:\n${tiers}`;
  const parsed = parseSolution(text, 'build.yaml');
  if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return checkSolutionAgainst(level, parsed).map(formatProblem);
}

const FITTING = {api: 'api', uploads: 's3', orders: 'sqs', nightly: 'schedule'};

describe('triggers fit the workload', () => {
  it('each workload with the trigger it needs: no problem', () => {
    expect(problems(FITTING)).toEqual([]);
  });

  it.each([
    {name: 'an API on Lambda with trigger: sqs is refused at the trigger line:col', workload: 'api', trigger: 'sqs', line: 7, says: /a web workload on Lambda cannot be invoked by trigger sqs: web requests wait for an answer, so they reach a function through an API front door \(API Gateway, a function URL or an ALB\)\. Set trigger: api$/},
    {name: 'an API invoked by a schedule skips its front door: refused', workload: 'api', trigger: 'schedule', line: 7, says: /Set trigger: api$/},
    {name: 'S3 uploads invoked through an API: refused, the source is s3', workload: 'uploads', trigger: 'api', line: 11, says: /this workload's events come from s3\)\. Set trigger: s3$/},
    {name: 'SQS messages with an s3 trigger: refused, the source is sqs', workload: 'orders', trigger: 's3', line: 15, says: /Set trigger: sqs$/},
    {name: 'a nightly job behind an API: refused, jobs start on a schedule', workload: 'nightly', trigger: 'api', line: 19, says: /a batch of jobs is started on a schedule\. Set trigger: schedule$/},
  ])('$name', ({workload, trigger, line, says}) => {
    const found = problems({...FITTING, [workload]: trigger});
    expect(found).toHaveLength(1);
    const index = Object.keys(FITTING).indexOf(workload);
    expect(found[0]).toMatch(new RegExp(`^build\\.yaml:${line}:14 tiers\\[${index}\\]\\.trigger: `));
    expect(found[0]).toMatch(says);
  });

  it('triggerFor names the trigger of every kind of workload', () => {
    const rows: [Workload, string][] = [[web(), 'api'], [events({source: 's3'}), 's3'], [events({source: 'sqs'}), 'sqs'], [events({source: 'schedule'}), 'schedule'], [jobs(), 'schedule']];
    for (const [workload, trigger] of rows) expect(triggerFor(workload)).toBe(trigger);
  });
});
