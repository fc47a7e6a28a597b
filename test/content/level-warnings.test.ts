// What weakens a level without making it invalid: `rightsize validate` prints it as a warning and still passes.
import {describe, expect, it} from 'vitest';
import {formatProblem, validateLevelFile} from '../../src/content/index.js';

const CONCEPTS = new Set(['availability-zones', 'load-balancer', 'auto-scaling']);

describe('level warnings', () => {
  it('a pinned AZ outage is a warning at the az field: a build can dodge it by staying out of that AZ', () => {
    const checked = validateLevelFile('test/fixtures/levels/good-level.yaml', {concepts: CONCEPTS});
    expect(checked.ok).toBe(true);
    expect(checked.warnings.map(formatProblem)).toEqual([
      expect.stringMatching(/^test\/fixtures\/levels\/good-level\.yaml:16:\d+ incidents\[0\]\.az: warning: a pinned AZ can be dodged: a build with nothing in AZ a never sees this outage/),
    ]);
  });

  it('the shipped Stay Up pins no AZ: no warning', () => {
    expect(validateLevelFile('levels/01-stay-up.yaml').warnings).toEqual([]);
  });
});
