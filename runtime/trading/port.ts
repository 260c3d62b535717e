// The narrow port between the trading layer and a session: it can send a seto
// message (learning the payload's seq, which replies echo) and flush, and it
// registers handlers, like any user, for the payloads it consumes. Nothing
// else, so the trading logic runs in tests against a fake and in the client
// against the real session.
import type { PayloadMessages, SetoPayloadName } from "../../generated/payload-map.js";
import type { SmarketsError } from "../errors.js";
import type { HandlerPosition } from "../dispatch/handler-registry.js";
import type { HandlerMap } from "../dispatch/handler-types.js";

/** The part of a HandlerRegistry the trading layer uses. */
export interface HandlerRegistrar {
  addAll(map: HandlerMap, position?: HandlerPosition): void;
  removeAll(map: HandlerMap): void;
}

export interface TradingPort {
  /** Numbers and queues a seto message; returns its payload seq. May throw (e.g. not logged in): nothing was sent then. */
  send<N extends SetoPayloadName>(name: N, body: PayloadMessages[N]): bigint;
  /** Writes what was queued. */
  flush(): Promise<void>;
  /** Where the trading layer registers the handlers of what it consumes: the client's handler registry. */
  readonly handlers: HandlerRegistrar;
  /** Hears of problems in what the exchange sent that stopped nothing (e.g. throttle limits out of range); the client puts them on errors(). */
  report?(error: SmarketsError): void;
}

/** A seto message to send, typed by name. */
export type OutgoingMessage = {
  [N in SetoPayloadName]: { readonly name: N; readonly body: PayloadMessages[N] };
}[SetoPayloadName];

/** Sends `message` through `port`; returns its seq. */
export function sendMessage(port: TradingPort, message: OutgoingMessage): bigint {
  // The union pairs each name with its body; TypeScript cannot follow that
  // correlation through a generic call, so it is asserted here, once.
  return port.send(message.name as SetoPayloadName, message.body as never);
}
