// Canonical JSON and fingerprints: two machines that computed the same result print the same hash.
// Canonical = object keys sorted by UTF-16 code units, undefined members dropped, numbers as JavaScript
// prints them (so -0 is "0"), no whitespace. Non-finite numbers have no JSON form and are rejected.
import {sha256} from '@noble/hashes/sha2.js';
import {bytesToHex, utf8ToBytes} from '@noble/hashes/utils.js';
import type {Level} from './types.js';

function write(value: unknown, seen: Set<object>, out: string[]): void {
  if (value === null) {
    out.push('null');
    return;
  }
  switch (typeof value) {
    case 'string':
      out.push(JSON.stringify(value));
      return;
    case 'boolean':
      out.push(value ? 'true' : 'false');
      return;
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${String(value)} has no JSON form`);
      out.push(JSON.stringify(value));
      return;
    case 'object':
      break;
    default:
      // undefined at the top level, functions, symbols, bigints: not data.
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
  if (seen.has(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  seen.add(value);
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item: unknown, index) => {
      if (index > 0) out.push(',');
      // As JSON.stringify does: an undefined array element is null, so positions keep their meaning.
      if (item === undefined) out.push('null');
      else write(item, seen, out);
    });
    out.push(']');
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort();
    out.push('{');
    keys.forEach((key, index) => {
      if (index > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      write(record[key], seen, out);
    });
    out.push('}');
  }
  seen.delete(value);
}

/** The canonical JSON text of a plain data value. Throws on values with no JSON form (NaN, Infinity, cycles). */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, new Set(), out);
  return out.join('');
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function fingerprint(value: unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(value))));
}

/** The fingerprint of a level: results name the exact level they were computed for. */
export function levelHash(level: Level): string {
  return fingerprint(level);
}
