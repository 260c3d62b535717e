// Incoming payloads as the session hands them to the handler registry (real
// IncomingPayloads, encoded and scanned), and builders for the seto replies
// tests feed (required fields filled in).
import { payloadInfo, setoPayload, type PayloadMessages, type PayloadName, type SetoPayloadName } from "../../../generated/payload-map.js";
import * as seto from "../../../generated/seto.js";
import type { PayloadEvent } from "../../../runtime/dispatch/handler-types.js";
import { encodePayload, etoPayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import { IncomingPayload } from "../../../runtime/payload/incoming.js";

let payloadSeq = 10_000n;

/** The payload `name` carrying `message`, as received: numbered, encoded, and read back by the client's own IncomingPayload. */
export function incoming<N extends PayloadName>(name: N, message: PayloadMessages[N], isReplay = false): PayloadEvent<N> {
  const info = payloadInfo[name];
  const unsequenced: UnsequencedPayload =
    info.layer === "seto"
      ? setoPayload(name as SetoPayloadName, message as PayloadMessages[SetoPayloadName])
      : etoPayload(info.etoType!, info.property === undefined ? {} : { [info.property]: message });
  const payload = withSeq(unsequenced, payloadSeq++);
  if (isReplay) payload.etoPayload = { ...payload.etoPayload!, isReplay: true };
  return new IncomingPayload(encodePayload(payload)) as PayloadEvent<N>;
}

export const BUY = seto.Side.SIDE_BUY;
export const SELL = seto.Side.SIDE_SELL;

export function executed(m: Partial<seto.OrderExecuted> & { orderId: bigint; price: number; quantity: bigint }): seto.OrderExecuted {
  return { side: BUY, marketId: 1, contractId: 2, ...m };
}

export function cancelled(m: Partial<seto.OrderCancelled> & { orderId: bigint }): seto.OrderCancelled {
  return { reason: seto.OrderCancelledReason.ORDER_CANCELLED_MEMBER_REQUESTED, ...m };
}

export function quotes(marketId: number, contractId: number, m: Partial<seto.ContractQuotes> = {}): seto.ContractQuotes {
  return { bids: [], offers: [], executions: [], marketId, contractId, ...m };
}

export function level(price: number, quantity: bigint | number): seto.Quote {
  return { price, quantity: BigInt(quantity) };
}

/** Settles of a promise, counted, so a test can see it settled exactly once and how. */
export function watch<T>(promise: Promise<T>): { readonly outcome: { value?: T; error?: unknown; settled: boolean } } {
  const outcome: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => {
      outcome.value = value;
      outcome.settled = true;
    },
    (error: unknown) => {
      outcome.error = error;
      outcome.settled = true;
    },
  );
  return { outcome };
}

/** Lets promise callbacks run. */
export async function tick(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

/** For requests a test starts and leaves unsettled (or settles by close()): their rejection is expected. */
export function quiet<T>(promise: Promise<T>): void {
  promise.catch(() => undefined);
}
