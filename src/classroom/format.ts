// The leaderboard as text: an 80-column table (terminal, projector), CSV (spreadsheets), Markdown (a README or an
// issue), JSON (scripts; shape in docs/CLASSROOM.md). Player names come from strangers: control characters are
// escaped everywhere, CSV cells that a spreadsheet would run as a formula are quoted as text, Markdown is escaped.
import {printable} from '../content/index.js';
import type {Leaderboard, LeaderboardRow} from './types.js';

export const TABLE_WIDTH = 80;

function fit(text: string, width: number): string {
  const chars = [...printable(text)];
  return chars.length <= width ? chars.join('') : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const room = width - [...text].length;
  if (room <= 0) return text;
  return align === 'left' ? text + ' '.repeat(room) : ' '.repeat(room) + text;
}

export function formatPoints(points: number): string {
  return Number.isInteger(points) ? String(points) : points.toFixed(1);
}

export function formatAvailability(availability: number): string {
  return `${(availability * 100).toFixed(2)}%`;
}

function paretoCell(row: LeaderboardRow): string {
  return row.pareto ? 'front' : '';
}

/** The table, each line at most `width` characters (at least 60). */
export function leaderboardTable(board: Leaderboard, width = TABLE_WIDTH): string[] {
  const teams = board.rows.some((r) => r.team !== undefined);
  const levelCount = board.challenge.levels.length;
  const cols = [
    {head: '#', align: 'right' as const, width: 3, cell: (r: LeaderboardRow) => String(r.rank)},
    {head: 'player', align: 'left' as const, width: 0, cell: (r: LeaderboardRow) => r.player},
    ...(teams ? [{head: 'team', align: 'left' as const, width: 10, cell: (r: LeaderboardRow) => r.team ?? ''}] : []),
    {head: 'points', align: 'right' as const, width: 7, cell: (r: LeaderboardRow) => formatPoints(r.points)},
    {head: 'worst', align: 'right' as const, width: 6, cell: (r: LeaderboardRow) => formatPoints(r.worstPoints)},
    {head: '$/month', align: 'right' as const, width: 9, cell: (r: LeaderboardRow) => r.costUsd.toFixed(2)},
    {head: 'avail.', align: 'right' as const, width: 7, cell: (r: LeaderboardRow) => formatAvailability(r.availability)},
    {head: 'pareto', align: 'left' as const, width: 6, cell: paretoCell},
    {head: 'levels', align: 'right' as const, width: 6, cell: (r: LeaderboardRow) => `${r.levelsSubmitted}/${levelCount}`},
  ];
  const gap = 2;
  const fixed = cols.reduce((sum, c) => sum + c.width, 0) + gap * (cols.length - 1);
  const longest = Math.max(6, ...board.rows.map((r) => [...printable(r.player)].length));
  const playerWidth = Math.max(6, Math.min(longest, Math.max(60, width) - fixed));
  const widths = cols.map((c) => (c.head === 'player' ? playerWidth : c.width));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(fit(cell, widths[i] ?? 0), widths[i] ?? 0, cols[i]?.align ?? 'left'))
      .join(' '.repeat(gap))
      .trimEnd();
  const title = `${board.challenge.title} — ${board.rows.length} player${board.rows.length === 1 ? '' : 's'}, ${board.challenge.privateSeeds} private seed${board.challenge.privateSeeds === 1 ? '' : 's'}`;
  const lines = [fit(title, width), line(cols.map((c) => c.head))];
  if (board.rows.length === 0) lines.push('  (no accepted submissions yet)');
  for (const row of board.rows) lines.push(line(cols.map((c) => c.cell(row))));
  const [m1, m2] = board.challenge.scoring.metrics;
  const order = board.challenge.scoring.method === 'pareto' ? `Pareto layer on ${m1} × ${m2}, then points` : 'points, then $/month, then submission time';
  lines.push('', ...wrap(`Ranked by ${order}. points: mean over the private seeds (worst: the lowest seed); pareto front: ${m1} × ${m2}.${board.freeze ? ` Frozen at ${board.freeze}.` : ''}`, width));
  if (board.rejected.length > 0) {
    lines.push('', `Rejected (${board.rejected.length}):`);
    for (const r of board.rejected) lines.push(...wrap(`${printable(r.file)}: ${r.reason} — ${printable(r.message)}`, width, '    ', '  '));
  }
  if (board.superseded.length > 0) lines.push('', ...wrap(`Not counted (the same player did better in another file): ${board.superseded.map((s) => printable(s.file)).join(', ')}`, width));
  return lines;
}

function wrap(text: string, width: number, indent = '', first = ''): string[] {
  const out: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && [...candidate].length > width) {
      out.push(line);
      line = indent + word;
    } else line = candidate;
    empty = false;
  }
  out.push(line);
  return out.map((l) => ([...l].length > width ? fit(l, width) : l));
}

function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === undefined || value === null) return '';
  let text = printable(String(value));
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function leaderboardCsv(board: Leaderboard): string {
  const levelIds = board.challenge.levels.map((l) => l.id);
  const head = ['rank', 'player', 'team', 'points', 'worstPoints', 'costUsd', 'availability', 'pareto', 'paretoLayer', 'levelsSubmitted', 'submittedAt', 'file', ...levelIds.map((id) => `points:${id}`)];
  const lines = [head.join(',')];
  for (const r of board.rows) {
    const perLevel = levelIds.map((id) => r.levels.find((l) => l.level === id)?.points);
    lines.push([r.rank, r.player, r.team, r.points, r.worstPoints, r.costUsd, r.availability, r.pareto, r.paretoLayer, r.levelsSubmitted, r.submittedAt, r.file, ...perLevel].map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

function mdCell(text: string): string {
  return printable(text).replace(/[\\`*_{}[\]<>|#]/g, (ch: string) => `\\${ch}`);
}

export function leaderboardMarkdown(board: Leaderboard): string {
  const levelCount = board.challenge.levels.length;
  const lines = [
    `## ${mdCell(board.challenge.title)}`,
    '',
    `Re-scored on ${board.challenge.privateSeeds} private seed${board.challenge.privateSeeds === 1 ? '' : 's'} (commitment \`${board.challenge.privateSeedsHash.slice(0, 16)}…\`), engine ${mdCell(board.engineVersion)}${board.freeze ? `, frozen at ${board.freeze}` : ''}.`,
    '',
    '| # | player | points | worst | $/month | availability | Pareto | levels |',
    '| --: | :-- | --: | --: | --: | --: | :-- | --: |',
    ...board.rows.map((r) => `| ${r.rank} | ${mdCell(r.player)}${r.team ? ` (${mdCell(r.team)})` : ''} | ${formatPoints(r.points)} | ${formatPoints(r.worstPoints)} | ${r.costUsd.toFixed(2)} | ${formatAvailability(r.availability)} | ${r.pareto ? 'front' : ''} | ${r.levelsSubmitted}/${levelCount} |`),
  ];
  if (board.rejected.length > 0) {
    lines.push('', `Rejected: ${board.rejected.length}`, '', ...board.rejected.map((r) => `- \`${printable(r.file).replace(/`/g, "'")}\`: ${r.reason} — ${mdCell(r.message)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Two-space JSON with a trailing newline: the same leaderboard gives the same bytes. */
export function leaderboardJson(board: Leaderboard): string {
  return `${JSON.stringify(board, null, 2)}\n`;
}
