// What the levels say, checked: the quiz bank is balanced (no favourite answer position, the right answer is not
// simply the longest), every budget in a briefing is the level's own objective, and every price and limit quoted
// in a briefing, hint, debrief, quiz or new concept card agrees with the catalog.
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {levelsDir, loadCampaign} from '../../src/content/index.js';
import {parseWith} from '../../src/content/load.js';
import {buildConceptsSchema} from '../../src/content/schema-concepts.js';
import {CATALOG, instanceType} from '../../src/engine/catalog.js';
import type {Level} from '../../src/engine/types.js';

const campaign = loadCampaign(levelsDir());
const levels: Level[] = campaign.ok ? campaign.value.levels : [];
const questions = levels.flatMap((level) => level.quiz.map((q) => ({level: level.id, ...q})));

describe('the quiz bank', () => {
  it('has at least four exam-style questions in every level, each with a valid answer and an explanation', () => {
    for (const level of levels) {
      expect(level.quiz.length, level.id).toBeGreaterThanOrEqual(4);
      for (const q of level.quiz) {
        expect(Number.isInteger(q.answer) && q.answer >= 0 && q.answer < q.choices.length, q.q).toBe(true);
        expect(q.explain.length, q.q).toBeGreaterThan(60);
        expect(q.concepts.length, q.q).toBeGreaterThan(0);
      }
    }
  });

  it('puts no more than 35% of the right answers at any one position', () => {
    const counts = new Map<number, number>();
    for (const q of questions) counts.set(q.answer, (counts.get(q.answer) ?? 0) + 1);
    for (const [position, count] of counts) expect(count / questions.length, `position ${position}: ${count} of ${questions.length}`).toBeLessThanOrEqual(0.35);
  });

  it('makes the right answer the longest choice in at most 40% of the questions', () => {
    const longest = questions.filter((q) => {
      const lengths = q.choices.map((c) => c.length);
      return lengths[q.answer] === Math.max(...lengths);
    });
    expect(longest.length / questions.length, longest.map((q) => `${q.level}: ${q.q}`).join('\n')).toBeLessThanOrEqual(0.4);
  });
});

/** Everything a learner reads in a level, with where it came from. */
function levelTexts(level: Level): {where: string; text: string}[] {
  return [
    {where: 'briefing', text: level.briefing},
    ...level.hints.map((text, i) => ({where: `hints[${i}]`, text})),
    {where: 'debrief', text: level.debrief},
    ...level.quiz.flatMap((q, i) => [q.q, ...q.choices, q.explain].map((text) => ({where: `quiz[${i}]`, text}))),
    ...level.counterexamples.map((c, i) => ({where: `counterexamples[${i}].why`, text: c.why})),
    ...(level.alternatives ?? []).map((a, i) => ({where: `alternatives[${i}].why`, text: a.why})),
  ].map((t) => ({...t, text: t.text.replace(/\s+/g, ' ')}));
}

const CONCEPTS_FILE = fileURLToPath(new URL('../../assets/concepts.yaml', import.meta.url));
const cards = parseWith(buildConceptsSchema(), readFileSync(CONCEPTS_FILE, 'utf8'), 'assets/concepts.yaml');
/** The cards added with the campaign's later chapters (the older cards have their own table in concepts-facts). */
const NEW_CARDS = ['health-checks', 'graviton', 'nat-gateway', 'elasticity', 'shared-responsibility'];
const cardTexts = (cards.ok ? cards.value.concepts : [])
  .filter((c) => NEW_CARDS.includes(c.id))
  .map((c) => ({where: `concept ${c.id}`, text: [c.summary, c.explanation, ...c.facts.map((f) => f.text)].join(' ').replace(/\s+/g, ' ')}));

const ALL = [...levels.flatMap((level) => levelTexts(level).map((t) => ({...t, where: `${level.id} ${t.where}`}))), ...cardTexts];

/** Every price in the catalog (any field whose name says USD), and the same a 730-hour month. */
function catalogPrices(): Set<string> {
  const prices = new Set<string>();
  // A number is a price when its key, or a key above it, names USD (`surplusUsdPerVcpuHour: {t3: 0.05}`).
  const walk = (value: unknown, priced: boolean): void => {
    if (typeof value === 'number' && priced) {
      prices.add(String(value));
      prices.add(String(Math.round(value * 730)));
    } else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, priced || /usd/i.test(k));
  };
  walk(CATALOG, false);
  return prices;
}

describe('prices and limits in the texts agree with the catalog', () => {
  const prices = catalogPrices();

  it('every hourly, per-unit or monthly AWS price quoted is a catalog price', () => {
    const unit = /\$([\d,]+(?:\.\d+)?) (?:an? |per )(hour|host-hour|vCPU-hour|GB-second|GB|million|cluster-hour|month for (?:its|the) control plane)/g;
    const wrong: string[] = [];
    let quoted = 0;
    for (const {where, text} of ALL) {
      for (const match of text.matchAll(unit)) {
        quoted++;
        const amount = String(Number((match[1] ?? '').replace(/,/g, '')));
        if (!prices.has(amount)) wrong.push(`${where}: "${match[0]}" is not in assets/catalog.json`);
      }
    }
    expect(wrong).toEqual([]);
    expect(quoted).toBeGreaterThan(3);
  });

  it('every "<type> (N vCPU, M GiB)" matches the catalog', () => {
    const shape = /\b([a-z]\d[a-z]?\.(?:nano|micro|small|medium|large|xlarge|2xlarge))(?:\s*\(|,? with | has )(\d+) vCPUs?,? (?:and )?(\d+) GiB/g;
    let seen = 0;
    for (const {where, text} of ALL) {
      for (const match of text.matchAll(shape)) {
        seen++;
        const type = instanceType(match[1] ?? '');
        expect(type, `${where}: ${match[1]}`).toBeDefined();
        expect([type?.vcpu, type?.memoryGiB], `${where}: "${match[0]}"`).toEqual([Number(match[2]), Number(match[3])]);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it.each([
    ['Lambda memory for one vCPU', /([\d,]+) MB (?:is|\(one vCPU|the function has one vCPU|= 1 vCPU)|one (?:full )?vCPU at ([\d,]+) MB/g, CATALOG.lambda.mbPerVcpu],
    ['Lambda maximum timeout in seconds', /(\d+) s(?:econds)?\)?,? (?:however|timeout|maximum|the 15)|\((\d+) s\)/g, CATALOG.lambda.timeoutSecondsMax],
    ['Lambda maximum timeout in minutes', /(\d+)(?: |-)minutes? (?:wall|limit|maximum)|at most (\d+) minutes|past Lambda's (\d+) minutes|never fits in (\d+)/g, CATALOG.lambda.timeoutSecondsMax / 60],
    ['Lambda maximum memory', /([\d,]+) MB(?: and a 900| of memory is the most|\)? \(the most)|up to ([\d,]+) MB/g, CATALOG.lambda.memoryMbMax],
    ['Lambda default concurrency', /([\d,]+), the default account concurrency|default (?:of )?([\d,]+) concurrent/g, CATALOG.lambda.defaultConcurrencyLimit],
    ['Spot interruption notice in minutes', /(two|\d+)[- ]minute (?:notice|warning|interruption)|(two|\d+) minutes' notice/g, CATALOG.spot.interruptionNoticeSeconds / 60],
    ['hibernation RAM limit', /(?:less than|under|below) (\d+) GB of RAM/g, CATALOG.hibernation.maxRamGiB],
    ['t3.small credits per hour', /t3\.small earns (\d+) credits an hour/g, CATALOG.instanceTypes['t3.small']?.burst?.creditsEarnedPerHour],
    ['t3.small credit bank', /banks up to (\d+)/g, CATALOG.instanceTypes['t3.small']?.burst?.maxCredits],
    ['EKS cluster fee a month', /about \$(\d+) a month,? whether/g, Math.round(CATALOG.eks.usdPerClusterHour * 730)],
    ['m5.xlarge per m5 host', /m5 host, which fits (\d+) m5\.xlarge/g, CATALOG.dedicatedHosts.m5?.capacity['m5.xlarge']],
  ] as const)('%s', (_name, pattern, expected) => {
    const words: Record<string, number> = {one: 1, two: 2};
    const found: string[] = [];
    for (const {where, text} of ALL) {
      for (const match of text.matchAll(pattern)) {
        const raw = match.slice(1).find((g) => g !== undefined) ?? '';
        const value = words[raw] ?? Number(raw.replace(/,/g, ''));
        found.push(`${where}: ${value}`);
        expect(value, `${where}: "${match[0]}"`).toBe(expected);
      }
    }
    expect(found.length, 'the pattern matches at least one text').toBeGreaterThan(0);
  });

  it('the Fargate sizes quoted are valid combinations', () => {
    const combo = /(\d+(?:\.\d+)?) vCPU takes (\d+) to (\d+) GB/g;
    let seen = 0;
    for (const {where, text} of ALL) {
      for (const match of text.matchAll(combo)) {
        seen++;
        const row = CATALOG.fargate.combos.find((c) => c.vcpu === Number(match[1]));
        expect([row?.memoryGb[0], row?.memoryGb.at(-1)], `${where}: "${match[0]}"`).toEqual([Number(match[2]), Number(match[3])]);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('every budget and target in a briefing is the level\'s own objective', () => {
  it.each(levels.map((l) => [l.id, l] as const))('%s', (_id, level) => {
    const briefing = level.briefing.replace(/\s+/g, ' ');
    const money = (n: number): string => `$${n.toLocaleString('en-US')}`;
    for (const objective of level.objectives) {
      if (objective.metric === 'monthlyCostUsd') {
        expect(briefing, 'the briefing names the budget').toContain(money(objective.pass));
        for (const match of briefing.matchAll(/gold:? (\$[\d,]+)/g)) expect(match[1], 'a gold budget named in the briefing').toBe(money(objective.gold));
      }
    }
  });
});
