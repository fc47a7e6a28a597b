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
    .action(async (solution: string, options: {level?: string; seed?: string; json?: boolean}) => {
      const {levels, noColor} = globals();
      const {scoreCommand} = await import('./commands/score.js');
      setExit(scoreCommand(processIo(!noColor), solution, {...options, levels}));
    });

  program
    .command('validate')
    .description('check level files: schema, references, the reference wins, the counterexamples fail')
    .argument('<files...>', 'level files')
    .action(async (files: string[]) => {
      const {validateCommand} = await import('./commands/validate.js');
      setExit(validateCommand(processIo(!globals().noColor), files));
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
