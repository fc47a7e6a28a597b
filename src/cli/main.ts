// The `rightsize` binary (bundled to dist/cli.js). Ink loads only in commands/play.ts, behind the TTY check.
import {runCli} from './program.js';

// A reader that stops early (`rightsize score x --json | head`) closes the pipe: stop writing, quietly, and keep the exit code.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await runCli(process.argv);
