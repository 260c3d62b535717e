// The shape of one kind of client request's handling, and what handlers may use.
import type { PayloadMessages, SetoPayloadName } from "../../generated/payload-map.js";
import type { UnsequencedPayload } from "../../runtime/payload/encode.js";
import type { CommandResult, ExchangeEngine } from "../engine/index.js";
import type { ServerSession } from "./server-session.js";

export interface Desk {
  readonly engine: ExchangeEngine;
  /** Sends a command's events to every session concerned (the requester's account, market subscribers). */
  publish(result: CommandResult): void;
}

export interface RequestHandler<N extends SetoPayloadName> {
  /**
   * Checks the body for values outside the protocol (an unknown enum value);
   * returns what is wrong, or undefined. Values the protocol allows but the
   * exchange refuses (a bad price, an unknown market) are the engine's to answer.
   */
  check?(body: PayloadMessages[N]): string | undefined;
  /** The typed refusal the protocol has for this request when the session is over its throttle, if any. */
  throttled?(body: PayloadMessages[N], seq: bigint): UnsequencedPayload;
  run(desk: Desk, session: ServerSession, body: PayloadMessages[N], seq: bigint): void;
}

export type RequestHandlers = { readonly [N in SetoPayloadName]?: RequestHandler<N> };

/** Names an enum value outside `allowed` (undefined when it is allowed or absent and optional). */
export function badEnum(field: string, value: number | undefined, allowed: readonly number[], optional: boolean): string | undefined {
  if (value === undefined && optional) return undefined;
  if (value !== undefined && allowed.includes(value)) return undefined;
  return `${field} ${String(value)} is not one of ${allowed.join(", ")}`;
}
