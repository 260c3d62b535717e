// Whole numbers written in bases 2..62 with the seed's alphabet: digits, then
// lowercase, then uppercase letters (so base 36 is the usual 0-9a-z and
// bases above 36 are case-sensitive).

import { IdError, show } from "./errors.js";

export const SLUG_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const MIN_BASE = 2;
export const MAX_BASE = SLUG_ALPHABET.length;

export function checkBase(base: unknown): number {
  if (typeof base !== "number" || !Number.isInteger(base) || base < MIN_BASE || base > MAX_BASE) {
    throw new IdError(`base ${show(base)} must be a whole number from ${MIN_BASE} to ${MAX_BASE}`, base);
  }
  return base;
}

/** `n` (≥ 0) in `base`, no leading zeros; 0 is "0". */
export function encodeBaseN(n: bigint, base: number): string {
  const b = BigInt(base);
  let out = "";
  do {
    out = SLUG_ALPHABET[Number(n % b)]! + out;
    n /= b;
  } while (n > 0n);
  return out;
}

/**
 * The value of `digits` in `base`. Stops with IdError at the first character
 * outside the base, or as soon as the value passes `limit` (so an absurdly
 * long slug costs no more than a valid one). `what` is the whole input, for
 * the message.
 */
export function decodeBaseN(digits: string, base: number, limit: bigint, what: string): bigint {
  const b = BigInt(base);
  let n = 0n;
  for (const ch of digits) {
    const d = SLUG_ALPHABET.indexOf(ch);
    if (d < 0 || d >= base) {
      throw new IdError(`slug ${show(what)} has ${show(ch)}, not a base-${base} digit (${SLUG_ALPHABET.slice(0, base)})`, what);
    }
    n = n * b + BigInt(d);
    if (n > limit) throw new IdError(`slug ${show(what)} is too large: ids hold at most 128 bits plus a 16-bit tag`, what);
  }
  return n;
}
