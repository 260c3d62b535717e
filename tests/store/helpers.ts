// Shared set-up for the session store's tests: a temporary directory per
// test, an identity, and payloads and orders to store.
import type { ExecutionContext } from "ava";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { StoredPayload } from "../../runtime/session/outgoing-store.js";
import type { SessionSnapshot, StoreIdentity } from "../../runtime/store/session-store.js";
import type { SavedOrder } from "../../runtime/trading/orders/saved-order.js";

export const IDENTITY: StoreIdentity = { account: "user demo", host: "127.0.0.1", port: 3701, protocol: "seto: smk_api_common v6.6.0; eto: eto_common v1.2.3" };

/** A fresh directory, removed after the test; returns a store path in it. */
export function storePath(t: ExecutionContext, name = "session.store"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smk-store-"));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, name);
}

export function payload(seq: bigint, size = 20): StoredPayload {
  const bytes = new Uint8Array(size).fill(Number(seq % 251n));
  return { seq, setoType: 12, etoType: undefined, bytes };
}

export function order(key: number, status: SavedOrder["order"]["status"], extra: Partial<SavedOrder["order"]> = {}): SavedOrder {
  return {
    key,
    order: {
      orderId: status === "pending" ? undefined : BigInt(1000 + key),
      reference: BigInt(key) * 7n,
      seq: BigInt(key + 1),
      status,
      marketId: 1,
      contractId: 2,
      side: 1,
      price: 5000,
      quantity: 100_000n,
      executedQuantity: 0n,
      executedValue: 0n,
      remainingQuantity: status === "pending" || status === "live" ? 100_000n : 0n,
      voidedQuantity: 0n,
      label: "k" + key,
      replaces: undefined,
      replacedBy: undefined,
      reason: undefined,
      accountSequence: undefined,
      complete: true,
      ...extra,
    },
  };
}

export function snapshot(s: Partial<SessionSnapshot> = {}): SessionSnapshot {
  return { sessionId: "s-1", nextInSeq: 1n, nextOutSeq: 1n, lastAccountSequence: undefined, orders: [], forgotten: [], ...s };
}
