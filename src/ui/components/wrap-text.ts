// Word wrap to a width, so long text can be cut into a window of lines that fits the terminal. The wrapping is
// wrap-ansi's (the library Ink itself wraps <Text> with): breaks fall between words, counted in terminal columns.
// Paragraphs (blank lines) are kept; a line that fits is kept as written (aligned columns stay aligned); a bullet
// ("• ", "- ", "1. ") hangs its continuation lines under its text; only a word longer than the whole width (an
// identifier, a URL) is split.
import wrapAnsi from 'wrap-ansi';
import stringWidth from 'string-width';

const BULLET = /^(\s*)([•·\-*✓✗!]|\d+\.)\s+/;

export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\s+$/, '').split('\n')) {
    if (paragraph.trim() === '') {
      lines.push('');
      continue;
    }
    if (stringWidth(paragraph) <= width) {
      lines.push(paragraph.trimEnd());
      continue;
    }
    lines.push(...wrapParagraph(paragraph, width));
  }
  return lines;
}

/** One paragraph: its own indent kept on every line, a bullet's continuation lines indented under its text. */
function wrapParagraph(paragraph: string, width: number): string[] {
  const bullet = BULLET.exec(paragraph);
  const indent = /^\s*/.exec(paragraph)?.[0] ?? '';
  let head = bullet ? bullet[0] : indent;
  // A deep indent in a narrow width would make every word an overlong one: then the indent goes.
  if (width - stringWidth(head) < Math.ceil(width / 2)) head = '';
  const hang = ' '.repeat(stringWidth(head));
  const room = width - stringWidth(head);
  const body = paragraph.slice(head === '' ? 0 : head.length).replace(/\s+/g, ' ').trim();
  const wrapped = wrapAnsi(body, room, {hard: true, trim: true}).split('\n');
  return wrapped.map((line, i) => (i === 0 ? head : hang) + line);
}

/** `text` cut to `columns` terminal columns, ending in "…" when cut: for identifiers only, never prose. */
export function fitColumns(text: string, columns: number): string {
  if (stringWidth(text) <= columns) return text;
  let out = '';
  for (const char of text) {
    if (stringWidth(out + char) > columns - 1) break;
    out += char;
  }
  return `${out}…`;
}
