import {describe, expect, it} from 'vitest';
import {closest} from '../../src/content/suggest.js';

describe('closest (did you mean)', () => {
  it.each([
    {name: 'case only', input: 'instancetype', candidates: ['instanceType', 'count'], expected: 'instanceType'},
    {name: 'one letter missing', input: 'spt', candidates: ['spot', 'on-demand'], expected: 'spot'},
    {name: 'two letters swapped', input: 'wbe', candidates: ['web', 'jobs'], expected: 'web'},
    {name: 'nothing close', input: 'colour', candidates: ['instanceType', 'count'], expected: undefined},
    {name: 'a one-letter value is not a typo of another', input: 'z', candidates: ['a', 'b'], expected: undefined},
  ])('$name', ({input, candidates, expected}) => {
    expect(closest(input, candidates)).toBe(expected);
  });
});
