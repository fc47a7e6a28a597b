// assets/concepts.yaml: the concept cards the Codex shows and every finding and level points at.
import {z} from 'zod';
import {EXAM_DOMAINS} from '../engine/vocab.js';
import {id, list, obj, openEnum, text} from './schema-helpers.js';

export interface ConceptFact {
  text: string;
  /** A public URL (AWS documentation or pricing page). */
  source: string;
}

export interface ConceptCard {
  id: string;
  title: string;
  summary: string;
  explanation: string;
  facts: ConceptFact[];
  exam: string[];
}

const URL_PATTERN = /^https:\/\/\S+$/;

export function buildConceptsSchema() {
  const card = obj(
    {
      id: id('Concept id (kebab-case).'),
      title: text(100, 'Card title.'),
      summary: text(400, 'One or two sentences.'),
      explanation: text(10_000, 'The explanation.'),
      facts: list(
        obj(
          {
            text: text(1000, 'An AWS fact.'),
            source: z
              .string({error: 'must be an https:// URL'})
              .regex(URL_PATTERN, {error: 'must be an https:// URL'})
              .describe('Where the fact is documented.'),
          },
          'A fact with its source.',
        ),
        0,
        30,
        'Facts, each with a source.',
      ).default(() => []),
      exam: list(openEnum(EXAM_DOMAINS, 'An exam domain.'), 0, EXAM_DOMAINS.length, 'Exam domains.', {unique: true}).default(() => []),
    },
    'A concept card.',
  );
  return obj(
    {
      formatVersion: z.literal(1, {error: 'must be 1 (the only format version)'}).describe('Always 1.'),
      concepts: list(card, 1, 500, 'The cards.'),
    },
    'Concept cards (formatVersion 1).',
  );
}

type Assert<T extends true> = T;
export type CardOutputIsCard = Assert<z.output<ReturnType<typeof buildConceptsSchema>>['concepts'][number] extends ConceptCard ? true : false>;
