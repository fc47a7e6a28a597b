// rightsize challenge new | publish: a teacher's challenge file and the students' copy of it (docs/CLASSROOM.md).
import {existsSync} from 'node:fs';
import {writeFile} from 'node:fs/promises';
import {dirname, isAbsolute, relative, resolve} from 'node:path';
import {createInterface} from 'node:readline/promises';
import {makeChallenge, newPrivateSeeds, openChallenge} from '../../classroom/index.js';
import {
  challengeToYaml,
  fileProblem,
  isoTimeProblem,
  loadCampaign,
  loadChallengeFile,
  loadLevelFile,
  levelsDir,
  MAX_PRIVATE_SEEDS,
  publicChallenge,
  SCORING_METHODS,
  type ContentProblem,
  type ScoringMethod,
} from '../../content/index.js';
import type {Level} from '../../engine/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {reportProblems, type Io} from '../io.js';
import {parseSeed} from '../seed.js';
import {isLevelId} from './find-level.js';

export interface ChallengeNewOptions {
  id?: string;
  title?: string;
  levels?: string;
  publicSeed?: string;
  privateSeeds?: string;
  opens?: string;
  closes?: string;
  scoring?: string;
  out?: string;
  force?: boolean;
  /** The campaign folder (--levels on the root command is taken by the level folder, so the ids come from here). */
  levelsDir?: string;
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const DEFAULT_PRIVATE_SEEDS = 3;

/** Asks on stderr (stdout may be the file), one question at a time; Enter takes the default. */
async function prompt(questions: {key: keyof ChallengeNewOptions; question: string; fallback?: string}[], options: ChallengeNewOptions): Promise<ChallengeNewOptions> {
  const rl = createInterface({input: process.stdin, output: process.stderr});
  const out = {...options};
  try {
    for (const {key, question, fallback} of questions) {
      if (out[key] !== undefined) continue;
      const answer = (await rl.question(fallback === undefined ? `${question}: ` : `${question} [${fallback}]: `)).trim();
      const value = answer === '' ? fallback : answer;
      if (value !== undefined) (out as Record<string, unknown>)[key] = value;
    }
  } finally {
    rl.close();
  }
  return out;
}

function campaignLevelIds(dir: string | undefined): string {
  const campaign = loadCampaign(levelsDir(dir));
  return campaign.ok ? campaign.value.levels.map((l) => l.id).join(',') : '';
}

export async function challengeNewCommand(io: Io, given: ChallengeNewOptions, interactive = process.stdin.isTTY === true && process.stderr.isTTY === true): Promise<ExitCode> {
  let options = given;
  const missing = (['id', 'levels'] as const).filter((key) => options[key] === undefined);
  if (missing.length > 0 && !interactive) {
    io.err(`challenge new: missing ${missing.map((m) => `--${m}`).join(' and ')} (e.g. rightsize challenge new --id week-1 --levels stay-up,pack-the-cluster --private-seeds 3 --out week-1.yaml)`);
    return EXIT.badInput;
  }
  if (interactive && (missing.length > 0 || options.out === undefined)) {
    io.err('A new classroom challenge. Enter keeps the [default]; Ctrl+C stops.');
    options = await prompt(
      [
        {key: 'id', question: 'Challenge id (kebab-case, e.g. week-1)'},
        {key: 'title', question: 'Title students see', fallback: options.id ?? undefined},
        {key: 'levels', question: 'Levels (ids or level files, comma-separated)', fallback: campaignLevelIds(options.levelsDir)},
        {key: 'privateSeeds', question: 'How many private seeds', fallback: String(DEFAULT_PRIVATE_SEEDS)},
        {key: 'closes', question: 'Closing time (ISO, e.g. 2026-12-11T17:00:00Z; empty for none)', fallback: ''},
        {key: 'out', question: 'Write the teacher’s copy to', fallback: `${options.id ?? 'challenge'}.teacher.yaml`},
      ],
      options,
    );
    if (options.title === '' || options.title === undefined) options.title = options.id;
  }
  const problems: string[] = [];
  const id = options.id ?? '';
  if (!ID.test(id) || id.length > 64) problems.push(`--id must be a kebab-case id such as week-1 (got '${id}')`);
  const seedCount = Number(options.privateSeeds ?? DEFAULT_PRIVATE_SEEDS);
  if (!Number.isInteger(seedCount) || seedCount < 1 || seedCount > MAX_PRIVATE_SEEDS) problems.push(`--private-seeds must be a whole number from 1 to ${MAX_PRIVATE_SEEDS} (got '${options.privateSeeds}')`);
  let publicSeed = newPrivateSeeds(1, -1)[0] ?? 1;
  if (options.publicSeed !== undefined) {
    const parsed = parseSeed(options.publicSeed);
    if (parsed.ok) publicSeed = parsed.seed;
    else problems.push(parsed.message.replace('--seed', '--public-seed'));
  }
  const scoring = options.scoring ?? 'points';
  if (!(SCORING_METHODS as readonly string[]).includes(scoring)) problems.push(`--scoring must be one of ${SCORING_METHODS.join(', ')} (got '${scoring}')`);
  const times: {opensAt?: string; closesAt?: string} = {};
  for (const [flag, key] of [['opens', 'opensAt'], ['closes', 'closesAt']] as const) {
    const value = options[flag];
    if (value === undefined || value === '') continue;
    const problem = isoTimeProblem(value);
    if (problem) problems.push(`--${flag} ${problem}`);
    else times[key] = value;
  }
  if (times.opensAt && times.closesAt && Date.parse(times.closesAt) <= Date.parse(times.opensAt)) problems.push('--closes must be after --opens');
  const out = options.out;
  if (out !== undefined && existsSync(out) && !options.force) problems.push(`${out} exists: it may hold another challenge's private seeds; choose another --out, or add --force to replace it`);

  const levelProblems: ContentProblem[] = [];
  const levels: {level: Level; file?: string}[] = [];
  const names = (options.levels ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) problems.push('--levels must name at least one level (ids from `rightsize levels`, or level files)');
  const campaign = names.some(isLevelId) ? loadCampaign(levelsDir(options.levelsDir)) : undefined;
  if (campaign && !campaign.ok) levelProblems.push(...campaign.problems);
  const outDir = dirname(resolve(out ?? '.'));
  for (const name of names) {
    if (isLevelId(name)) {
      const level = campaign?.ok ? campaign.value.levels.find((l) => l.id === name) : undefined;
      if (level) levels.push({level});
      else if (campaign?.ok) problems.push(`--levels: no level '${name}' (levels: ${campaign.value.levels.map((l) => l.id).join(', ')}); give a path for a level file`);
      continue;
    }
    const loaded = loadLevelFile(name);
    if (!loaded.ok) {
      levelProblems.push(...loaded.problems);
      continue;
    }
    const path = resolve(name);
    const rel = relative(outDir, path);
    levels.push({level: loaded.value, file: isAbsolute(rel) ? path : rel.split('\\').join('/')});
  }
  const seen = new Set<string>();
  for (const {level} of levels) {
    if (seen.has(level.id)) problems.push(`--levels names '${level.id}' twice`);
    seen.add(level.id);
  }
  if (problems.length > 0 || levelProblems.length > 0) {
    for (const p of problems) io.err(`challenge new: ${p}`);
    reportProblems(io, levelProblems);
    return EXIT.badInput;
  }
  const challenge = makeChallenge({
    id,
    title: options.title ?? id,
    levels,
    publicSeed,
    privateSeeds: newPrivateSeeds(seedCount, publicSeed),
    ...times,
    scoring: {method: scoring as ScoringMethod},
  });
  const text = challengeToYaml(challenge);
  if (out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  await writeFile(out, text, {mode: 0o600, flag: options.force ? 'w' : 'wx'});
  io.err(`wrote ${out} (the teacher's copy, with ${seedCount} private seed${seedCount === 1 ? '' : 's'}: keep it to yourself)`);
  io.err(`next: rightsize challenge publish ${out} --out ${id}.yaml   (the copy students get)`);
  return EXIT.ok;
}

export interface PublishOptions {
  out?: string;
  levelsDir?: string;
}

export async function challengePublishCommand(io: Io, file: string, options: PublishOptions): Promise<ExitCode> {
  const loaded = loadChallengeFile(file);
  if (!loaded.ok) {
    reportProblems(io, loaded.problems);
    return EXIT.badInput;
  }
  if (!loaded.value.privateSeeds) {
    reportProblems(io, [fileProblem(file, 'this is already the students\' copy (privateSeedsHash, no privateSeeds): publish the teacher\'s file')]);
    return EXIT.badInput;
  }
  // The levels must load and match their hashes now, or students would get a challenge nobody can submit to.
  const opened = openChallenge(file, {levelsDir: options.levelsDir});
  if (!opened.ok) {
    reportProblems(io, opened.problems);
    return EXIT.badInput;
  }
  const text = challengeToYaml(publicChallenge(loaded.value));
  if (options.out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  if (resolve(options.out) === resolve(file)) {
    io.err(`challenge publish: --out is the teacher's file itself; writing there would lose the private seeds`);
    return EXIT.badInput;
  }
  await writeFile(options.out, text);
  const custom = loaded.value.levels.filter((l) => l.file !== undefined).map((l) => l.file);
  io.err(`wrote ${options.out} (the students' copy: the private seeds are replaced by their hash)${custom.length > 0 ? `; hand out the level files too: ${custom.join(', ')}` : ''}`);
  return EXIT.ok;
}

