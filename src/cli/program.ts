// The `rightsize` command line (DESIGN §4). Commands return exit codes; nothing here calls process.exit.
// Each command's module is imported when it runs, so --help and --version load only commander.
import {Command, CommanderError, Option} from 'commander';
import pkg from '../../package.json' with {type: 'json'};
import {colorDisabledByEnv} from './color.js';
import {EXIT, type ExitCode} from './exit-codes.js';
import {processIo} from './io.js';

interface GlobalOptions {
  levels?: string;
  color: boolean;
  screenReader?: boolean;
}

const EXAMPLES = `
Examples:
  rightsize                                 play (needs an interactive terminal)
  rightsize levels                          the campaign and your stars
  rightsize score my-solution.yaml          simulate a week and score it
  rightsize score sol.yaml --seed 42 --json the result as JSON (same input, same bytes)
  rightsize validate levels/*.yaml          check level files before sharing them
  rightsize progress --json                 readiness by exam domain, reviews due
  rightsize catalog                         instance types, Fargate sizes, Lambda limits, prices
  rightsize play --challenge week-1.yaml    play a classroom challenge (docs/CLASSROOM.md)
  rightsize leaderboard submissions/ --challenge week-1.teacher.yaml

Exit codes: 0 ok / passed, 1 not passed / problems found, 2 bad input.
Files: progress and saved solutions live in the user data folder; RIGHTSIZE_HOME moves them.`;

function buildProgram(setExit: (code: ExitCode) => void): Command {
  const program = new Command('rightsize')
    .description('A terminal game and tutor about choosing AWS compute: build it, simulate a week, see why.')
    .version(pkg.version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addOption(new Option('--levels <dir>', 'read levels from this folder instead of the shipped campaign').env('RIGHTSIZE_LEVELS'))
    .option('--no-color', 'no colour in any output (NO_COLOR does the same)')
    .option('--screen-reader', "play in Ink's screen-reader mode")
    .addHelpText('after', EXAMPLES)
    .showHelpAfterError('(run rightsize --help for usage)')
    .exitOverride();

  const globals = (): GlobalOptions & {noColor: boolean} => {
    const options = program.opts<GlobalOptions>();
    return {...options, noColor: !options.color || colorDisabledByEnv()};
  };

  program.action(async () => {
    // Excess arguments are allowed on the root only so that a mistyped command gets its own message here.
    const [unknown] = program.args;
    if (unknown !== undefined) program.error(`error: unknown command '${unknown}'${suggestion(unknown, program.commands.map((c) => c.name()))}`);
    const {levels, noColor, screenReader} = globals();
    const {playCommand} = await import('./commands/play.js');
    setExit(await playCommand(processIo(!noColor), {levels, noColor, screenReader}));
  });

  program
    .command('score')
    .description('simulate a solution on its level and score it')
    .argument('<solution>', 'a solution file (YAML or JSON)')
    .option('--level <id|file>', "score on this level (an id from the campaign or a level file) instead of the solution's own")
    .option('--seed <n>', "use this seed instead of the level's (0 to 4294967295)")
    .option('--json', 'print the result as JSON')
    .option('--min-stars <n>', 'exit 0 only with at least this many stars (1 to 3; an autograder test)')
    .option('--min-points <n>', 'exit 0 only with at least this many points (0 to 1000)')
    .action(async (solution: string, options: {level?: string; seed?: string; json?: boolean; minStars?: string; minPoints?: string}) => {
      const {levels, noColor} = globals();
      const {scoreCommand} = await import('./commands/score.js');
      setExit(scoreCommand(processIo(!noColor), solution, {...options, levels}));
    });

  program
    .command('validate')
    .description('check level files: schema, references, the reference wins, the counterexamples fail')
    .argument('[files...]', 'level files (or folders of them)')
    .option('--search [builds]', 'also search the builds each level allows (default 3000 scored) for 3-star builds that skip a lesson or beat the reference by more than 5 %')
    .option('--workers <n>', 'worker threads for --search (default: the CPU count, at most 4; 1 scores in process)')
    .action(async (files: string[], options: {search?: string | boolean; workers?: string}) => {
      const io = processIo(!globals().noColor);
      if (options.search !== undefined) {
        const {searchCommand, DEFAULT_SEARCH_BUILDS} = await import('./commands/search.js');
        // `--search FILE` (no count): commander took the file as the count.
        const value = typeof options.search === 'string' ? options.search : undefined;
        const counted = value !== undefined && /^\d+$/.test(value);
        const builds = counted ? Number(value) : DEFAULT_SEARCH_BUILDS;
        const workers = options.workers === undefined ? undefined : Number(options.workers);
        if (builds < 1 || (workers !== undefined && !(Number.isInteger(workers) && workers >= 1))) {
          io.err('--search takes a number of builds of at least 1, --workers a whole number of at least 1');
          setExit(EXIT.badInput);
          return;
        }
        const targets = value !== undefined && !counted ? [value, ...files] : files;
        if (targets.length === 0) {
          io.err("error: missing required argument 'files'\n(run rightsize --help for usage)");
          setExit(EXIT.badInput);
          return;
        }
        setExit(await searchCommand(io, targets, {builds, workers}));
        return;
      }
      if (files.length === 0) {
        io.err("error: missing required argument 'files'\n(run rightsize --help for usage)");
        setExit(EXIT.badInput);
        return;
      }
      const {validateCommand} = await import('./commands/validate.js');
      setExit(validateCommand(io, files));
    });

  program
    .command('levels')
    .description('list the levels by chapter with their concepts and your stars')
    .option('--json', 'print the list as JSON')
    .action(async (options: {json?: boolean}) => {
      const {levels, noColor} = globals();
      const {levelsCommand} = await import('./commands/levels.js');
      setExit(await levelsCommand(processIo(!noColor), {...options, levels}));
    });

  program
    .command('progress')
    .description('readiness per exam and domain (published domain weights) and the reviews due')
    .option('--json', 'print the report as JSON')
    .action(async (options: {json?: boolean}) => {
      const {levels, noColor} = globals();
      const {progressCommand} = await import('./commands/progress.js');
      setExit(await progressCommand(processIo(!noColor), {...options, levels}));
    });

  program
    .command('catalog')
    .description('the instance types, Fargate sizes and Lambda limits the game knows, with their prices')
    .option('--json', 'print the catalog as JSON (shape in docs/CATALOG.md)')
    .action(async (options: {json?: boolean}) => {
      const {catalogCommand} = await import('./commands/catalog.js');
      setExit(catalogCommand(processIo(!globals().noColor), options));
    });

  program
    .command('play')
    .description('play the game; with --challenge, play a classroom challenge and write your submission')
    .option('--challenge <file>', "a challenge file from your teacher: its levels, on its public seed")
    .option('--join <url>', "your teacher's live event (the join URL `rightsize host` shows): u on a run's results sends it")
    .option('--player <name>', 'your name on the leaderboard (asked for when left out)')
    .option('--out <file>', 'where the submission goes (default: submissions/<player>.json beside the challenge)')
    .action(async (options: {challenge?: string; join?: string; player?: string; out?: string}) => {
      const {levels, noColor, screenReader} = globals();
      const {playCommand} = await import('./commands/play.js');
      setExit(await playCommand(processIo(!noColor), {levels, noColor, screenReader, ...options}));
    });

  const challenge = program.command('challenge').description('write a classroom challenge, or the copy students get');
  challenge
    .command('new')
    .description('write a challenge (asks in a terminal; scriptable with the flags)')
    .option('--id <id>', 'the challenge id, kebab-case (e.g. week-1)')
    .option('--title <text>', 'the title students see (default: the id)')
    // `--levels` is also the root's level-folder option, which commander reads first: here it is the level list
    // (the campaign folder for the ids then comes from RIGHTSIZE_LEVELS).
    .option('--levels <list>', 'comma-separated level ids or level files, in play order')
    .option('--private-seeds <n>', 'how many private seeds the leaderboard re-scores on (default 3)')
    .option('--public-seed <n>', 'the seed students play on (default: a random one)')
    .option('--opens <time>', 'refuse submissions made before this time (ISO 8601, e.g. 2026-12-07T09:00:00Z)')
    .option('--closes <time>', 'refuse submissions made after this time')
    .option('--scoring <method>', 'points (default) or pareto (rank by Pareto layer on cost × availability)')
    .option('--out <file>', "write the teacher's copy here (default: stdout)")
    .option('--force', 'replace --out if it exists')
    .action(async (options: Record<string, string | boolean | undefined>) => {
      const {levels, noColor} = globals();
      const fromCli = program.getOptionValueSource('levels') === 'cli';
      const {challengeNewCommand} = await import('./commands/challenge.js');
      setExit(await challengeNewCommand(processIo(!noColor), {...options, ...(fromCli ? {levels} : {}), levelsDir: fromCli ? undefined : levels}));
    });
  challenge
    .command('publish')
    .description("write the students' copy: the private seeds replaced by their hash")
    .argument('<file>', "the teacher's challenge file")
    .option('--out <file>', 'write it here (default: stdout)')
    .action(async (file: string, options: {out?: string}) => {
      const {levels, noColor} = globals();
      const {challengePublishCommand} = await import('./commands/challenge.js');
      setExit(await challengePublishCommand(processIo(!noColor), file, {...options, levelsDir: levels}));
    });

  program
    .command('submit')
    .description('write a challenge submission from solution files (one per level)')
    .argument('<solutions...>', 'solution files (YAML or JSON)')
    .option('--challenge <file>', 'the challenge file (write a submission file)')
    .option('--to <url>', "a live host's join URL (send the submission to it; queued while it cannot be reached)")
    .requiredOption('--player <name>', 'your name on the leaderboard')
    .option('--out <file>', 'where the submission goes (default: submissions/<player>.json beside the challenge)')
    .action(async (solutions: string[], options: {challenge?: string; to?: string; player: string; out?: string}) => {
      const {levels, noColor} = globals();
      const {submitCommand} = await import('./commands/submit.js');
      setExit(await submitCommand(processIo(!noColor), solutions, {...options, levels}));
    });

  program
    .command('host')
    .description('run a live classroom event on the lab network: students join and submit, a projector page shows the board')
    .requiredOption('--challenge <file>', "the teacher's challenge file (it holds the private seeds)")
    .option('--port <n>', 'the port to listen on (default 7070; 0 picks a free one)')
    .option('--data <dir>', 'the event folder: SQLite database and every submission file (default: <challenge>.event beside the challenge)')
    .option('--bind <address>', 'the address to listen on (default 0.0.0.0: every network of this machine)')
    .option('--public-url <url>', 'what the join URL starts with, when students reach this machine by another name')
    .option('--workers <n>', 're-scoring threads (default: one per core)')
    .option('--submit-rate <n>', 'submissions per minute per address (default 30; 0: no limit; raise it when the room shares one address)')
    .action(async (options: {challenge: string; port?: string; data?: string; bind?: string; publicUrl?: string; workers?: string; submitRate?: string}) => {
      const {levels, noColor} = globals();
      const {hostCommand} = await import('./commands/host.js');
      const rows = process.stdout.isTTY ? process.stdout.rows : undefined;
      setExit(await hostCommand(processIo(!noColor), {...options, levels}, rows === undefined ? {} : {rows}));
    });

  program
    .command('leaderboard')
    .description('re-score every submission on the private seeds and rank the players')
    .argument('<paths...>', 'submission files, or folders of them (also */submissions/ inside)')
    .requiredOption('--challenge <file>', "the teacher's challenge file (it holds the private seeds)")
    .option('--json', 'print the leaderboard as JSON (shape in docs/CLASSROOM.md)')
    .option('--csv', 'print it as CSV')
    .option('--markdown', 'print it as a Markdown table')
    .option('--freeze <time>', 'leave out submissions made after this time (ISO 8601)')
    .option('--watch', 'keep the table up to date as files arrive (Ctrl+C stops)')
    .option('--workers <n>', 'worker threads for re-scoring (default: one per core; 0: none)')
    .option('--no-cache', 're-simulate everything instead of reusing earlier results')
    .action(async (paths: string[], options: {challenge: string; json?: boolean; csv?: boolean; markdown?: boolean; freeze?: string; watch?: boolean; workers?: string; cache: boolean}) => {
      const {levels, noColor} = globals();
      const {leaderboardCommand} = await import('./commands/leaderboard.js');
      setExit(await leaderboardCommand(processIo(!noColor), paths, {...options, levels}, {progress: process.stderr}));
    });

  // After the subcommands exist, so they keep rejecting excess arguments.
  program.allowExcessArguments(true).helpCommand(true);
  return program;
}

/** "\n(Did you mean score?)" for a near miss: same first letter or a small edit away. */
function suggestion(input: string, names: readonly string[]): string {
  const near = names.find((name) => name.startsWith(input.slice(0, 3)) || editDistance(input, name) <= 2);
  return near === undefined ? '' : `\n(Did you mean ${near}?)`;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Runs the command line and returns the exit code. Unexpected errors become one line (the stack with RIGHTSIZE_DEBUG=1). */
export async function runCli(argv: readonly string[]): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  try {
    await buildProgram((c) => (code = c)).parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    const debug = process.env['RIGHTSIZE_DEBUG'] === '1';
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rightsize: unexpected error: ${message}${debug ? '' : ' (set RIGHTSIZE_DEBUG=1 for details)'}\n`);
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return EXIT.badInput;
  }
}
