// A classroom in a temp folder: the one-day lucky-spot level, a teacher's challenge with fixed private seeds, and
// submission files written the way the game writes them (mergeSubmission + submissionToJson).
import {copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {makeChallenge, openChallenge, type ScoringContext} from '../../src/classroom/index.js';
import {challengeToYaml, loadLevelFile, publicChallenge, type Challenge} from '../../src/content/index.js';
import {ENGINE_VERSION, levelHash, withDefaults, type Level, type Tier} from '../../src/engine/index.js';
import {mergeSubmission, submissionToJson} from '../../src/store/index.js';

export const FIXTURE_LEVEL = resolve(import.meta.dirname, '../fixtures/classroom/lucky-spot.yaml');
export const PRIVATE_SEEDS = [101, 102, 103, 104, 105, 106];

type PartialTier = Parameters<typeof withDefaults>[0];
const base = {workload: 'web', compute: 'ec2', instanceType: 't3.small', count: 2, azs: ['a', 'b'], loadBalancer: 'alb', network: 'private', inbound: ['https']};
/** Two on-demand instances in two AZs: survives the outage whatever the seed. */
export const ROBUST: Tier[] = [withDefaults(base as PartialTier)];
/** The same on spot: cheaper, and fine only when the seed reclaims the instance in AZ a. */
export const SPOT: Tier[] = [withDefaults({...base, purchase: 'spot'} as PartialTier)];
/** One instance in one AZ: down for the outage. */
export const SINGLE: Tier[] = [withDefaults({...base, count: 1, azs: ['a'], loadBalancer: 'none'} as PartialTier)];

export interface Classroom {
  dir: string;
  level: Level;
  challenge: Challenge;
  teacherFile: string;
  studentFile: string;
  context: ScoringContext;
  /** Writes a submission file (as the game does) and returns its path. */
  submit(name: string, player: string, tiers: Tier[], at: string, patch?: (s: Record<string, unknown>) => void): string;
  writeRaw(name: string, text: string): string;
  cleanup(): void;
}

export function classroom(overrides: Partial<Challenge> = {}, seeds = PRIVATE_SEEDS): Classroom {
  const dir = mkdtempSync(join(tmpdir(), 'rightsize-class-'));
  copyFileSync(FIXTURE_LEVEL, join(dir, 'lucky-spot.yaml'));
  const loaded = loadLevelFile(join(dir, 'lucky-spot.yaml'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const level = loaded.value;
  const challenge = {...makeChallenge({id: 'week-1', title: 'Week 1', levels: [{level, file: 'lucky-spot.yaml'}], publicSeed: 1, privateSeeds: seeds}, '00112233445566778899aabbccddeeff'), ...overrides};
  const teacherFile = join(dir, 'week-1.teacher.yaml');
  const studentFile = join(dir, 'week-1.yaml');
  writeFileSync(teacherFile, challengeToYaml(challenge));
  writeFileSync(studentFile, challengeToYaml(publicChallenge(challenge)));
  const opened = openChallenge(teacherFile);
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  mkdirSync(join(dir, 'submissions'));
  const writeRaw = (name: string, text: string) => {
    const path = join(dir, 'submissions', name);
    writeFileSync(path, text);
    return path;
  };
  return {
    dir,
    level,
    challenge,
    teacherFile,
    studentFile,
    context: {challenge: opened.challenge, levels: opened.levels},
    submit(name, player, tiers, at, patch) {
      const submission = mergeSubmission(undefined, {challenge: challenge.id, player, engineVersion: ENGINE_VERSION}, [{level: level.id, levelHash: levelHash(level), tiers}], new Date(at), [level.id]);
      const value = JSON.parse(submissionToJson(submission)) as Record<string, unknown>;
      patch?.(value);
      return writeRaw(name, `${JSON.stringify(value, null, 2)}\n`);
    },
    writeRaw,
    cleanup: () => rmSync(dir, {recursive: true, force: true}),
  };
}
