// References the client puts on requests that the caller left without one.
// Random 53-bit values: unique in practice across sessions and restarts (a
// counter would repeat after a restart, and a replayed reply from the earlier
// run could then be taken for an answer to a new request; two of the last
// million references share a value with odds of about 1 in 18,000), exact as
// a JavaScript number (a user may log or store one as JSON), and cheap to
// file and look up (bigint-key.ts).
import { randomFillSync } from "node:crypto";

export type ReferenceSource = () => bigint;

/** Random words drawn in bulk: one system call per 512 references, not one per reference. */
const pool = new Uint32Array(1024);
let next = pool.length;

export const randomReference: ReferenceSource = () => {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  // 21 high bits and 32 low ones: below 2^53.
  const high = pool[next++]! & 0x1f_ffff;
  const low = pool[next++]!;
  return BigInt(high * 0x1_0000_0000 + low);
};
