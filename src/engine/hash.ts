// Canonical JSON and fingerprints: two machines that computed the same result print the same hash.
// Canonical = object keys sorted by UTF-16 code units, undefined members dropped, numbers as JavaScript
// prints them (so -0 is "0"), no whitespace. Non-finite numbers have no JSON form and are rejected.
import {sha256} from '@noble/hashes/sha2.js';
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js';
import type {Level} from './types.js';

function isFiniteNumberArray(values: readonly unknown[]): values is number[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  }
  return true;
}

/**
 * String(v) for a finite number, faster for the values results are full of: numbers rounded to at most three
 * decimals (k / 1000 for an integer k), written from k's integer digits. Such a double is the nearest one to the
 * decimal k / 1000, and no shorter decimal maps to it (it has fewer than 16 significant digits), so that decimal is
 * exactly what String prints. Anything else goes to String itself.
 */
export function numberText(v: number): string {
  const k = Math.round(v * 1000);
  if (k / 1000 !== v || k > 1e15 || k < -1e15) return String(v);
  if (k % 1000 === 0) return String(k / 1000);
  const negative = k < 0;
  const magnitude = negative ? -k : k;
  const whole = Math.floor(magnitude / 1000);
  let fraction = magnitude - whole * 1000;
  let digits = 3;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  const text = String(fraction);
  return `${negative ? '-' : ''}${whole}.${text.length < digits ? '0'.repeat(digits - text.length) : ''}${text}`;
}

/** A finite-number array as JSON, as Array.prototype.join prints it with String() for each. */
function numberArrayText(values: readonly number[]): string {
  let out = '[';
  for (let i = 0; i < values.length; i++) out += i === 0 ? numberText(values[i] as number) : `,${numberText(values[i] as number)}`;
  return `${out}]`;
}

function write(value: unknown, seen: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${String(value)} has no JSON form`);
      // String(-0) is "0", as JSON.stringify prints it.
      return numberText(value);
    case 'object':
      break;
    default:
      // undefined at the top level, functions, symbols, bigints: not data.
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
  if (seen.has(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  seen.add(value);
  let out: string;
  if (Array.isArray(value) && isFiniteNumberArray(value)) {
    // The timeline is mostly long arrays of rounded numbers.
    out = numberArrayText(value);
  } else if (Array.isArray(value)) {
    out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      // As JSON.stringify does: an undefined array element is null, so positions keep their meaning.
      out += item === undefined ? 'null' : write(item, seen);
    }
    out += ']';
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    out = '{';
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      out += `${first ? '' : ','}${JSON.stringify(key)}:${write(member, seen)}`;
      first = false;
    }
    out += '}';
  }
  seen.delete(value);
  return out;
}

/** The canonical JSON text of a plain data value. Throws on values with no JSON form (NaN, Infinity, cycles). */
export function canonicalJson(value: unknown): string {
  return write(value, new Set());
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function fingerprint(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}

/**
 * Levels already hashed, by identity. A level is a value: nothing changes one in place once it is loaded (an edit
 * makes a new object), so the hash of the same object is the same string. The re-scoring loop simulates one level
 * thousands of times; this keeps it from hashing 12 KB of level per run.
 */
const levelHashes = new WeakMap<Level, string>();

/** The fingerprint of a level: results name the exact level they were computed for. */
export function levelHash(level: Level): string {
  let hash = levelHashes.get(level);
  if (hash === undefined) {
    hash = fingerprint(level);
    levelHashes.set(level, hash);
  }
  return hash;
}
