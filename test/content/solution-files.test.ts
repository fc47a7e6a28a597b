// Every bad solution file gives every problem at file:line:col with a message that names the fix.
import {describe, expect, it} from 'vitest';
import {checkSolutionAgainst, formatProblem, loadLevelFile, loadSolutionFile} from '../../src/content/index.js';

const DIR = 'test/fixtures/solutions';

function problemsOf(name: string): string[] {
  const loaded = loadSolutionFile(`${DIR}/${name}`);
  return loaded.ok ? [] : loaded.problems.map(formatProblem);
}

describe('solution files that fail the schema or the YAML parser', () => {
  it.each([
    {
      name: 'YAML syntax errors, each with its line:col',
      file: 'bad-yaml.yaml',
      problems: [
        'bad-yaml.yaml:6:1: Sequence item without - indicator',
        'bad-yaml.yaml:6:18: Implicit keys need to be on a single line',
        'bad-yaml.yaml:6:18: Nested mappings are not allowed in compact mappings',
        'bad-yaml.yaml:8:1: Flow sequence in block collection must be sufficiently indented and end with a ]',
      ],
    },
    {name: 'JSON syntax error (JSON is read by the same parser)', file: 'bad-json.json', problems: ['bad-json.json:7:1: Flow map must end with a }']},
    {
      name: 'wrong types',
      file: 'wrong-types.yaml',
      problems: [
        'wrong-types.yaml:1:16 formatVersion: must be 1 (the only format version)',
        'wrong-types.yaml:6:19 tiers[0].instanceType: must be an EC2 instance type such as t3.small',
        "wrong-types.yaml:7:12 tiers[0].count: must be a whole number from 1 to 200 (got 'two')",
        "wrong-types.yaml:8:10 tiers[0].azs: expected a list of 1 to 6 items, got 'a'",
        'wrong-types.yaml:9:19 tiers[0].loadBalancer: must be one of alb, none (got true)',
        "wrong-types.yaml:10:20 tiers[0].encryptedRoot: must be true or false (got 'yes')",
        'wrong-types.yaml:11:5 tiers[1].compute: required: one of ec2, ecs, eks, lambda',
        "wrong-types.yaml:12:29 tiers[2].compute: must be one of ec2, ecs, eks, lambda (got 'lamda', did you mean 'lambda'?)",
        'wrong-types.yaml:13:5 tiers[3]: expected a mapping (key: value), got 42',
      ],
    },
    {
      name: 'unknown keys, each at its key, with the likely key',
      file: 'unknown-key.yaml',
      problems: [
        "unknown-key.yaml:6:5 tiers[0].instancetype: unknown key 'instancetype' — did you mean 'instanceType'?",
        "unknown-key.yaml:8:5 tiers[0].loadbalancer: unknown key 'loadbalancer' — did you mean 'loadBalancer'?",
        "unknown-key.yaml:9:5 tiers[0].colour: unknown key 'colour'",
      ],
    },
    {
      name: 'absurd numbers: 1e9, negative, NaN, Infinity, 1e400',
      file: 'absurd-numbers.yaml',
      problems: [
        'absurd-numbers.yaml:7:12 tiers[0].count: must be a whole number from 1 to 200 (got 1000000000)',
        'absurd-numbers.yaml:8:19 tiers[0].rootVolumeGb: must be a whole number from 1 to 16384 (got -5)',
        'absurd-numbers.yaml:9:20 tiers[0].scaling.min: must be a whole number from 0 to 200 (got NaN)',
        'absurd-numbers.yaml:9:31 tiers[0].scaling.max: must be a whole number from 1 to 200 (got Infinity)',
        'absurd-numbers.yaml:9:48 tiers[0].scaling.targetCpu: must be a number from 0.05 to 1 (got Infinity)',
      ],
    },
    {
      name: '__proto__ and constructor keys (YAML)',
      file: 'proto-keys.yaml',
      problems: ["proto-keys.yaml:3:1: key '__proto__' is not allowed", "proto-keys.yaml:9:5: key 'constructor' is not allowed"],
    },
    {name: '__proto__ key (JSON)', file: 'proto-keys.json', problems: ["proto-keys.json:2:2: key '__proto__' is not allowed"]},
    {name: 'alias bomb', file: 'alias-bomb.yaml', problems: ['alias-bomb.yaml:4:8: aliases expand too far (at most 100 expansions are allowed)']},
    {
      name: 'invalid Fargate combinations and launch-type mismatches',
      file: 'fargate-combo.yaml',
      problems: [
        'fargate-combo.yaml:7:33 tiers[0].task.memoryGb: 8 GB is not a Fargate size for 0.5 vCPU: choose 1, 2, 3, 4 GB',
        'fargate-combo.yaml:10:18 tiers[1].task.vcpu: 3 vCPU is not a Fargate task size: choose 0.25, 0.5, 1, 2, 4, 8, 16',
        'fargate-combo.yaml:11:5 tiers[2].cluster: required when launchType is ec2: {instanceType, count}',
        'fargate-combo.yaml:14:11 tiers[2].spot: Fargate Spot needs launchType fargate (buy the cluster as spot instead)',
      ],
    },
    {
      name: 'Lambda limits',
      file: 'lambda-limits.yaml',
      problems: [
        'lambda-limits.yaml:6:15 tiers[0].memoryMb: must be a whole number from 128 to 10240 (got 64)',
        'lambda-limits.yaml:7:21 tiers[0].timeoutSeconds: must be a whole number from 1 to 900 (got 1800)',
        'lambda-limits.yaml:9:29 tiers[0].provisionedConcurrency: must be at most reservedConcurrency (10)',
        'lambda-limits.yaml:12:15 tiers[1].memoryMb: must be a whole number from 128 to 10240 (got 20480)',
        "lambda-limits.yaml:13:19 tiers[1].architecture: must be one of x86, arm (got 'arm64')",
      ],
    },
  ])('$name', ({file, problems}) => {
    expect(problemsOf(file)).toEqual(problems.map((p) => `${DIR}/${p}`));
  });
});

describe('solution files checked against their level (engine checkSolution, mapped to line:col)', () => {
  const level = loadLevelFile('test/fixtures/levels/good-level.yaml');
  it.each([
    {name: 'a good solution has no problems', file: 'good-solution.yaml', problems: []},
    {name: 'compute the level does not allow', file: 'good-solution.json', problems: ['good-solution.json:5:36 tiers[0].compute: compute "ecs" is not allowed in this level: use ec2']},
    {
      name: 'feature the level does not allow',
      file: 'feature-not-allowed.yaml',
      problems: ['feature-not-allowed.yaml:7:15 tiers[0].purchase: this level does not let you change purchase (feature "purchase" is not allowed here): set it back to "on-demand"'],
    },
    {
      name: 'wrong level id and unknown workload',
      file: 'wrong-level.yaml',
      problems: [
        'wrong-level.yaml:2:8 level: this solution is for level "other-level", not "stay-up": set level: stay-up',
        'wrong-level.yaml:4:3 tiers: workload "web" has no tier: add a tier with workload: web',
        'wrong-level.yaml:4:15 tiers[0].workload: level "stay-up" has no workload "api": use web',
      ],
    },
  ])('$name', ({file, problems}) => {
    if (!level.ok) throw new Error(level.problems.map(formatProblem).join('\n'));
    const solution = loadSolutionFile(`${DIR}/${file}`);
    if (!solution.ok) throw new Error(solution.problems.map(formatProblem).join('\n'));
    expect(checkSolutionAgainst(level.value, solution).map(formatProblem)).toEqual(problems.map((p) => `${DIR}/${p}`));
  });
});
