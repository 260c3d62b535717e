// Incoming payloads as the client would hand them to Trading.handle, and
// builders for the seto replies tests feed (required fields filled in).
import type { PayloadMessages, PayloadName } from "../../../generated/payload-map.js";
import * as seto from "../../../generated/seto.js";
import type { TradingEvent } from "../../../runtime/trading/index.js";

let payloadSeq = 10_000n;

export function incoming<N extends PayloadName>(name: N, message: PayloadMessages[N], isReplay = false): TradingEvent {
  return { name, message, seq: payloadSeq++, isReplay } as TradingEvent;
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
