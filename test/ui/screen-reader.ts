// Reading a frame as a screen reader gets it: Ink's screen-reader mode writes the tree as plain lines (a column box
// puts its children on lines of their own, a row box joins them with a space), then wraps them at the terminal's
// width. These helpers read a test frame the same way and say what is wrong with it.
import wrapAnsi from 'wrap-ansi';

/** The rows the terminal shows for `frame`, wrapped at `columns` as Ink's screen-reader output is. */
export function readRows(frame: string, columns: number): string[] {
  return wrapAnsi(frame, columns, {trim: false, hard: true}).split('\n');
}

export interface ReadCheck {
  /** The first row starts with this: the screen says where the player is before anything else. */
  title: string | RegExp;
  /** The selected item (or the field, the option, the question) is on the screen. */
  selected?: string | RegExp;
}

/** The key-hint bar: " key  does" pairs (a key may be two words: "any key"), the last row. */
const KEY_BAR = /^ \S+( \S+)? {2}\S/;
/** A "↓ n more" line that goes on with something else: two things run together. */
const JOINED_MORE = /[↑↓] \d+ more\b.*\S\s{1,}\S{3,}.*\S\s+\$?\d/;

function matches(text: string, pattern: string | RegExp): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

/** Everything wrong with `frame` for a screen-reader user on a `columns`×`rows` terminal (empty: nothing). */
export function readProblems(frame: string, columns: number, rows: number, check: ReadCheck): string[] {
  const lines = readRows(frame, columns);
  const problems: string[] = [];
  // One row less than the terminal, as Ink needs to repaint in place.
  if (lines.length > rows - 1) problems.push(`${lines.length} rows, more than ${rows - 1}`);
  const first = lines[0] ?? '';
  if (typeof check.title === 'string' ? !first.startsWith(check.title) : !check.title.test(first)) problems.push(`first row is not the title: "${first}"`);
  const last = lines.at(-1) ?? '';
  if (!KEY_BAR.test(last)) problems.push(`last row is not the key bar: "${last}"`);
  if (lines.slice(0, -1).some((line) => KEY_BAR.test(line) && /\b(help|back)\b/.test(line) && line.length > 30)) problems.push('the key bar is not only on the last row');
  if (check.selected !== undefined && !lines.some((line) => matches(line, check.selected as string | RegExp))) problems.push(`the selected item (${String(check.selected)}) is not on the screen`);
  for (const line of lines) {
    if (JOINED_MORE.test(line) || /more\S* Monthly estimate/.test(line)) problems.push(`two things on one row: "${line}"`);
    if (line.includes('Monthly estimate') && !line.trimStart().startsWith('Monthly estimate')) problems.push(`the estimate does not start its row: "${line}"`);
  }
  return problems;
}
