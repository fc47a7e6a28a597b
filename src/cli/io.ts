// Where a command writes. Commands return their exit code and never call process.exit, so piped output is never cut.
import {formatProblem, type ContentProblem} from '../content/index.js';
import {painter, useColor, type Paint} from './color.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Colours for stdout (identity when colour is off). */
  paint: Paint;
  /** The terminal's width when stdout is one (reports wrap to it); undefined for pipes and files. */
  columns?: number;
}

export function processIo(colorFlag: boolean): Io {
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    paint: painter(useColor(colorFlag, process.stdout)),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
}

/** Every problem on its own line, `file:line:col path: message`. */
export function reportProblems(io: Io, problems: readonly ContentProblem[]): void {
  for (const problem of problems) io.err(formatProblem(problem));
}
