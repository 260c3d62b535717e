// Handler types derived from the generated payload map, so a handler for
// `seto.order_accepted` receives an OrderAccepted and a misspelt name does not
// compile. The event is the received IncomingPayload itself, typed by name:
// one object per payload, whoever looks at it.
import type { PayloadMessages, PayloadName } from "../../generated/payload-map.js";
import type { IncomingPayload } from "../payload/incoming.js";

/**
 * A received payload of type `N`, as handlers get it (second argument) and
 * `payloads()` yields it: `name`, `seq`, `isReplay`, the raw `bytes` (a view
 * into the receive buffer: copy it to keep it), the whole decoded `payload`
 * and the body as `message` (each decoded on first access, once).
 */
export type PayloadEvent<N extends PayloadName = PayloadName> = IncomingPayload & {
  readonly name: N;
  readonly message: PayloadMessages[N];
};

/** A received payload of any known type; narrowing on `name` types `message`. */
export type IncomingEvent = { [N in PayloadName]: PayloadEvent<N> }[PayloadName];

/** A handler for one payload type: receives the body message, typed by name, and the payload. */
export type PayloadHandler<N extends PayloadName> = (message: PayloadMessages[N], event: PayloadEvent<N>) => void;

/** A handler for every payload type; narrow on `event.name` to get typed bodies. */
export type GlobalHandler = (message: PayloadMessages[PayloadName], event: IncomingEvent) => void;

/** A handler map checked at compile time: keys must be payload names, values take that payload's message. */
export type HandlerMap = { readonly [N in PayloadName]?: PayloadHandler<N> };

/**
 * What happens when a handler throws. Either way the failure is reported
 * (a HandlerError naming the handler and the payload) and the payload is
 * never delivered twice in this process.
 * - `"continue"` (default): the payload's other handlers run, and delivery
 *   moves on to the next payload.
 * - `"stop"`: delivery stops at that payload: the handlers after the failing
 *   one do not run, the incoming seq is not advanced past it, and the client
 *   closes the connection, so that a later login (`resumeState`) has the
 *   exchange send it again.
 */
export type HandlerErrorPolicy = "continue" | "stop";
