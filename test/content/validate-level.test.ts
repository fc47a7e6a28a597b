// validateLevelFile with a stand-in simulation: which run outcomes make a level invalid, and where it says so.
import {readFileSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {formatProblem, validateLevelFile, type Simulate} from '../../src/content/index.js';
import type {FindingId} from '../../src/engine/vocab.js';
import type {Level, Result, Solution} from '../../src/engine/types.js';

const FILE = 'test/fixtures/levels/good-level.yaml';
const CONCEPTS = new Set(['availability-zones', 'load-balancer', 'auto-scaling']);

type Outcome = {passed: boolean; stars: 0 | 1 | 2 | 3; findings?: FindingId[]; hardFailures?: string[]; missed?: {metric: 'availability'; value: number; gold: number; lostTo?: FindingId}[]};
interface Outcomes {
  start: Outcome;
  reference: Outcome;
  counterexample: Outcome;
}

const GOOD: Outcomes = {
  start: {passed: true, stars: 1},
  reference: {passed: true, stars: 3},
  counterexample: {passed: false, stars: 0, findings: ['single-az']},
};

function result(outcome: Outcome): Result {
  return {
    passed: outcome.passed,
    stars: outcome.stars,
    points: outcome.stars * 300,
    hardFailures: outcome.hardFailures ?? [],
    objectives: (outcome.missed ?? []).map((o) => ({...o, atGold: false})),
    findings: (outcome.findings ?? []).map((id) => ({id, severity: 'warning', concept: 'availability-zones', message: id})),
  } as unknown as Result;
}

/** A simulation that answers by which build it is given. */
function stand(outcomes: Outcomes): Simulate {
  return (level: Level, solution: Solution) => {
    const same = (tiers: unknown) => JSON.stringify(tiers) === JSON.stringify(solution.tiers);
    if (same(level.reference.tiers)) return result(outcomes.reference);
    if (same(level.start.tiers)) return result(outcomes.start);
    return result(outcomes.counterexample);
  };
}

const temp = mkdtempSync(join(tmpdir(), 'rightsize-validate-'));
afterAll(() => rmSync(temp, {recursive: true, force: true}));

describe('validateLevelFile', () => {
  it.each<{name: string; outcomes: Outcomes; problems: string[]}>([
    {name: 'a level that teaches its lesson', outcomes: GOOD, problems: []},
    {
      name: 'the reference does not reach 3 stars',
      outcomes: {...GOOD, reference: {passed: true, stars: 2}},
      problems: [`${FILE}:27:3 reference: the reference reaches 2 stars (600 points), not 3`],
    },
    {
      name: 'the reference misses gold: the message names the objective, its value and the finding that cost it',
      outcomes: {...GOOD, reference: {passed: false, stars: 0, hardFailures: ['critical finding: ssh-open-to-world'], missed: [{metric: 'availability', value: 0.99812345, gold: 0.9995, lostTo: 'single-az'}]}},
      problems: [`${FILE}:27:3 reference: the reference reaches 0 stars (0 points), not 3: critical finding: ssh-open-to-world; availability 0.9981 (gold 0.9995, lost to single-az)`],
    },
    {
      name: 'the start already wins',
      outcomes: {...GOOD, start: {passed: true, stars: 3}},
      problems: [`${FILE}:19:3 start: the start build already reaches 3 stars: there is nothing to change`],
    },
    {
      name: 'a counterexample passes',
      outcomes: {...GOOD, counterexample: {passed: true, stars: 1, findings: ['single-az']}},
      problems: [`${FILE}:37:5 counterexamples[0]: "two instances, one AZ" passes with 1 star (300 points): a counterexample must fail`],
    },
    {
      name: 'a counterexample fails without its finding',
      outcomes: {...GOOD, counterexample: {passed: false, stars: 0, findings: ['no-load-balancer']}},
      problems: [`${FILE}:38:14 counterexamples[0].finding: "two instances, one AZ" does not raise single-az (it raises: no-load-balancer)`],
    },
  ])('$name', ({outcomes, problems}) => {
    const checked = validateLevelFile(FILE, {concepts: CONCEPTS, simulate: stand(outcomes)});
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual(problems);
  });

  it('a reference the player could not build is reported where it breaks the rules, and nothing is run', () => {
    const path = join(temp, 'spot-reference.yaml');
    writeFileSync(path, readFileSync(FILE, 'utf8').replace('      inbound: [https]\n', '      inbound: [https]\n      purchase: spot\n'));
    const simulate: Simulate = () => {
      throw new Error('must not run');
    };
    const checked = validateLevelFile(path, {concepts: CONCEPTS, simulate});
    expect(checked.ok ? [] : checked.problems.map(formatProblem)).toEqual([
      `${path}:36:17 reference.tiers[0].purchase: this level does not let you change purchase (feature "purchase" is not allowed here): set it back to "on-demand"`,
    ]);
  });
});
