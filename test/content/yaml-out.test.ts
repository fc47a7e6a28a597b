// solutionToYaml: readable, stable, and it reads back to the same solution.
import {describe, expect, it} from 'vitest';
import {formatProblem, loadSolutionFile, parseSolution, solutionToYaml} from '../../src/content/index.js';
import {withDefaults} from '../../src/engine/defaults.js';
import type {Solution} from '../../src/engine/types.js';

const lambdaSolution: Solution = {
  formatVersion: 1,
  level: 'nightly',
  tiers: [withDefaults({workload: 'thumbs', compute: 'lambda', memoryMb: 1024, reservedConcurrency: 10})],
};

describe('solutionToYaml', () => {
  it('writes every field in the schema order, short lists and small mappings on one line', () => {
    const loaded = loadSolutionFile('test/fixtures/solutions/good-solution.yaml');
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    expect(solutionToYaml(loaded.value)).toBe(
      [
        '# rightsize solution for level stay-up',
        '',
        'formatVersion: 1',
        'level: stay-up',
        'player: ada',
        'tiers:',
        '  - workload: web',
        '    compute: ec2',
        '    instanceType: t3.small',
        '    count: 1',
        '    scaling: {min: 2, max: 6, targetCpu: 0.6}',
        '    azs: [a, b]',
        '    purchase: on-demand',
        '    image: stock',
        '    schedule: always',
        '    creditMode: unlimited',
        '    loadBalancer: alb',
        '    network: private',
        '    inbound: [https]',
        '    identity: instance-profile',
        '    rootVolumeGb: 8',
        '    encryptedRoot: false',
        '    healthCheck: ec2',
        '',
      ].join('\n'),
    );
  });

  it.each([
    {name: 'EC2 with scaling', file: 'good-solution.yaml'},
    {name: 'ECS on Fargate', file: 'good-solution.json'},
  ])('$name reads back to the same solution', ({file}) => {
    const loaded = loadSolutionFile(`test/fixtures/solutions/${file}`);
    if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const again = parseSolution(solutionToYaml(loaded.value), 'again.yaml');
    expect(again.ok ? again.value : again.problems.map(formatProblem)).toEqual(loaded.value);
  });

  it('Lambda with optional reserved concurrency reads back the same', () => {
    const again = parseSolution(solutionToYaml(lambdaSolution), 'again.yaml');
    expect(again.ok ? again.value : again.problems.map(formatProblem)).toEqual(lambdaSolution);
  });
});
