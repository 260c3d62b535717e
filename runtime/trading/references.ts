// References the client puts on requests that the caller left without one.
// Random 63-bit values: unique in practice across sessions and restarts (a
// counter would repeat after a restart, and a replayed reply from the earlier
// run could then be taken for an answer to a new request).
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
  // 63 bits keeps it positive in any signed 64-bit store a user may log it to.
  const high = pool[next++]! & 0x7fff_ffff;
  const low = pool[next++]!;
  return (BigInt(high) << 32n) | BigInt(low);
};
