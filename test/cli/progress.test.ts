// rightsize progress [--json]: the documented shape, readiness from the progress file, reviews due, exit codes.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadCampaign, quizBank} from '../../src/content/index.js';
import {fixture, useCli} from './run.js';

const cli = useCli();

function shippedBank() {
  const campaign = loadCampaign();
  if (!campaign.ok) throw new Error('the shipped campaign does not load');
  return {levels: campaign.value.levels, bank: quizBank(campaign.value.levels)};
}

function card(due: string, lastRight?: boolean) {
  return {due, stability: 2, difficulty: 5, elapsedDays: 0, scheduledDays: 2, learningSteps: 0, reps: 1, lapses: 0, state: 2, right: lastRight ? 1 : 0, wrong: lastRight === false ? 1 : 0, ...(lastRight === undefined ? {} : {lastRight})};
}

describe('rightsize progress', () => {
  it('--json: readiness per exam and domain with the published weights, and the reviews due; exit 0', () => {
    const {levels, bank} = shippedBank();
    const first = bank[0];
    if (!first) throw new Error('no questions');
    writeFileSync(
      join(cli.home(), 'progress.json'),
      JSON.stringify({
        formatVersion: 1,
        levels: {[levels[0]?.id ?? '']: {stars: 3, bestPoints: 1000}},
        settings: {},
        review: {cards: {[first.key]: card('2099-01-01T00:00:00.000Z', true), 'c:availability-zones': card('2020-01-01T00:00:00.000Z'), 'q:gone-level:00000000': card('2020-01-01T00:00:00.000Z', false)}, shown: 2},
      }),
    );
    const run = cli.run(['progress', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as {
      formatVersion: number;
      at: string;
      levels: {total: number; passed: number};
      exams: {exam: string; readiness: number; covered: number; domains: {domain: string; weight: number; questions: number; answered: number; right: number; readiness: number; covered: number}[]}[];
      review: {cards: number; dueNow: number; dueToday: number; nextDue: string | null};
    };
    expect(report.formatVersion).toBe(1);
    expect(Number.isNaN(Date.parse(report.at))).toBe(false);
    expect(report.levels).toEqual({total: levels.length, passed: 1});
    expect(report.exams.map((e) => [e.exam, e.domains.map((d) => [d.domain, d.weight])])).toEqual([
      ['CLF-C02', [['CLF-C02/cloud-concepts', 0.24], ['CLF-C02/security', 0.3], ['CLF-C02/technology', 0.34], ['CLF-C02/billing', 0.12]]],
      ['SAA-C03', [['SAA-C03/secure', 0.3], ['SAA-C03/resilient', 0.26], ['SAA-C03/performant', 0.24], ['SAA-C03/cost', 0.2]]],
    ]);
    const domain = report.exams.flatMap((e) => e.domains).find((d) => d.domain === first.question.exam);
    const inDomain = bank.filter((i) => i.question.exam === first.question.exam).length;
    expect(domain).toMatchObject({questions: inDomain, answered: 1, right: 1, readiness: 1 / inDomain});
    const exam = report.exams.find((e) => first.question.exam.startsWith(e.exam));
    expect(exam?.readiness).toBeCloseTo((domain?.weight ?? 0) / inDomain, 10);
    // The question of a level that no longer exists is not counted.
    expect(report.review).toEqual({cards: 2, dueNow: 1, dueToday: 1, nextDue: '2020-01-01T00:00:00.000Z'});
  });

  it('text: the table and the reviews line; no progress yet is all zeros, exit 0', () => {
    const run = cli.run(['progress']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('CLF-C02 AWS Certified Cloud Practitioner: ready 0%, covered 0%');
    expect(run.stdout).toMatch(/Design Secure Architectures\s+30%/);
    expect(run.stdout).toContain('Reviews: 0 due today (0 now) of 0 scheduled.');
  });

  it('levels that cannot be read: their problems on stderr, exit 2', () => {
    const run = cli.run(['--levels', fixture('broken-campaign'), 'progress', '--json']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/campaign\.yaml:\d+:\d+/);
  });
});
