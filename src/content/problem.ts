// What every loader returns: a value, or every problem found, each at file:line:col. Loaders never throw for bad input.

/** One problem in a content file. `line` and `col` are 1-based; `path` is rendered like `tiers[0].instanceType` ("" for the file as a whole). */
export interface ContentProblem {
  file: string;
  line: number;
  col: number;
  path: string;
  message: string;
}

// C0 and C1 control characters (and DEL): a stranger's file must not move the cursor or recolour a classroom's
// terminal when its text is printed back in a message or on a leaderboard.
// eslint-disable-next-line no-control-regex
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Text safe to print: control characters shown as \u escapes. */
export function printable(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type Loaded<T> = {ok: true; value: T} | {ok: false; problems: ContentProblem[]};

/** A path as people read it: `tiers[0].task.memoryGb`. */
export function renderPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? printable(String(segment)) : `.${printable(String(segment))}`;
  }
  return out;
}

/** `file:line:col path: message` (the path is left out when the problem is about the whole file). */
export function formatProblem(problem: ContentProblem): string {
  const where = `${problem.file}:${problem.line}:${problem.col}`;
  return problem.path === '' ? `${where}: ${problem.message}` : `${where} ${problem.path}: ${problem.message}`;
}

/** Sorted by position, then path: the order a reader fixes them in. */
export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col || a.path.localeCompare(b.path) || a.message.localeCompare(b.message),
  );
}

export function fileProblem(file: string, message: string): ContentProblem {
  return {file, line: 1, col: 1, path: '', message};
}
