// Every quiz question of the campaign with a stable key, and the filters practice mode offers. Pure.
// The key (level id + a hash of the question's text) survives reordering a level's questions, so review
// state stays attached to the question it was earned on; editing a question's text starts it afresh.
import type {Level, QuizQuestion} from '../engine/types.js';
import {examOfTag} from './exams.js';

export interface QuizBankItem {
  key: string;
  levelId: string;
  levelTitle: string;
  question: QuizQuestion;
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable, and enough to tell a level's questions apart. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

export function questionKey(levelId: string, question: Pick<QuizQuestion, 'q'>): string {
  return `q:${levelId}:${textHash(question.q)}`;
}

export function conceptKey(conceptId: string): string {
  return `c:${conceptId}`;
}

/** The campaign's questions in campaign order. Two identical questions in one level share a key: the second is dropped. */
export function quizBank(levels: readonly Level[]): QuizBankItem[] {
  const seen = new Set<string>();
  return levels.flatMap((level) =>
    level.quiz.flatMap((question) => {
      const key = questionKey(level.id, question);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{key, levelId: level.id, levelTitle: level.title, question}];
    }),
  );
}

/** What practice mode asks from: everything open, one exam, one domain, one concept, one level, or what is due. */
export type QuizFilter =
  | {kind: 'all'}
  | {kind: 'exam'; exam: string}
  | {kind: 'domain'; domain: string}
  | {kind: 'concept'; concept: string}
  | {kind: 'level'; levelId: string}
  | {kind: 'keys'; keys: string[]};

export function matchesFilter(item: QuizBankItem, filter: QuizFilter): boolean {
  switch (filter.kind) {
    case 'all':
      return true;
    case 'exam':
      return examOfTag(item.question.exam) === filter.exam;
    case 'domain':
      return item.question.exam === filter.domain;
    case 'concept':
      return item.question.concepts.includes(filter.concept);
    case 'level':
      return item.levelId === filter.levelId;
    case 'keys':
      return filter.keys.includes(item.key);
  }
}

export function filterBank(bank: readonly QuizBankItem[], filter: QuizFilter): QuizBankItem[] {
  return bank.filter((item) => matchesFilter(item, filter));
}
