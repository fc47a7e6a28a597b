// The text report of a known Result, without colour: what a player reads after `rightsize score`.
import {describe, expect, it} from 'vitest';
import {painter} from '../../src/cli/color.js';
import {renderReport} from '../../src/cli/report.js';
import {wrapWords} from '../../src/cli/wrap.js';
import type {Result} from '../../src/engine/types.js';

const LEVEL = {id: 'stay-up', title: 'Stay Up'};

const failing: Result = {
  level: 'stay-up',
  levelHash: 'abcdef0123456789',
  engineVersion: '1.0.0',
  seed: 7,
  horizonHours: 168,
  passed: false,
  stars: 0,
  points: 250,
  objectives: [
    {metric: 'availability', value: 0.981, pass: 0.999, gold: 0.9995, weight: 3, met: false, atGold: false, points: 0, maxPoints: 750, lostTo: 'single-az'},
    {metric: 'monthlyCostUsd', value: 19.47, pass: 150, gold: 90, weight: 1, met: true, atGold: true, points: 250, maxPoints: 250},
  ],
  hardFailures: ['customer data in the default VPC (critical finding customer-data-in-default-vpc)'],
  metrics: {
    availability: 0.981, p95LatencyMs: 40, monthlyCostUsd: 19.47, idleCostShare: 0.6, jobsOnTime: 1, eventsWithinMaxAge: 1, opsHoursPerMonth: 2,
    requestsOffered: 100, requestsServed: 98, requestsFailed: 2, jobsTotal: 0, jobsFailed: 0, eventsTotal: 0, eventsFailed: 0,
  },
  cost: [
    {item: 'EC2 t3.small on-demand', unit: 'instance-hours', quantity: 730, unitPriceUsd: 0.0208, usd: 15.18},
    {item: 'EBS gp3 root volumes', unit: 'GB-months', quantity: 8, unitPriceUsd: 0.08, usd: 0.64},
    {item: 'Public IPv4 addresses', unit: 'IP-hours', quantity: 730, unitPriceUsd: 0.005, usd: 3.65},
  ],
  failures: {'booting': 8276, 'az-outage': 215397},
  findings: [
    {id: 'single-instance', severity: 'warning', concept: 'high-availability', message: 'web runs on a single t3.small.', workload: 'web'},
    {id: 'customer-data-in-default-vpc', severity: 'critical', concept: 'default-vpc', message: 'customer data sits in public subnets of the default VPC.'},
  ],
  timeline: {bucketMinutes: 15, buckets: 0, series: [], costUsdPerHour: [], marks: []},
  fingerprint: 'f'.repeat(64),
};

describe('renderReport', () => {
  const text = renderReport(failing, LEVEL, painter(false));
  const lines = text.split('\n');

  const rows: {name: string; want: string}[] = [
    {name: 'title, seed and horizon', want: 'Stay Up (stay-up) · seed 7 · 168 h simulated'},
    {name: 'stars in marks and words, the verdict and the points', want: '☆☆☆  no stars · ✗ not passed · 250 / 1,000 points'},
    {name: 'a failed objective with its value and thresholds (one precision for the row)', want: '  ✗ fail  availability  98.100%  pass 99.900%  gold 99.950%    0/750'},
    {name: 'the finding that cost it, on the next line', want: '          lost to single-az'},
    {name: 'an objective at gold', want: '  ✓ gold  monthly cost   $19.47  pass $150.00  gold $90.00   250/250'},
    {name: 'why it failed outright', want: '  ✗ customer data in the default VPC (critical finding customer-data-in-default-vpc)'},
    {name: 'a cost line reads as its sum', want: '  EC2 t3.small on-demand  730 instance-hours × $0.0208 = $15.18'},
    {name: 'the cost total, amounts aligned', want: '  total                                                = $19.47'},
    {name: 'failures in the vocabulary order', want: '  az-outage  215,397'},
    {name: 'critical findings first, with their concept', want: '  critical customer-data-in-default-vpc: customer data sits in public subnets of the default VPC. (concept: default-vpc)'},
    {name: 'the fingerprint on a line of its own', want: `fingerprint ${'f'.repeat(64)}`},
    {name: 'the engine version and level hash', want: 'engine 1.0.0 · level hash abcdef012345'},
    {name: 'the workload of a finding', want: '  warning  single-instance [web]: web runs on a single t3.small. (concept: high-availability)'},
  ];
  for (const row of rows) it(row.name, () => expect(lines).toContain(row.want));

  it('sections in reading order', () => {
    const order = ['Objectives (points: earned/possible)', 'Failed outright', 'Cost per 730-hour month', 'Failures by reason', 'Findings'].map((title) => lines.indexOf(title));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(lines.indexOf('  az-outage  215,397')).toBeLessThan(lines.indexOf('  booting      8,276'));
  });

  it('no colour codes when colour is off; colour never the only signal when on', () => {
    expect(text).not.toContain('\u001b[');
    const coloured = renderReport(failing, LEVEL, painter(true));
    expect(coloured).toContain('\u001b[');
    expect(coloured).toContain('✗ not passed');
  });

  it('nothing failed and nothing found: says none', () => {
    const clean = renderReport({...failing, failures: {}, findings: [], hardFailures: []}, LEVEL, painter(false)).split('\n');
    expect(clean.filter((line) => line === '  none')).toHaveLength(2);
    expect(clean).not.toContain('Failed outright');
  });

  it('on a narrow terminal, a cost line puts its sum on a second line', () => {
    const narrow = renderReport(failing, LEVEL, painter(false), 60).split('\n');
    const start = narrow.indexOf('  EC2 t3.small on-demand  = $15.18');
    expect(start).toBeGreaterThan(0);
    expect(narrow[start + 1]).toBe('      730 instance-hours × $0.0208');
    expect(narrow).toContain('  total                   = $19.47');
  });

  it('wraps findings to the terminal width with a hanging indent', () => {
    const narrow = renderReport(failing, LEVEL, painter(false), 60).split('\n');
    const start = narrow.findIndex((line) => line.startsWith('  critical '));
    expect(narrow[start]).toBe('  critical customer-data-in-default-vpc: customer data sits');
    expect(narrow[start + 1]).toBe('           in public subnets of the default VPC. (concept:');
    expect(narrow[start + 2]).toBe('           default-vpc)');
  });
});

describe('wrapWords', () => {
  const rows: {name: string; text: string; width: number; want: string[]}[] = [
    {name: 'fits', text: 'one two', width: 10, want: ['one two']},
    {name: 'breaks between words', text: 'one two three', width: 8, want: ['one two', 'three']},
    {name: 'a long word is never cut', text: 'a abcdefghijkl b', width: 5, want: ['a', 'abcdefghijkl', 'b']},
    {name: 'empty', text: '', width: 5, want: ['']},
  ];
  for (const row of rows) it(row.name, () => expect(wrapWords(row.text, row.width)).toEqual(row.want));
});

describe('renderReport: the player’s run and outright failures', () => {
  const outright: Result = {
    ...failing,
    hardFailures: ['ssh-open-to-world [web] (not allowed by this level): port 22 is open to 0.0.0.0/0'],
    findings: [{id: 'ssh-open-to-world', severity: 'warning', concept: 'security-groups', message: 'port 22 is open to 0.0.0.0/0', workload: 'web'}, ...failing.findings],
  };
  const text = renderReport(outright, LEVEL, painter(false), 80, [{workload: 'web', compute: 'ecs', launchType: 'fargate', task: {vcpu: 0.5, memoryGb: 1}, tasks: 2, spot: false, architecture: 'x86', azs: ['a', 'b'], loadBalancer: 'alb', network: 'private'}]);

  it('a warning the level forbids is tagged FAILS LEVEL, not warning, and listed first', () => {
    const lines = text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('  FAILS LEVEL ssh-open-to-world [web]'));
    expect(first).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('warning  ssh-open-to-world'))).toBe(false);
    expect(first).toBeLessThan(lines.findIndex((l) => l.includes('single-instance [web]')));
  });

  it('opens with what happened to this build, from its own failures', () => {
    expect(text).toContain('What happened to your build');
    expect(text).toContain('98 of 100 requests to your build succeeded within the SLO; 2 failed.');
    expect(text).toContain('215,397 failed in an AZ outage');
    expect(text.indexOf('What happened to your build')).toBeLessThan(text.indexOf('Objectives'));
  });

  it('prints a count of requests as whole requests', () => {
    const withRequests: Result = {...failing, cost: [{item: 'Lambda requests', unit: 'requests', quantity: 5_017_594.4, unitPriceUsd: 0.0000002, usd: 1}]};
    const report = renderReport(withRequests, LEVEL, painter(false));
    expect(report).toContain('5,017,594 requests');
    expect(report).not.toContain('5,017,594.4');
  });
});
