// References the client puts on requests that the caller left without one.
// Random 63-bit values: unique in practice across sessions and restarts (a
// counter would repeat after a restart, and a replayed reply from the earlier
// run could then be taken for an answer to a new request).
import { randomFillSync } from "node:crypto";

export type ReferenceSource = () => bigint;

export const randomReference: ReferenceSource = () => {
  const bytes = randomFillSync(new Uint8Array(8));
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  // 63 bits keeps it positive in any signed 64-bit store a user may log it to.
  return v & 0x7fff_ffff_ffff_ffffn;
};
