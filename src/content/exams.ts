// The two exams rightsize prepares for, with their published content domains and weights, and readiness:
// how much of each domain the learner has covered and answered right. Pure (no I/O).
// Weights from the exam guides, checked 2026-12-02:
//   CLF-C02: https://d1.awsstatic.com/training-and-certification/docs-cloud-practitioner/AWS-Certified-Cloud-Practitioner_Exam-Guide.pdf
//            (also https://docs.aws.amazon.com/aws-certification/latest/cloud-practitioner-02/cloud-practitioner-02.html)
//   SAA-C03: https://d1.awsstatic.com/training-and-certification/docs-sa-assoc/AWS-Certified-Solutions-Architect-Associate_Exam-Guide.pdf
//            (also https://docs.aws.amazon.com/aws-certification/latest/solutions-architect-associate-03/solutions-architect-associate-03.html)
// "The percentage in each domain represents only scored content."
import type {QuizBankItem} from './quiz-bank.js';

export interface ExamDomainGuide {
  /** The tag levels and questions use, e.g. "SAA-C03/resilient". */
  tag: string;
  title: string;
  /** Share of the scored content, 0–1. */
  weight: number;
}

export interface ExamGuide {
  exam: string;
  title: string;
  source: string;
  checked: string;
  domains: ExamDomainGuide[];
}

export const EXAM_GUIDES: readonly ExamGuide[] = [
  {
    exam: 'CLF-C02',
    title: 'AWS Certified Cloud Practitioner',
    source: 'https://d1.awsstatic.com/training-and-certification/docs-cloud-practitioner/AWS-Certified-Cloud-Practitioner_Exam-Guide.pdf',
    checked: '2026-12-02',
    domains: [
      {tag: 'CLF-C02/cloud-concepts', title: 'Cloud Concepts', weight: 0.24},
      {tag: 'CLF-C02/security', title: 'Security and Compliance', weight: 0.3},
      {tag: 'CLF-C02/technology', title: 'Cloud Technology and Services', weight: 0.34},
      {tag: 'CLF-C02/billing', title: 'Billing, Pricing, and Support', weight: 0.12},
    ],
  },
  {
    exam: 'SAA-C03',
    title: 'AWS Certified Solutions Architect – Associate',
    source: 'https://d1.awsstatic.com/training-and-certification/docs-sa-assoc/AWS-Certified-Solutions-Architect-Associate_Exam-Guide.pdf',
    checked: '2026-12-02',
    domains: [
      {tag: 'SAA-C03/secure', title: 'Design Secure Architectures', weight: 0.3},
      {tag: 'SAA-C03/resilient', title: 'Design Resilient Architectures', weight: 0.26},
      {tag: 'SAA-C03/performant', title: 'Design High-Performing Architectures', weight: 0.24},
      {tag: 'SAA-C03/cost', title: 'Design Cost-Optimized Architectures', weight: 0.2},
    ],
  },
];

/** "SAA-C03/resilient" → "SAA-C03". */
export function examOfTag(tag: string): string {
  const slash = tag.indexOf('/');
  return slash < 0 ? tag : tag.slice(0, slash);
}

/** The guide's title for a domain tag; the tag itself when no guide names it. */
export function domainTitle(tag: string): string {
  for (const guide of EXAM_GUIDES) {
    const domain = guide.domains.find((d) => d.tag === tag);
    if (domain) return domain.title;
  }
  return tag;
}

/** What readiness needs to know of one question's answers (the review state's cards have these fields). */
export interface AnswerRecord {
  right: number;
  wrong: number;
  /** The latest answer was right. */
  lastRight?: boolean;
}

export interface DomainReadiness {
  domain: string;
  title: string;
  weight: number;
  /** Questions in the campaign tagged with this domain. */
  questions: number;
  /** Of those, answered at least once. */
  answered: number;
  /** Of those, whose latest answer was right. */
  right: number;
  /** answered / questions (0 when there are none). */
  covered: number;
  /** right / questions (0 when there are none). */
  readiness: number;
}

export interface ExamReadiness {
  exam: string;
  title: string;
  source: string;
  /** Σ weight × domain readiness: a domain with no questions yet counts 0. */
  readiness: number;
  /** Σ weight × domain coverage. */
  covered: number;
  domains: DomainReadiness[];
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

/**
 * Readiness per exam and domain over every question of the campaign. Domains come from the questions' tags:
 * each published domain is listed (with 0 questions if no level teaches it yet), and a tag no guide names
 * is listed under its exam with weight 0, so nothing the levels teach goes unseen.
 */
export function readiness(bank: readonly QuizBankItem[], answers: Readonly<Record<string, AnswerRecord | undefined>>): ExamReadiness[] {
  const byDomain = new Map<string, {questions: number; answered: number; right: number}>();
  for (const item of bank) {
    const counts = byDomain.get(item.question.exam) ?? {questions: 0, answered: 0, right: 0};
    const record = Object.hasOwn(answers, item.key) ? answers[item.key] : undefined;
    counts.questions += 1;
    if (record && record.right + record.wrong > 0) counts.answered += 1;
    if (record?.lastRight === true) counts.right += 1;
    byDomain.set(item.question.exam, counts);
  }
  const domainRow = (tag: string, title: string, weight: number): DomainReadiness => {
    const counts = byDomain.get(tag) ?? {questions: 0, answered: 0, right: 0};
    return {domain: tag, title, weight, ...counts, covered: ratio(counts.answered, counts.questions), readiness: ratio(counts.right, counts.questions)};
  };
  const known = new Set(EXAM_GUIDES.flatMap((g) => g.domains.map((d) => d.tag)));
  const unknownTags = [...byDomain.keys()].filter((tag) => !known.has(tag)).sort();
  const guides: ExamGuide[] = [...EXAM_GUIDES];
  for (const tag of unknownTags) {
    if (!guides.some((g) => g.exam === examOfTag(tag))) guides.push({exam: examOfTag(tag), title: examOfTag(tag), source: '', checked: '', domains: []});
  }
  return guides.map((guide) => {
    const domains = [
      ...guide.domains.map((d) => domainRow(d.tag, d.title, d.weight)),
      ...unknownTags.filter((tag) => examOfTag(tag) === guide.exam).map((tag) => domainRow(tag, tag, 0)),
    ];
    const sum = (f: (d: DomainReadiness) => number) => domains.reduce((total, d) => total + d.weight * f(d), 0);
    return {exam: guide.exam, title: guide.title, source: guide.source, readiness: sum((d) => d.readiness), covered: sum((d) => d.covered), domains};
  });
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Readiness as a text table, 76 columns: the game and `rightsize progress` print the same lines. */
export function readinessLines(exams: readonly ExamReadiness[]): string[] {
  const head = `  ${'Domain'.padEnd(38)} ${'weight'.padStart(6)} ${'asked'.padStart(6)} ${'answered'.padStart(8)} ${'right'.padStart(5)} ${'ready'.padStart(6)}`;
  return exams.flatMap((exam, i) => [
    ...(i > 0 ? [''] : []),
    `${exam.exam} ${exam.title}: ready ${percent(exam.readiness)}, covered ${percent(exam.covered)}`,
    head,
    ...exam.domains.map((d) => {
      const title = d.title.length > 38 ? `${d.title.slice(0, 37)}…` : d.title.padEnd(38);
      const ready = d.questions === 0 ? 'no qs' : percent(d.readiness);
      return `  ${title} ${percent(d.weight).padStart(6)} ${String(d.questions).padStart(6)} ${String(d.answered).padStart(8)} ${String(d.right).padStart(5)} ${ready.padStart(6)}`;
    }),
  ]);
}
