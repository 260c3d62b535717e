// Routes each client request to its handler. Policy for what is not a
// well-formed request:
// - an unknown payload type, or a type the exchange only sends (a client
//   sending order-accepted), is logged and ignored: the session goes on;
// - a request whose body is missing or does not decode, or has an enum value
//   outside the protocol, is a protocol violation: the client is logged out
//   (LOGOUT_NONE: eto has no protocol-error reason) and the session ends.
// Throttling: a session over its allowance gets an eto throttle_exceeded for
// the request, plus the typed rejection where the protocol has a
// THROTTLE_EXCEEDED reason for it (order-create, order-cancel, reduce; a
// cancel-replace gets order-cancel-rejected's), so the client can settle the
// request; the request is not carried out.
import * as eto from "../../generated/eto.js";
import { lookupPayload, payloadBody, type SetoPayloadName } from "../../generated/payload-map.js";
import { etoPayload, type UnsequencedPayload } from "../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../runtime/payload/incoming.js";
import type { CommandResult, ExchangeEngine } from "../engine/index.js";
import { MalformedRequest } from "./errors.js";
import { feedRequests } from "./feed-requests.js";
import { orderRequests } from "./order-requests.js";
import type { Publisher } from "./publisher.js";
import type { Desk } from "./request-handler.js";
import type { ServerSession } from "./server-session.js";

/** A handler with its body type erased, for dispatch by name. */
interface AnyHandler {
  check?(body: unknown): string | undefined;
  throttled?(body: unknown, seq: bigint): UnsequencedPayload;
  run(desk: Desk, session: ServerSession, body: unknown, seq: bigint): void;
}

const handlers = { ...orderRequests, ...feedRequests } as unknown as Readonly<Record<string, AnyHandler | undefined>>;

export class RequestDesk implements Desk {
  constructor(
    readonly engine: ExchangeEngine,
    readonly publisher: Publisher,
  ) {}

  publish(result: CommandResult): void {
    this.publisher.publish(result.events);
  }

  handle(session: ServerSession, p: IncomingPayload): void {
    const info = lookupPayload(p.setoType, p.etoType);
    if (info === undefined) {
      session.log.warn({ seq: String(p.seq), type: p.setoType }, `unknown payload type ${p.name}: ignored`);
      return;
    }
    const handler = handlers[info.name];
    if (handler === undefined) {
      session.log.warn({ seq: String(p.seq) }, `${info.name} is not a request the exchange serves: ignored`);
      return;
    }
    let body: unknown;
    try {
      body = payloadBody(info.name as SetoPayloadName, p.payload);
    } catch (e) {
      this.#violation(session, new MalformedRequest(`${info.name} seq ${p.seq} does not decode: ${e instanceof Error ? e.message : String(e)}`, info.name, p.seq, { cause: e }));
      return;
    }
    if (body === undefined) {
      this.#violation(session, new MalformedRequest(`${info.name} seq ${p.seq} carries no ${info.property ?? "body"}`, info.name, p.seq));
      return;
    }
    const wrong = handler.check?.(body);
    if (wrong !== undefined) {
      this.#violation(session, new MalformedRequest(`${info.name} seq ${p.seq}: ${wrong}`, info.name, p.seq));
      return;
    }
    if (!session.throttle.take()) {
      session.log.info({ seq: String(p.seq), request: info.name }, "request over the throttle: refused");
      session.deliver(etoPayload(eto.PayloadType.PAYLOAD_THROTTLE_EXCEEDED));
      if (handler.throttled) session.deliver(handler.throttled(body, p.seq));
      return;
    }
    try {
      handler.run(this, session, body, p.seq);
    } catch (e) {
      // The engine throws only for what the checks above should have caught: a bug, not the client's fault.
      session.log.error({ err: e, seq: String(p.seq), request: info.name }, "request failed inside the exchange");
    }
  }

  #violation(session: ServerSession, error: MalformedRequest): void {
    session.log.warn({ err: error }, "protocol violation");
    session.logout(eto.LogoutReason.LOGOUT_NONE, "violation", error.message);
  }
}
