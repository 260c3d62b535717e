// What the request machinery needs to know about one kind of request: what to
// send, where to file it, and which replies it reads (by payload name) and
// how. Each kind (kinds/*.ts) builds one of these; the Requester does the rest
// the same way for all.
import type { PayloadMessages, PayloadName } from "../../../generated/payload-map.js";
import type { OutgoingMessage } from "../port.js";
import type { CorrelationKey } from "./keys.js";

/** How a reply bears on a request: it succeeded, it failed, or it moved on without settling (pending-replace). */
export type Verdict<T> = FinalVerdict<T> | { readonly progress: true };

/** A reply that settles the request (unless it is a refusal for speed, which is resent: requests/resend.ts). */
export type FinalVerdict<T> = { readonly resolve: T } | { readonly reject: Error };

/**
 * The replies a request reads, by payload name: what a reply of that type
 * means for the request sent as payload `seq` (undefined: someone else's).
 */
export type ReplyReaders<T> = { readonly [N in PayloadName]?: (reply: PayloadMessages[N], seq: bigint) => Verdict<T> | undefined };

export interface RequestSpec<T> {
  /** Names the request in errors, e.g. "placeOrder (reference 42)". */
  readonly what: string;
  readonly message: OutgoingMessage;
  /** The reference set on the message; no two requests awaiting replies share one. */
  readonly reference: bigint | undefined;
  /** Keys known before sending (the seq key is added once sent). */
  readonly keys: readonly CorrelationKey[];
  /** The replies it reads. */
  readonly replies: ReplyReaders<T>;
  /** One reply answers every such request it matches (several subscribes to a market share one snapshot), not just the oldest. */
  readonly shared?: boolean;
  /** For requests the exchange does not answer (unsubscribe): the value to resolve with once sent. */
  readonly noReply?: { readonly value: T };
  /**
   * Called each time the message is on its way, with its seq: once, or again
   * (attempt 2, 3, …, same reference, new seq) after a refusal for speed.
   */
  onSent?(seq: bigint, attempt: number): void;
  /**
   * Called if the request, refused for speed and waiting to be sent again, is
   * given up instead (timeout, abort, session lost, closed, send refused):
   * the exchange's refusal stands, it never acted on the request.
   */
  onWithdrawn?(): void;
}

/**
 * Whether a reply echoes a request sent with `reference` as payload `seq`:
 * every key the reply carries must match, and it must carry at least one.
 * (A seq alone could belong to an earlier session; the reference guards it.)
 */
export function echoes(reply: { readonly seq?: bigint | undefined; readonly reference?: bigint | undefined }, reference: bigint | undefined, seq: bigint): boolean {
  if (reply.reference !== undefined && reply.reference !== reference) return false;
  if (reply.seq !== undefined && reply.seq !== seq) return false;
  return reply.reference !== undefined || reply.seq !== undefined;
}

/**
 * Whether a reply to an order-level request (cancel, reduce) is ours: by
 * reference when the reply has one, else by the order id it names.
 */
export function concerns(reply: { readonly reference?: bigint | undefined; readonly orderId?: bigint | undefined }, reference: bigint | undefined, orderId: bigint): boolean {
  return reply.reference !== undefined ? reply.reference === reference : reply.orderId === orderId;
}
