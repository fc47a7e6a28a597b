// Greedy word wrap for terminal output; a word longer than the width gets a line of its own (it is never cut).

export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line === '') line = word;
    else if ([...line].length + 1 + [...word].length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** `prefix` then `text` wrapped to `width` (undefined: one line), continuation lines indented under the text. */
export function hanging(prefix: string, prefixWidth: number, text: string, width: number | undefined): string[] {
  if (width === undefined) return [prefix + text];
  const [first = '', ...rest] = wrapWords(text, Math.max(20, width - prefixWidth));
  return [prefix + first, ...rest.map((line) => ' '.repeat(prefixWidth) + line)];
}
