// The narrow port between the trading layer and a session: it can send a seto
// message (learning the payload's seq, which replies echo) and flush, and it
// is fed every incoming payload. Nothing else, so the trading logic runs in
// tests against a fake and in the client against the real session.
import type { PayloadMessages, PayloadName, SetoPayloadName } from "../../generated/payload-map.js";
import type { SmarketsError } from "../errors.js";

export interface TradingPort {
  /** Numbers and queues a seto message; returns its payload seq. May throw (e.g. not logged in): nothing was sent then. */
  send<N extends SetoPayloadName>(name: N, body: PayloadMessages[N]): bigint;
  /** Writes what was queued. */
  flush(): Promise<void>;
  /** Hears of problems in what the exchange sent that stopped nothing (e.g. throttle limits out of range); the client puts them on errors(). */
  report?(error: SmarketsError): void;
}

/** One incoming payload, as the client's `payloads()` yields it; narrowing on `name` types `message`. */
export type TradingEvent = {
  [N in PayloadName]: {
    readonly name: N;
    /** The payload's own seq (not the echoed request seq inside some messages). */
    readonly seq: bigint;
    /** Resent by the exchange in answer to a replay request. */
    readonly isReplay: boolean;
    readonly message: PayloadMessages[N];
  };
}[PayloadName];

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
