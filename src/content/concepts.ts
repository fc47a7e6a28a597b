// The concept cards (assets/concepts.yaml).
import {join} from 'node:path';
import {CORE_CONCEPTS, FINDING_CONCEPT} from '../engine/vocab.js';
import {loadWith, problemAt, type Parsed} from './load.js';
import {assetsDir} from './paths.js';
import type {Loaded} from './problem.js';
import {buildConceptsSchema, type ConceptCard} from './schema-concepts.js';

export function conceptsFile(): string {
  return join(assetsDir(), 'concepts.yaml');
}

/**
 * Every card by id, in file order; problems for duplicate ids and for concepts the game needs but no card explains.
 * Without a path: the shipped cards, read once per process (treat the map as read-only).
 */
export function loadConcepts(path?: string): Loaded<Map<string, ConceptCard>> {
  return path === undefined ? shippedConcepts() : readConcepts(path);
}

function readConcepts(path: string): Loaded<Map<string, ConceptCard>> {
  const parsed: Parsed<{concepts: ConceptCard[]}> = loadWith(buildConceptsSchema(), path);
  if (!parsed.ok) return parsed;
  const cards = new Map<string, ConceptCard>();
  const problems = [];
  for (const [index, card] of parsed.value.concepts.entries()) {
    if (cards.has(card.id)) problems.push(problemAt(parsed.source, ['concepts', index, 'id'], `concept id '${card.id}' is used twice`));
    cards.set(card.id, card);
  }
  const needed = new Set<string>([...CORE_CONCEPTS, ...Object.values(FINDING_CONCEPT)]);
  for (const id of needed) {
    if (!cards.has(id)) problems.push(problemAt(parsed.source, ['concepts'], `no card for concept '${id}' (a finding or the core curriculum names it)`));
  }
  return problems.length > 0 ? {ok: false, problems} : {ok: true, value: cards};
}

let shipped: Loaded<Map<string, ConceptCard>> | undefined;
/** The shipped cards, read once per process (the game and loadCampaign both need them at start-up). */
export function shippedConcepts(): Loaded<Map<string, ConceptCard>> {
  shipped ??= readConcepts(conceptsFile());
  return shipped;
}

/** Ids of the shipped cards; undefined when the file has problems (loadConcepts reports them). */
export function shippedConceptIds(): ReadonlySet<string> | undefined {
  const loaded = shippedConcepts();
  return loaded.ok ? new Set(loaded.value.keys()) : undefined;
}
