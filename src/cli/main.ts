// The `rightsize` binary (bundled to dist/cli.js). Ink loads only in commands/play.ts, behind the TTY check.
import {runCli} from './program.js';

process.exitCode = await runCli(process.argv);
