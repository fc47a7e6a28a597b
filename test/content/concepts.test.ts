// Concept cards: schema, duplicate ids, and every concept the game names must have a card.
import {describe, expect, it} from 'vitest';
import {formatProblem, loadConcepts} from '../../src/content/index.js';
import {CORE_CONCEPTS} from '../../src/engine/vocab.js';

describe('loadConcepts', () => {
  it('a schema problem (a source that is not https) is reported at its line:col', () => {
    const loaded = loadConcepts('test/fixtures/concepts/few-cards.yaml');
    const problems = loaded.ok ? [] : loaded.problems.map(formatProblem);
    expect(problems).toEqual(['test/fixtures/concepts/few-cards.yaml:14:33 concepts[1].facts[0].source: must be an https:// URL']);
  });

  it('names each missing card once the file parses', () => {
    const text = 'test/fixtures/concepts/few-cards.yaml';
    const loaded = loadConcepts(text.replace('few-cards', 'one-card'));
    const problems = loaded.ok ? [] : loaded.problems.map((p) => p.message);
    const missing = CORE_CONCEPTS.filter((id) => id !== 'availability-zones').map((id) => `no card for concept '${id}' (a finding or the core curriculum names it)`);
    expect(problems.filter((m) => m.startsWith('no card'))).toEqual(expect.arrayContaining(missing));
    expect(problems).toContain("concept id 'availability-zones' is used twice");
  });
});
