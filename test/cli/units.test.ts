// Pure helpers of the CLI: seed parsing, colour decision, number formats, the table.
import {describe, expect, it} from 'vitest';
import {painter, useColor} from '../../src/cli/color.js';
import {formatMetric, formatQuantity, formatUnitPrice, formatUsd, starMarks, starWords} from '../../src/cli/format.js';
import {parseSeed} from '../../src/cli/seed.js';
import {renderTable} from '../../src/cli/table.js';
import type {Metric} from '../../src/engine/vocab.js';

describe('parseSeed', () => {
  const rows: {name: string; input: string; want: number | 'error'}[] = [
    {name: 'zero', input: '0', want: 0},
    {name: 'a plain number', input: '42', want: 42},
    {name: 'the largest 32-bit seed', input: '4294967295', want: 4294967295},
    {name: 'spaces around', input: ' 7 ', want: 7},
    {name: 'one past 32 bits', input: '4294967296', want: 'error'},
    {name: 'negative', input: '-1', want: 'error'},
    {name: 'fraction', input: '1.5', want: 'error'},
    {name: 'exponent', input: '1e3', want: 'error'},
    {name: 'hex', input: '0x10', want: 'error'},
    {name: 'words', input: 'seven', want: 'error'},
    {name: 'empty', input: '', want: 'error'},
  ];
  for (const row of rows) {
    it(row.name, () => {
      const parsed = parseSeed(row.input);
      if (row.want === 'error') expect(parsed.ok).toBe(false);
      else expect(parsed).toEqual({ok: true, seed: row.want});
    });
  }
});

describe('useColor', () => {
  const rows: {name: string; flag: boolean; tty: boolean; noColor?: string; want: boolean}[] = [
    {name: 'terminal, no flags', flag: true, tty: true, want: true},
    {name: 'pipe', flag: true, tty: false, want: false},
    {name: '--no-color', flag: false, tty: true, want: false},
    {name: 'NO_COLOR=1', flag: true, tty: true, noColor: '1', want: false},
    {name: 'NO_COLOR empty means nothing', flag: true, tty: true, noColor: '', want: true},
  ];
  for (const row of rows) {
    it(row.name, () => {
      const env = row.noColor === undefined ? {} : {NO_COLOR: row.noColor};
      expect(useColor(row.flag, {isTTY: row.tty}, env)).toBe(row.want);
    });
  }

  it('a disabled painter returns the text untouched; an enabled one wraps it in SGR codes', () => {
    expect(painter(false)('red', '✗ fail')).toBe('✗ fail');
    expect(painter(true)('red', '✗ fail')).toBe('\u001b[31m✗ fail\u001b[39m');
  });
});

describe('formats', () => {
  const prices: {name: string; usd: number; want: string}[] = [
    {name: 't3.small hour', usd: 0.0208, want: '$0.0208'},
    {name: 'Lambda GB-second', usd: 0.0000166667, want: '$0.0000166667'},
    {name: 'EKS cluster-hour', usd: 0.1, want: '$0.10'},
    {name: 'whole dollars', usd: 73, want: '$73.00'},
    {name: 'thousands', usd: 1234.5, want: '$1,234.50'},
    {name: 'zero', usd: 0, want: '$0.00'},
  ];
  for (const row of prices) it(`unit price: ${row.name}`, () => expect(formatUnitPrice(row.usd)).toBe(row.want));

  it('amounts in cents', () => expect(formatUsd(140.16)).toBe('$140.16'));
  it('quantities', () => expect([formatQuantity(1460), formatQuantity(1_500_000), formatQuantity(2.5), formatQuantity(1234.56)]).toEqual(['1,460', '1,500,000', '2.5', '1,234.6']));

  const metrics: {metric: Metric; value: number; want: string}[] = [
    {metric: 'availability', value: 0.9995, want: '99.950%'},
    {metric: 'availability', value: 1, want: '100.0%'},
    {metric: 'availability', value: 0.5, want: '50.0%'},
    {metric: 'p95LatencyMs', value: 212.4, want: '212 ms'},
    {metric: 'monthlyCostUsd', value: 90, want: '$90.00'},
    {metric: 'idleCostShare', value: 0.25, want: '25.0%'},
    {metric: 'opsHoursPerMonth', value: 4, want: '4 h'},
  ];
  for (const row of metrics) it(`metric ${row.metric} ${row.value}`, () => expect(formatMetric(row.metric, row.value)).toBe(row.want));

  it('stars in marks and words', () => {
    expect([0, 1, 2, 3].map((n) => `${starMarks(n)} ${starWords(n)}`)).toEqual(['☆☆☆ no stars', '★☆☆ 1 star', '★★☆ 2 stars', '★★★ 3 stars']);
  });
});

describe('renderTable', () => {
  it('pads left columns on the right and right columns on the left', () => {
    const lines = renderTable([{align: 'left'}, {align: 'right'}], [
      ['overload', '12'],
      ['az-outage', '1,234'],
    ]);
    expect(lines).toEqual(['  overload      12', '  az-outage  1,234']);
  });
});
