// Which slice of a long list fits in `rows`, keeping `index` in view (centred when it can be).
// When the list does not fit, one row is kept for the "↓ n more" line.
export interface ScrollWindow {
  start: number;
  end: number;
  above: number;
  below: number;
}

export function scrollWindow(count: number, index: number, rows: number): ScrollWindow {
  if (count <= rows) return {start: 0, end: count, above: 0, below: 0};
  const size = Math.max(1, rows - 1);
  const start = Math.max(0, Math.min(index - Math.floor(size / 2), count - size));
  const end = start + size;
  return {start, end, above: start, below: count - end};
}
