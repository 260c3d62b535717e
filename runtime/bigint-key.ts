// A bigint as a Map key. V8 hashes a bigint key from its digits on every
// lookup, a number key far more cheaply; seqs and order ids are bigints on
// the wire but nearly always within 2^53, where the number is exact. Keys of
// one map must all come from here, so a value has one key whichever side of
// 2^53 it lies.
const MAX_NUMBER_KEY = BigInt(Number.MAX_SAFE_INTEGER);

/** `value` as a Map key: a number when exact, else the bigint itself. */
export function bigintKey(value: bigint): number | bigint {
  return value <= MAX_NUMBER_KEY && value >= 0n ? Number(value) : value;
}
