// What each record of the file store's log holds (the framing is
// log-format.ts). Seqs and account sequences are unsigned 64-bit, little
// endian; strings UTF-8.
//
//   HEADER  JSON: magic, format, account, host, port, protocol (first record only)
//   STATE   u8 flags (1: session id, 2: account sequence), u64 next in seq,
//           u64 next out seq, u64 delivery lease, u64 account sequence, session id
//   OUT     u64 seq, u32 seto type, i32 eto type (-1: none), the payload's bytes
//   CLEAR   (nothing): the sent payloads are forgotten (a new session)
//   LEASE   u8 flags (1: a new stream, the lease starts over), u64 lease
//   ORDER   u32 key, JSON of the order (bigints as decimal strings)
//   FORGET  u32 key
import type { StoredPayload } from "../session/outgoing-store.js";
import type { SavedOrder } from "../trading/orders/saved-order.js";
import type { StoreIdentity } from "./session-store.js";

export const RecordType = {
  HEADER: 1,
  STATE: 2,
  OUT: 3,
  CLEAR: 4,
  LEASE: 5,
  ORDER: 6,
  FORGET: 7,
} as const;

/** Written in every header; a file without it is no session store. */
export const MAGIC = "smarkets-streaming session store";
/** The layout described above; a file of another format is refused. */
export const FORMAT = 1;

export interface StoreHeader extends StoreIdentity {
  readonly magic: string;
  readonly format: number;
}

/** The session state a STATE record carries. */
export interface StoreState {
  readonly sessionId: string | undefined;
  readonly nextInSeq: bigint;
  readonly nextOutSeq: bigint;
  readonly lease: bigint;
  readonly lastAccountSequence: bigint | undefined;
}

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Content too short or malformed for its type (the checksum was right: a bug or a foreign writer). */
export class BadRecord extends Error {}

export function headerContent(identity: StoreIdentity): Uint8Array {
  const h: StoreHeader = { magic: MAGIC, format: FORMAT, account: identity.account, host: identity.host, port: identity.port, protocol: identity.protocol };
  return utf8.encode(JSON.stringify(h));
}

/** The header, or undefined if the content is not one (not JSON, no magic). */
export function readHeader(content: Uint8Array): Partial<StoreHeader> | undefined {
  try {
    const h = JSON.parse(fromUtf8.decode(content)) as Partial<StoreHeader>;
    return typeof h === "object" && h !== null && h.magic === MAGIC ? h : undefined;
  } catch {
    return undefined;
  }
}

export function stateContent(s: StoreState): Uint8Array {
  const id = s.sessionId === undefined ? new Uint8Array(0) : utf8.encode(s.sessionId);
  const out = new Uint8Array(33 + id.length);
  const v = view(out);
  out[0] = (s.sessionId === undefined ? 0 : 1) | (s.lastAccountSequence === undefined ? 0 : 2);
  v.setBigUint64(1, s.nextInSeq, true);
  v.setBigUint64(9, s.nextOutSeq, true);
  v.setBigUint64(17, s.lease, true);
  v.setBigUint64(25, s.lastAccountSequence ?? 0n, true);
  out.set(id, 33);
  return out;
}

export function readState(c: Uint8Array): StoreState {
  need(c, 33, "STATE");
  const v = view(c);
  const flags = c[0]!;
  return {
    sessionId: flags & 1 ? text(c.subarray(33), "STATE session id") : undefined,
    nextInSeq: v.getBigUint64(1, true),
    nextOutSeq: v.getBigUint64(9, true),
    lease: v.getBigUint64(17, true),
    lastAccountSequence: flags & 2 ? v.getBigUint64(25, true) : undefined,
  };
}

export function outContent(p: StoredPayload): Uint8Array {
  const out = new Uint8Array(16 + p.bytes.length);
  const v = view(out);
  v.setBigUint64(0, p.seq, true);
  v.setUint32(8, p.setoType, true);
  v.setInt32(12, p.etoType ?? -1, true);
  out.set(p.bytes, 16);
  return out;
}

export function readOut(c: Uint8Array): StoredPayload {
  need(c, 16, "OUT");
  const v = view(c);
  const eto = v.getInt32(12, true);
  // A copy: the file's bytes are dropped once read.
  return { seq: v.getBigUint64(0, true), setoType: v.getUint32(8, true), etoType: eto < 0 ? undefined : eto, bytes: new Uint8Array(c.subarray(16)) };
}

export function leaseContent(lease: bigint, restart: boolean): Uint8Array {
  const out = new Uint8Array(9);
  out[0] = restart ? 1 : 0;
  view(out).setBigUint64(1, lease, true);
  return out;
}

export function readLease(c: Uint8Array): { lease: bigint; restart: boolean } {
  need(c, 9, "LEASE");
  return { restart: (c[0]! & 1) === 1, lease: view(c).getBigUint64(1, true) };
}

/** Every field of a saved order (an OrderView without its derived average price); the mapped type keeps it complete. */
const ORDER_FIELD_SET: { readonly [K in keyof SavedOrder["order"]]-?: true } = {
  orderId: true,
  reference: true,
  seq: true,
  status: true,
  marketId: true,
  contractId: true,
  side: true,
  price: true,
  quantity: true,
  executedQuantity: true,
  executedValue: true,
  remainingQuantity: true,
  voidedQuantity: true,
  label: true,
  replaces: true,
  replacedBy: true,
  reason: true,
  accountSequence: true,
  complete: true,
};
const ORDER_FIELDS = Object.keys(ORDER_FIELD_SET);

/** Fields of an order that are bigints (written as decimal strings). */
const BIGINT_FIELDS = new Set(["orderId", "reference", "seq", "quantity", "executedQuantity", "executedValue", "remainingQuantity", "voidedQuantity", "replaces", "replacedBy", "accountSequence"]);

export function orderContent(o: SavedOrder): Uint8Array {
  const json = utf8.encode(JSON.stringify(o.order, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  const out = new Uint8Array(4 + json.length);
  view(out).setUint32(0, o.key, true);
  out.set(json, 4);
  return out;
}

export function readOrder(c: Uint8Array): SavedOrder {
  need(c, 4, "ORDER");
  let order: SavedOrder["order"];
  try {
    order = JSON.parse(text(c.subarray(4), "ORDER"), (k, v: unknown) => (BIGINT_FIELDS.has(k) && typeof v === "string" ? BigInt(v) : v)) as SavedOrder["order"];
  } catch (e) {
    throw new BadRecord(`ORDER record does not parse: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof order !== "object" || order === null || typeof order.status !== "string") throw new BadRecord("ORDER record holds no order");
  // JSON leaves out what is undefined: put the fields back, so the order has every field of an OrderView.
  const whole = Object.fromEntries(ORDER_FIELDS.map((k) => [k, (order as Record<string, unknown>)[k]])) as SavedOrder["order"];
  return { key: view(c).getUint32(0, true), order: whole };
}

export function keyContent(key: number): Uint8Array {
  const out = new Uint8Array(4);
  view(out).setUint32(0, key, true);
  return out;
}

export function readKey(c: Uint8Array): number {
  need(c, 4, "FORGET");
  return view(c).getUint32(0, true);
}

function view(b: Uint8Array): DataView {
  return new DataView(b.buffer, b.byteOffset, b.byteLength);
}

function need(c: Uint8Array, bytes: number, what: string): void {
  if (c.length < bytes) throw new BadRecord(`${what} record of ${c.length} bytes, at least ${bytes} expected`);
}

function text(b: Uint8Array, what: string): string {
  try {
    return fromUtf8.decode(b);
  } catch {
    throw new BadRecord(`${what} is not UTF-8`);
  }
}

export { utf8 };
