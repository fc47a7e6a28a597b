// rightsize submit SOLUTION... --challenge FILE --player NAME [--out FILE]: a submission from solution files, the
// same file the game writes (what a student's repository runs under GitHub Classroom, and what scripts use).
// `--to JOIN-URL` instead of --challenge: the challenge comes from a live host, the file is kept in the player's
// data folder and sent to the host (queued when it cannot be reached, and sent at the next submit --to or play --join).
import {openChallenge} from '../../classroom/index.js';
import {checkSolutionAgainst, loadSolutionFile, printable, problemAt, type ContentProblem} from '../../content/index.js';
import {ENGINE_VERSION, simulate} from '../../engine/index.js';
import {defaultSubmissionPath, joinedSubmissionPath, recordSubmission, type SolutionEntry} from '../../store/index.js';
import {EXIT, type ExitCode} from '../exit-codes.js';
import {starMarks} from '../format.js';
import {reportProblems, type Io} from '../io.js';

export interface SubmitOptions {
  challenge?: string;
  /** A live host's join URL. */
  to?: string;
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
  if ((options.challenge === undefined) === (options.to === undefined)) {
    io.err('submit: give --challenge FILE (write a submission file) or --to JOIN-URL (send it to a live host), not both');
    return EXIT.badInput;
  }
  let challengeFile = options.challenge ?? '';
  let joinUrl: string | undefined;
  if (options.to !== undefined) {
    if (options.out !== undefined) {
      io.err('submit: --out goes with --challenge; with --to the file is kept in your data folder until the host has it');
      return EXIT.badInput;
    }
    const {joinEvent} = await import('../../host/client.js');
    const joined = await joinEvent(options.to);
    if (!joined.ok) {
      io.err(`submit: ${joined.message}`);
      return EXIT.badInput;
    }
    if (joined.offline) io.err(`submit: ${joined.offline}`);
    challengeFile = joined.challengePath;
    joinUrl = joined.joinUrl;
  }
  const opened = openChallenge(challengeFile, {levelsDir: options.levels});
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
  const out = joinUrl !== undefined ? joinedSubmissionPath(joinUrl, player) : (options.out ?? defaultSubmissionPath(challengeFile, player));
  const written = await recordSubmission(out, {challenge: challenge.id, player, engineVersion: ENGINE_VERSION}, entries, levels.map((l) => l.level.id), now);
  if (written.movedAside) io.err(`submit: the file that was at ${out} could not be used (another player's, or damaged); it is kept as ${written.movedAside}`);
  io.out(`Submitted for ${player} to challenge '${challenge.id}' → ${out}`);
  io.out(lines.join('\n'));
  const missing = levels.filter((l) => !written.submission.solutions.some((s) => s.level === l.level.id)).map((l) => l.level.id);
  io.out(missing.length > 0 ? `  still to submit: ${missing.join(', ')}` : '  every level of the challenge is in the file.');
  io.out('The leaderboard re-scores every build on seeds you have not seen: a build that only just passes here may not pass there.');
  if (joinUrl === undefined) return EXIT.ok;
  const {deliver, deliveryText} = await import('../../host/client.js');
  const delivery = await deliver(joinUrl, player);
  (delivery.status === 'sent' ? io.out : io.err)(`${joinUrl}: ${deliveryText(delivery)}`);
  if (delivery.status === 'sent' && delivery.ack.token) io.out('  your token for this event is kept in your progress file: submit again from this account to update your entry');
  return delivery.status === 'sent' ? EXIT.ok : delivery.status === 'queued' ? EXIT.notPassed : EXIT.badInput;
}
