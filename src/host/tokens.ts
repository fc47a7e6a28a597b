// The event's secrets. The join code is shown on the projector: it only lets a student in, so 50 random bits
// (10 characters a student can type without confusing 0/O or 1/l) are plenty behind the rate limits. Tokens prove
// who may act: 256 random bits each. The host keeps only a hash of each player's token, and compares in constant time.
import {createHash, randomBytes, randomInt, timingSafeEqual} from 'node:crypto';

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const JOIN_CODE_LENGTH = 10;
export const JOIN_CODE = new RegExp(`^[${CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`);
export const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `token` is the one whose hash is `hash`, in time that does not depend on where they differ. */
export function tokenMatches(token: string | undefined, hash: string): boolean {
  if (token === undefined || !TOKEN.test(token)) return false;
  const a = Buffer.from(tokenHash(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer TOKEN` header. */
export function bearer(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{1,100})$/.exec(header?.trim() ?? '');
  return match?.[1];
}
