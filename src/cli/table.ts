// Plain-text columns: left-aligned text, right-aligned numbers, two spaces between columns unless a column says.

export interface Column {
  align: 'left' | 'right';
  /** Spaces before this column (default 2; ignored for the first). */
  gap?: number;
}

/** Rows of cells → lines; every column as wide as its widest cell (in characters). */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string[] {
  const widths = columns.map((_, i) => Math.max(0, ...rows.map((row) => [...(row[i] ?? '')].length)));
  return rows.map((row) =>
    (
      indent +
      columns
        .map((column, i) => {
          const cell = row[i] ?? '';
          const pad = ' '.repeat((widths[i] ?? 0) - [...cell].length);
          return column.align === 'left' ? cell + pad : pad + cell;
        })
        .map((cell, i) => (i === 0 ? cell : ' '.repeat(columns[i]?.gap ?? 2) + cell))
        .join('')
    ).trimEnd(),
  );
}
