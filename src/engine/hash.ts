// Canonical JSON and fingerprints: two machines that computed the same result print the same hash.
// Canonical = object keys sorted by UTF-16 code units, undefined members dropped, numbers as JavaScript
// prints them (so -0 is "0"), no whitespace. Non-finite numbers have no JSON form and are rejected.
import {sha256} from '@noble/hashes/sha2.js';
import {bytesToHex} from '@noble/hashes/utils.js';
import type {Level} from './types.js';

// The canonical JSON is written straight into UTF-8 bytes, which is what the fingerprint hashes: a result is ~35 KB
// of text, mostly rounded numbers, and building it as a string, then encoding it, cost more than the hash. One
// growing buffer, reused by every call (the engine is single-threaded and this is not re-entrant). canonicalJson
// is these bytes decoded: one writer for both.
let bytes = new Uint8Array(1 << 16);
let used = 0;
const ENCODER = new TextEncoder();
const DIGITS = new Uint8Array(20);
const CHAR_QUOTE = 34;
const CHAR_BACKSLASH = 92;

function reserve(n: number): void {
  if (used + n <= bytes.length) return;
  let size = bytes.length * 2;
  while (size < used + n) size *= 2;
  const grown = new Uint8Array(size);
  grown.set(bytes.subarray(0, used));
  bytes = grown;
}

function putByte(b: number): void {
  if (used >= bytes.length) reserve(1);
  bytes[used++] = b;
}

/** Text known to be ASCII (numbers as String prints them, JSON punctuation). */
function putAscii(text: string): void {
  reserve(text.length);
  for (let i = 0; i < text.length; i++) bytes[used++] = text.charCodeAt(i);
}

function putEncoded(text: string): void {
  const encoded = ENCODER.encode(text);
  reserve(encoded.length);
  bytes.set(encoded, used);
  used += encoded.length;
}

/** A string as JSON.stringify writes it: printable ASCII without quotes or backslashes as is, else through it. */
function putString(text: string): void {
  const start = used;
  reserve(text.length + 2);
  bytes[used++] = CHAR_QUOTE;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === CHAR_QUOTE || c === CHAR_BACKSLASH) {
      used = start;
      putEncoded(JSON.stringify(text));
      return;
    }
    bytes[used++] = c;
  }
  bytes[used++] = CHAR_QUOTE;
}

/** A non-negative integer below 2^53, in decimal. */
function putDigits(n: number): void {
  let count = 0;
  do {
    const q = Math.floor(n / 10);
    DIGITS[count++] = 48 + (n - q * 10);
    n = q;
  } while (n > 0);
  reserve(count);
  while (count > 0) bytes[used++] = DIGITS[--count] as number;
}

/**
 * String(v) for a finite number, as bytes, faster for the values results are full of: numbers rounded to at most
 * three decimals (k / 1000 for an integer k), written from k's digits. Such a double is the nearest one to the
 * decimal k / 1000, and no shorter decimal maps to it (it has fewer than 16 significant digits), so that decimal is
 * exactly what String prints (-0 prints as 0, as in JSON). Anything else goes to String itself.
 */
function putNumber(v: number): void {
  let k = Math.round(v * 1000);
  if (k / 1000 !== v || k > 1e15 || k < -1e15) {
    putAscii(String(v));
    return;
  }
  if (k < 0) {
    putByte(45);
    k = -k;
  }
  const whole = Math.floor(k / 1000);
  const fraction = k - whole * 1000;
  putDigits(whole);
  if (fraction === 0) return;
  const d1 = Math.floor(fraction / 100);
  const d2 = Math.floor(fraction / 10) - d1 * 10;
  const d3 = fraction - Math.floor(fraction / 10) * 10;
  reserve(4);
  bytes[used++] = 46;
  bytes[used++] = 48 + d1;
  if (d2 !== 0 || d3 !== 0) bytes[used++] = 48 + d2;
  if (d3 !== 0) bytes[used++] = 48 + d3;
}

function writeBytes(value: unknown, seen: Set<object>): void {
  if (value === null) return putAscii('null');
  switch (typeof value) {
    case 'string':
      return putString(value);
    case 'boolean':
      return putAscii(value ? 'true' : 'false');
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${String(value)} has no JSON form`);
      return putNumber(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} has no JSON form`);
  }
  if (seen.has(value)) throw new TypeError('canonicalJson: the value contains a cycle');
  seen.add(value);
  if (Array.isArray(value)) {
    putByte(91);
    for (let i = 0; i < value.length; i++) {
      if (i > 0) putByte(44);
      const item: unknown = value[i];
      if (typeof item === 'number' && Number.isFinite(item)) putNumber(item);
      else if (item === undefined) putAscii('null');
      else writeBytes(item, seen);
    }
    putByte(93);
  } else {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).sort();
    putByte(123);
    let first = true;
    for (const key of keys) {
      const member = record[key];
      if (member === undefined) continue;
      if (!first) putByte(44);
      putString(key);
      putByte(58);
      writeBytes(member, seen);
      first = false;
    }
    putByte(125);
  }
  seen.delete(value);
}

/** The canonical JSON of a value as UTF-8 bytes (a view of a buffer the next call reuses: copy it to keep it). */
export function canonicalBytes(value: unknown): Uint8Array {
  used = 0;
  writeBytes(value, new Set());
  return bytes.subarray(0, used);
}

const DECODER = new TextDecoder();

/** The canonical JSON text of a plain data value. Throws on values with no JSON form (NaN, Infinity, cycles). */
export function canonicalJson(value: unknown): string {
  return DECODER.decode(canonicalBytes(value));
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function fingerprint(value: unknown): string {
  return bytesToHex(sha256(canonicalBytes(value)));
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
