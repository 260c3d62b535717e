// One handler list per payload type, looked up by table index on the hot
// path; bodies are decoded only when some handler is registered for the type,
// and then, where the payload allows, only the body (IncomingPayload.message).
import {
  isPayloadName,
  lookupPayload,
  payloadBody,
  payloadInfo,
  type PayloadInfo,
  type PayloadName,
} from "../../generated/payload-map.js";
import { InvalidCallbackError } from "../errors.js";
import type { GlobalHandler, HandlerMap, PayloadEvent, PayloadHandler } from "./handler-types.js";
import type { DispatchablePayload } from "./incoming.js";

type AnyHandler = (message: unknown, event: PayloadEvent) => void;

// A class, not an object literal with a getter: V8 builds such literals
// through the runtime, one of the costliest steps of a dispatch.
class DispatchEvent implements PayloadEvent {
  readonly seq: bigint;
  readonly isReplay: boolean;
  readonly bytes: Uint8Array;
  readonly #source: DispatchablePayload;
  constructor(
    readonly name: PayloadName,
    source: DispatchablePayload,
  ) {
    this.#source = source;
    this.seq = source.seq;
    this.isReplay = source.isReplay;
    this.bytes = source.bytes;
  }
  get payload(): PayloadEvent["payload"] {
    return this.#source.payload;
  }
}

function checkFunction(fn: unknown, what: string): void {
  if (typeof fn !== "function") {
    throw new InvalidCallbackError(`${what} must be a function, got ${fn === null ? "null" : typeof fn}`);
  }
}

function checkName(name: unknown): asserts name is PayloadName {
  if (typeof name !== "string" || !isPayloadName(name)) {
    throw new InvalidCallbackError(
      `unknown payload name ${JSON.stringify(name)}: expected a name such as "seto.order_accepted" or "eto.login_response"`,
    );
  }
}

export class HandlerRegistry {
  readonly #byName = new Map<PayloadName, AnyHandler[]>();
  // The same lists indexed by payload type, for dispatch: an array index is
  // cheaper than a lookup by name, per payload.
  readonly #bySetoType: (AnyHandler[] | undefined)[] = [];
  readonly #byEtoType: (AnyHandler[] | undefined)[] = [];
  #global: AnyHandler[] = [];

  /** Registers `handler` for payloads called `name`; throws InvalidCallbackError for unknown names or non-functions. */
  add<N extends PayloadName>(name: N, handler: PayloadHandler<N>): void {
    checkName(name);
    checkFunction(handler, `handler for ${name}`);
    const list = this.#byName.get(name) ?? [];
    // Copy on write: dispatch iterates a list that registration never mutates.
    this.#byName.set(name, [...list, handler as unknown as AnyHandler]);
    this.#reindex(name);
  }

  /** Removes one registration of `handler` for `name`; returns whether it was registered. */
  remove<N extends PayloadName>(name: N, handler: PayloadHandler<N>): boolean {
    checkName(name);
    const list = this.#byName.get(name);
    const i = list?.indexOf(handler as unknown as AnyHandler) ?? -1;
    if (!list || i < 0) return false;
    const next = list.filter((_, j) => j !== i);
    if (next.length === 0) this.#byName.delete(name);
    else this.#byName.set(name, next);
    this.#reindex(name);
    return true;
  }

  /** Registers every entry of a compile-time checked handler map. */
  addAll(map: HandlerMap): void {
    for (const name of Object.keys(map)) {
      checkName(name);
      this.add(name, map[name] as PayloadHandler<typeof name>);
    }
  }

  addGlobal(handler: GlobalHandler): void {
    checkFunction(handler, "global handler");
    this.#global = [...this.#global, handler as unknown as AnyHandler];
  }

  removeGlobal(handler: GlobalHandler): boolean {
    const i = this.#global.indexOf(handler as unknown as AnyHandler);
    if (i < 0) return false;
    this.#global = this.#global.filter((_, j) => j !== i);
    return true;
  }

  /** Whether anything would receive payloads called `name`. */
  wants(name: PayloadName): boolean {
    return this.#global.length > 0 || this.#byName.has(name);
  }

  /**
   * Runs every handler for the payload: specific ones first, then global ones.
   * Returns the payload's name (undefined for a type this protocol version
   * does not know). A handler's exception propagates after the remaining
   * handlers have NOT run, so the caller can treat the payload as unprocessed.
   */
  dispatch(incoming: DispatchablePayload): PayloadName | undefined {
    const info = lookupPayload(incoming.setoType, incoming.etoType);
    if (!info) return undefined;
    const specific = info.layer === "eto" ? this.#byEtoType[info.etoType as number] : this.#bySetoType[info.setoType];
    const global = this.#global;
    if (!specific && global.length === 0) return info.name;
    const event = new DispatchEvent(info.name, incoming);
    const body = incoming.message !== undefined ? incoming.message(info.name) : payloadBody(info.name, incoming.payload);
    if (specific) for (const h of specific) h(body, event);
    for (const h of global) h(body, event);
    return info.name;
  }

  #reindex(name: PayloadName): void {
    const info: PayloadInfo = payloadInfo[name];
    const list = this.#byName.get(name);
    if (info.layer === "eto") this.#byEtoType[info.etoType as number] = list;
    else this.#bySetoType[info.setoType] = list;
  }
}
