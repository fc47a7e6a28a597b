// rightsize submit SOLUTION... --challenge FILE --player NAME [--out FILE]: a submission from solution files, the
// same file the game writes (what a student's repository runs under GitHub Classroom, and what scripts use).
import {openChallenge} from '../../classroom/index.js';
import {checkSolutionAgainst, loadSolutionFile, printable, problemAt, type ContentProblem} from '../../content/index.js';
import {ENGINE_VERSION, simulate} from '../../engine/index.js';
import {defaultSubmissionPath, recordSubmission, type SolutionEntry} from '../../store/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {starMarks} from '../format.js';
import {reportProblems, type Io} from '../io.js';

export interface SubmitOptions {
  challenge: string;
  player: string;
  out?: string;
  levels?: string;
}

const MAX_PLAYER_CHARS = 60;

export async function submitCommand(io: Io, solutionPaths: readonly string[], options: SubmitOptions, now = new Date()): Promise<ExitCode> {
  const player = options.player.trim();
  if (player === '' || [...player].length > MAX_PLAYER_CHARS || printable(player) !== player) {
    io.err(`submit: --player must be 1 to ${MAX_PLAYER_CHARS} printable characters (got '${options.player}')`);
    return EXIT.badInput;
  }
  const opened = openChallenge(options.challenge, {levelsDir: options.levels});
  if (!opened.ok) {
    reportProblems(io, opened.problems);
    return EXIT.badInput;
  }
  const {challenge, levels} = opened;
  const problems: ContentProblem[] = [];
  const entries: SolutionEntry[] = [];
  const lines: string[] = [];
  for (const path of solutionPaths) {
    const loaded = loadSolutionFile(path);
    if (!loaded.ok) {
      problems.push(...loaded.problems);
      continue;
    }
    const found = levels.find((l) => l.level.id === loaded.value.level);
    if (!found) {
      problems.push(problemAt(loaded.source, ['level'], `level '${loaded.value.level}' is not in challenge '${challenge.id}' (levels: ${levels.map((l) => l.level.id).join(', ')})`));
      continue;
    }
    if (entries.some((e) => e.level === found.level.id)) {
      problems.push(problemAt(loaded.source, ['level'], `a second solution for level '${found.level.id}': give one per level`));
      continue;
    }
    const checked = checkSolutionAgainst(found.level, loaded);
    if (checked.length > 0) {
      problems.push(...checked);
      continue;
    }
    // The student sees their public-seed score; the leaderboard re-scores on the private seeds and ignores this.
    const result = simulate(found.level, loaded.value, {seed: challenge.publicSeed});
    entries.push({level: found.level.id, levelHash: found.hash, tiers: loaded.value.tiers, claimed: {seed: challenge.publicSeed, points: result.points, stars: result.stars, fingerprint: result.fingerprint}});
    lines.push(`  ${found.level.id}: ${result.points} points ${starMarks(result.stars)} on the public seed (${path})`);
  }
  if (problems.length > 0) {
    reportProblems(io, problems);
    io.err('submit: nothing was written');
    return EXIT.badInput;
  }
  const out = options.out ?? defaultSubmissionPath(options.challenge, player);
  const written = await recordSubmission(out, {challenge: challenge.id, player, engineVersion: ENGINE_VERSION}, entries, levels.map((l) => l.level.id), now);
  if (written.movedAside) io.err(`submit: the file that was at ${out} could not be used (another player's, or damaged); it is kept as ${written.movedAside}`);
  io.out(`Submitted for ${player} to challenge '${challenge.id}' → ${out}`);
  io.out(lines.join('\n'));
  const missing = levels.filter((l) => !written.submission.solutions.some((s) => s.level === l.level.id)).map((l) => l.level.id);
  io.out(missing.length > 0 ? `  still to submit: ${missing.join(', ')}` : '  every level of the challenge is in the file.');
  io.out('The leaderboard re-scores every build on seeds you have not seen: a build that only just passes here may not pass there.');
  return EXIT.ok;
}
