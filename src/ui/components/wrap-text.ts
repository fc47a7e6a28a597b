// Word wrap to a width, so long text can be cut into a window of lines that fits 80×24.
// Paragraphs (blank lines) are kept; a line that fits is kept as it is; a word longer than the width is split.

export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.replace(/\s+$/, '').split('\n')) {
    if (paragraph.trim() === '') {
      lines.push('');
      continue;
    }
    if (paragraph.length <= width) {
      // A line that fits is kept as written: aligned columns stay aligned.
      lines.push(paragraph.trimEnd());
      continue;
    }
    const indent = /^\s*/.exec(paragraph)?.[0] ?? '';
    let line = '';
    for (const word of paragraph.trim().split(/\s+/)) {
      let rest = word;
      while (rest.length > width - indent.length) {
        if (line !== '') {
          lines.push(indent + line);
          line = '';
        }
        lines.push(indent + rest.slice(0, width - indent.length));
        rest = rest.slice(width - indent.length);
      }
      if (line === '') line = rest;
      else if (indent.length + line.length + 1 + rest.length <= width) line += ' ' + rest;
      else {
        lines.push(indent + line);
        line = rest;
      }
    }
    if (line !== '') lines.push(indent + line);
  }
  return lines;
}
