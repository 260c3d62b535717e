// Handler types derived from the generated payload map, so a handler for
// `seto.order_accepted` receives an OrderAccepted and a misspelt name does not
// compile.
import type { PayloadMessages, PayloadName } from "../../generated/payload-map.js";
import type * as seto from "../../generated/seto.js";

/** What a handler is told about the payload besides its body. */
export interface PayloadEvent<N extends PayloadName = PayloadName> {
  readonly name: N;
  /** The sender's sequence number of this payload. */
  readonly seq: bigint;
  /** True when the peer resent this payload in answer to a replay request. */
  readonly isReplay: boolean;
  /** The raw payload bytes as received (a view into the receive buffer: copy it to keep it). */
  readonly bytes: Uint8Array;
  /** The whole decoded envelope (decoded on first access). */
  readonly payload: seto.Payload;
}

/** A handler for one payload type: receives the body message, typed by name. */
export type PayloadHandler<N extends PayloadName> = (message: PayloadMessages[N], event: PayloadEvent<N>) => void;

/** A handler for every payload type; narrow on `event.name` to get typed bodies. */
export type GlobalHandler = (message: PayloadMessages[PayloadName], event: PayloadEvent) => void;

/** A handler map checked at compile time: keys must be payload names, values take that payload's message. */
export type HandlerMap = { readonly [N in PayloadName]?: PayloadHandler<N> };
