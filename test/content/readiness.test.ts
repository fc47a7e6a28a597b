// Readiness per exam and domain for fixed histories (known answers), the exam guides' weights, and the quiz bank's keys.
import {describe, expect, it} from 'vitest';
import {EXAM_GUIDES, filterBank, loadCampaign, questionKey, quizBank, readiness, readinessLines, type AnswerRecord} from '../../src/content/index.js';
import {EXAM_DOMAINS, type Level, type QuizQuestion} from '../../src/engine/index.js';

function question(q: string, exam: string, concepts: string[] = []): QuizQuestion {
  return {q, choices: ['a', 'b', 'c', 'd'], answer: 0, explain: 'because', concepts, exam};
}

function level(id: string, quiz: QuizQuestion[]): Level {
  return {id, title: id, quiz} as unknown as Level;
}

const LEVELS = [
  level('one', [question('Q1', 'SAA-C03/resilient', ['availability-zones']), question('Q2', 'SAA-C03/resilient'), question('Q3', 'CLF-C02/security', ['security-groups'])]),
  level('two', [question('Q4', 'SAA-C03/cost', ['idle-cost']), question('Q5', 'CLF-C02/billing', ['idle-cost'])]),
];
const BANK = quizBank(LEVELS);
const key = (levelId: string, q: string) => questionKey(levelId, {q});

describe('the exam guides', () => {
  it.each([
    {exam: 'CLF-C02', weights: {'CLF-C02/cloud-concepts': 0.24, 'CLF-C02/security': 0.3, 'CLF-C02/technology': 0.34, 'CLF-C02/billing': 0.12}},
    {exam: 'SAA-C03', weights: {'SAA-C03/secure': 0.3, 'SAA-C03/resilient': 0.26, 'SAA-C03/performant': 0.24, 'SAA-C03/cost': 0.2}},
  ])('$exam: the published domain weights, summing to 100%', ({exam, weights}) => {
    const guide = EXAM_GUIDES.find((g) => g.exam === exam);
    expect(Object.fromEntries(guide?.domains.map((d) => [d.tag, d.weight]) ?? [])).toEqual(weights);
    expect(guide?.source).toMatch(/^https:\/\/d1\.awsstatic\.com\//);
  });

  it('every exam domain a level or question may use has a guide row', () => {
    expect(EXAM_GUIDES.flatMap((g) => g.domains.map((d) => d.tag)).sort()).toEqual([...EXAM_DOMAINS].sort());
  });
});

describe('readiness for a fixed history', () => {
  const history: Record<string, AnswerRecord> = {
    [key('one', 'Q1')]: {right: 2, wrong: 1, lastRight: true},
    [key('one', 'Q2')]: {right: 0, wrong: 1, lastRight: false},
    [key('one', 'Q3')]: {right: 1, wrong: 0, lastRight: true},
    [key('two', 'Q5')]: {right: 1, wrong: 1, lastRight: false},
  };
  const exams = readiness(BANK, history);
  const row = (exam: string, domain: string) => exams.find((e) => e.exam === exam)?.domains.find((d) => d.domain === domain);

  it.each([
    {name: 'resilient: 2 asked, both answered, the latest right on 1', exam: 'SAA-C03', domain: 'SAA-C03/resilient', questions: 2, answered: 2, right: 1, covered: 1, readiness: 0.5},
    {name: 'cost: 1 asked, never answered', exam: 'SAA-C03', domain: 'SAA-C03/cost', questions: 1, answered: 0, right: 0, covered: 0, readiness: 0},
    {name: 'secure: no questions yet', exam: 'SAA-C03', domain: 'SAA-C03/secure', questions: 0, answered: 0, right: 0, covered: 0, readiness: 0},
    {name: 'security: 1 asked, right', exam: 'CLF-C02', domain: 'CLF-C02/security', questions: 1, answered: 1, right: 1, covered: 1, readiness: 1},
    {name: 'billing: answered, the latest wrong', exam: 'CLF-C02', domain: 'CLF-C02/billing', questions: 1, answered: 1, right: 0, covered: 1, readiness: 0},
  ])('$name', ({name: _name, exam, domain, ...expected}) => {
    expect(row(exam, domain)).toMatchObject(expected);
  });

  it.each([
    // SAA-C03: resilient 0.26 × 0.5 = 0.13; covered: resilient 0.26 × 1 = 0.26.
    {exam: 'SAA-C03', readiness: 0.13, covered: 0.26},
    // CLF-C02: security 0.30 × 1 = 0.30; covered: security 0.30 + billing 0.12 = 0.42.
    {exam: 'CLF-C02', readiness: 0.3, covered: 0.42},
  ])('$exam: the weighted readiness and coverage', ({exam, readiness: ready, covered}) => {
    const row = exams.find((e) => e.exam === exam);
    expect(row?.readiness).toBeCloseTo(ready, 10);
    expect(row?.covered).toBeCloseTo(covered, 10);
  });

  it('no history: every exam at 0; the table has a line per domain and fits 80 columns', () => {
    const empty = readiness(BANK, {});
    expect(empty.map((e) => [e.exam, e.readiness, e.covered])).toEqual([
      ['CLF-C02', 0, 0],
      ['SAA-C03', 0, 0],
    ]);
    const lines = readinessLines(exams);
    expect(lines).toContain('SAA-C03 AWS Certified Solutions Architect – Associate: ready 13%, covered 26%');
    expect(lines.find((l) => l.includes('Design Resilient Architectures'))).toMatch(/26%\s+2\s+2\s+1\s+50%$/);
    expect(lines.find((l) => l.includes('Design Secure Architectures'))).toMatch(/no qs$/);
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(80);
  });

  it('a domain tag no guide names still shows, under its exam, with weight 0', () => {
    const odd = readiness(quizBank([level('x', [question('Q', 'SAA-C03/operational')])]), {});
    expect(odd.find((e) => e.exam === 'SAA-C03')?.domains.at(-1)).toMatchObject({domain: 'SAA-C03/operational', weight: 0, questions: 1});
  });
});

describe('the quiz bank', () => {
  it('keys are the level and a hash of the text: stable when questions move, distinct per question', () => {
    const moved = quizBank([level('one', [...(LEVELS[0]?.quiz ?? [])].reverse())]);
    expect(new Set(moved.map((i) => i.key))).toEqual(new Set(BANK.slice(0, 3).map((i) => i.key)));
    expect(new Set(BANK.map((i) => i.key)).size).toBe(BANK.length);
    expect(BANK[0]?.key).toMatch(/^q:one:[0-9a-f]{8}$/);
  });

  it.each([
    {name: 'all', filter: {kind: 'all'} as const, qs: ['Q1', 'Q2', 'Q3', 'Q4', 'Q5']},
    {name: 'one exam', filter: {kind: 'exam', exam: 'CLF-C02'} as const, qs: ['Q3', 'Q5']},
    {name: 'one domain', filter: {kind: 'domain', domain: 'SAA-C03/resilient'} as const, qs: ['Q1', 'Q2']},
    {name: 'one concept', filter: {kind: 'concept', concept: 'idle-cost'} as const, qs: ['Q4', 'Q5']},
    {name: 'one level', filter: {kind: 'level', levelId: 'two'} as const, qs: ['Q4', 'Q5']},
  ])('filter: $name', ({filter, qs}) => {
    expect(filterBank(BANK, filter).map((i) => i.question.q)).toEqual(qs);
  });

  it('the shipped campaign: every question has a key of its own and a domain with a published weight', () => {
    const campaign = loadCampaign();
    if (!campaign.ok) throw new Error('the shipped campaign does not load');
    const bank = quizBank(campaign.value.levels);
    expect(bank.length).toBe(campaign.value.levels.reduce((n, l) => n + l.quiz.length, 0));
    const weighted = new Set(EXAM_GUIDES.flatMap((g) => g.domains.filter((d) => d.weight > 0).map((d) => d.tag)));
    expect(bank.filter((i) => !weighted.has(i.question.exam))).toEqual([]);
  });
});
