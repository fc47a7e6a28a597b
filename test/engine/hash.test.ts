import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {canonicalBytes, canonicalJson, fingerprint, levelHash} from '../../src/engine/hash.js';
import type {Level} from '../../src/engine/types.js';

describe('canonicalJson', () => {
  it.each([
    {name: 'keys sorted', value: {b: 1, a: 2}, json: '{"a":2,"b":1}'},
    {name: 'nested keys sorted', value: {z: {y: 1, x: [{b: 1, a: 0}]}}, json: '{"z":{"x":[{"a":0,"b":1}],"y":1}}'},
    {name: 'undefined members dropped', value: {a: undefined, b: null}, json: '{"b":null}'},
    {name: 'undefined array element becomes null', value: [1, undefined, 3], json: '[1,null,3]'},
    {name: 'negative zero prints as 0', value: -0, json: '0'},
    {name: 'numbers as JavaScript prints them', value: [0.1 + 0.2, 1e21, 1.5e-7, 140.16], json: '[0.30000000000000004,1e+21,1.5e-7,140.16]'},
    {name: 'strings escaped as JSON', value: 'a"b\n\u00e9', json: '"a\\"b\\n\u00e9"'},
    {name: 'keys sorted by code unit, capitals first', value: {b: 1, B: 2, a: 3}, json: '{"B":2,"a":3,"b":1}'},
    {name: 'empty containers', value: {a: [], b: {}}, json: '{"a":[],"b":{}}'},
    {name: 'booleans', value: [true, false], json: '[true,false]'},
  ])('$name', ({value, json}) => {
    expect(canonicalJson(value)).toBe(json);
  });

  it.each([
    {name: 'NaN', value: {a: NaN}},
    {name: 'Infinity', value: [Infinity]},
    {name: '-Infinity', value: -Infinity},
    {name: 'a bigint', value: {a: 1n}},
    {name: 'a function', value: {a: () => 1}},
    {name: 'undefined at the top', value: undefined},
  ])('rejects $name', ({value}) => {
    expect(() => canonicalJson(value)).toThrow(/canonicalJson/);
  });

  it('rejects a cycle', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => canonicalJson(a)).toThrow(/cycle/);
  });

  it('accepts a shared (non-cyclic) object twice', () => {
    const shared = {x: 1};
    expect(canonicalJson({a: shared, b: shared})).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('fingerprint', () => {
  // SHA-256 test vectors of the canonical texts: sha256("{}"), sha256("\"\""), sha256("[1,2,3]").
  it.each([
    {name: 'empty object', value: {}, hex: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a'},
    {name: 'empty string', value: '', hex: '12ae32cb1ec02d01eda3581b127c1fee3b0dc53572ed6baf239721a03d82e126'},
    {name: 'array', value: [1, 2, 3], hex: 'a615eeaee21de5179de080de8c3052c8da901138406ba71c38c032845f7d54f4'},
  ])('$name', ({value, hex}) => {
    expect(fingerprint(value)).toBe(hex);
  });

  it('ignores key order', () => {
    expect(fingerprint({a: 1, b: [1, 2]})).toBe(fingerprint({b: [1, 2], a: 1}));
  });

  it.each([
    {name: 'a number', a: {x: 1}, b: {x: 2}},
    {name: 'array order', a: [1, 2], b: [2, 1]},
    {name: 'a string and a number', a: {x: '1'}, b: {x: 1}},
    {name: 'a new key', a: {x: 1}, b: {x: 1, y: 0}},
  ])('changes with $name', ({a, b}) => {
    expect(fingerprint(a)).not.toBe(fingerprint(b));
  });
});

describe('levelHash', () => {
  const level = {formatVersion: 1, id: 'stay-up', seed: 7, horizonDays: 7} as unknown as Level;
  it('is pinned: SHA-256 of {"formatVersion":1,"horizonDays":7,"id":"stay-up","seed":7} (sha256sum)', () => {
    expect(levelHash(level)).toBe('638447dfd10cb3a47755f4550a9550569b7cbd2f0d48a7379f5ef92765fe718a');
  });
  it('is the fingerprint of the level', () => {
    expect(levelHash(level)).toBe(fingerprint(level));
    expect(levelHash(level)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes with the seed', () => {
    expect(levelHash({...level, seed: 8})).not.toBe(levelHash(level));
  });
});

describe('numbers (the fast path for rounded numbers)', () => {
  const numberText = (v: number) => canonicalJson(v);
  it.each([
    {name: 'zero', v: 0, text: '0'},
    {name: 'negative zero prints as 0', v: -0, text: '0'},
    {name: 'three decimals', v: 12.345, text: '12.345'},
    {name: 'a leading zero in the fraction', v: 0.001, text: '0.001'},
    {name: 'trailing zeros dropped', v: 2.5, text: '2.5'},
    {name: 'negative', v: -0.05, text: '-0.05'},
    {name: 'an integer', v: 1_000_000, text: '1000000'},
    {name: 'more decimals than three: String itself', v: 0.1234, text: '0.1234'},
    {name: 'tiny: exponent form from String', v: 1e-7, text: '1e-7'},
    {name: 'huge: exponent form from String', v: 1e21, text: '1e+21'},
  ])('$name', ({v, text}) => {
    expect(numberText(v)).toBe(text);
  });

  it('prints exactly what String prints, for any finite double and for numbers rounded as the timeline rounds them', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({noNaN: true, noDefaultInfinity: true}),
          fc.double({min: -1e7, max: 1e7, noNaN: true}).map((x) => Math.round(x * 1000) / 1000),
          fc.double({min: -1e3, max: 1e3, noNaN: true}).map((x) => Math.round(x * 10) / 10),
          fc.integer({min: -1e9, max: 1e9}).map((k) => k / 1000),
        ),
        (v) => {
          expect(numberText(v)).toBe(String(v));
        },
      ),
      {numRuns: 50_000},
    );
  });

  it('canonical JSON of a number array is what JSON.stringify gives', () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: -1e6, max: 1e6, noNaN: true}).map((x) => Math.round(x * 1000) / 1000)), (values) => {
        expect(canonicalJson(values)).toBe(JSON.stringify(values));
      }),
    );
  });
});

// An independent oracle, plain and slow: JSON.stringify for every scalar, keys sorted by hand (JSON.stringify
// alone would put integer-like keys first, in JavaScript's property order).
function oracle(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item: unknown) => (item === undefined ? 'null' : oracle(item))).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${oracle(record[key])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalBytes (what fingerprint hashes; canonicalJson is them decoded)', () => {
  const decoded = (value: unknown) => new TextDecoder().decode(canonicalBytes(value));
  it.each([
    {name: 'escapes and non-ASCII', value: {'k"ey': 'a"b\\c\n\u00e9\u{1f600}', é: [1, 'x'], lone: '\ud800'}},
    {name: 'rounded and unrounded numbers', value: [0, -0, 0.001, -0.05, 12.345, 2.5, 1e21, 1e-7, 0.1 + 0.2, -123456789.123, 1e15, 999999999999.999]},
    {name: 'undefined members and elements', value: {a: undefined, b: [undefined, null, true, false]}},
    {name: 'a big value (the buffer grows)', value: {xs: Array.from({length: 40_000}, (_, i) => i / 7), s: 'y'.repeat(100_000)}},
  ])('$name: JSON.stringify with sorted keys', ({value}) => {
    expect(decoded(value)).toBe(oracle(value));
  });

  it('is JSON.stringify with sorted keys for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(decoded(value)).toBe(oracle(value));
      }),
      {numRuns: 2_000},
    );
  });

  it('is JSON.stringify with sorted keys for arrays of rounded numbers, as the timeline holds them', () => {
    fc.assert(
      fc.property(fc.array(fc.double({min: -1e9, max: 1e9, noNaN: true}).map((x) => Math.round(x * 1000) / 1000)), (values) => {
        expect(decoded({values})).toBe(oracle({values}));
      }),
    );
  });

  it('throws as canonicalJson does, and the next call starts clean', () => {
    expect(() => canonicalBytes({a: [1, NaN]})).toThrow(/canonicalJson/);
    expect(decoded({a: 1})).toBe('{"a":1}');
  });
});
