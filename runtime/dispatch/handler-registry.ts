// Who handles what: one handler list per payload type — the generated payload
// map's index — looked up by table index on the hot path. The client's
// trading layer registers its handler map here like any user, so the lists
// also say which part of the client consumes which payload.
//
// Delivery of one payload (`deliver`, the session's PayloadSink):
// 1. no handler for its type and no global handler: nothing is decoded;
// 2. its body is decoded once (a body that does not decode is a ParseError,
//    reported once; no handler runs and the payload counts as processed);
// 3. the handlers for its type run in the order registered (the trading
//    layer's first, see Trading), then the global handlers, then observers
//    (which get the payload without its body being decoded for them);
// 4. a handler that throws is a HandlerError, and the policy decides: go on
//    with the other handlers ("continue"), or stop delivery at this payload
//    ("stop"). Nothing is ever delivered twice.
//
// A handler is registered once per name (as in a set): adding it again
// changes nothing, and one removal removes it.
import { isPayloadName, payloadInfo, type PayloadInfo, type PayloadName } from "../../generated/payload-map.js";
import { HandlerError, InvalidCallbackError, ParseError } from "../errors.js";
import type { IncomingPayload } from "../payload/incoming.js";
import type { GlobalHandler, HandlerErrorPolicy, HandlerMap, IncomingEvent, PayloadHandler } from "./handler-types.js";

type AnyHandler = (message: unknown, event: IncomingPayload) => void;
type Observer = (event: IncomingEvent) => void;

/** Where a handler goes in its payload's list. */
export type HandlerPosition = "first" | "last";

/** Where a registry reports failures, and what a handler's failure does to delivery. */
export interface HandlerRegistryOptions {
  /**
   * Where handler failures (HandlerError) and undecodable bodies (ParseError)
   * are reported. Without it, `deliver` runs the payload's other handlers and
   * then throws the first failure, for its caller to report.
   */
  onError?: (error: HandlerError | ParseError) => void;
  /** What a handler failure does to delivery (only with `onError`); default "continue". */
  onHandlerError?: HandlerErrorPolicy;
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

/** The list without `item`, or undefined when that leaves it empty (copy on write: dispatch walks lists registration never mutates). */
function without<T>(list: readonly T[], item: T): T[] | undefined {
  const next = list.filter((x) => x !== item);
  return next.length === 0 ? undefined : next;
}

/**
 * Who handles what: a handler list per payload type, the session's payload
 * sink (`deliver`). The client delivers through one; the trading layer
 * registers its handler maps on it like any user.
 */
export class HandlerRegistry {
  readonly #byName = new Map<PayloadName, AnyHandler[]>();
  // The same lists indexed by payload type, for dispatch: an array index is
  // cheaper than a lookup by name, per payload.
  readonly #bySetoType: (AnyHandler[] | undefined)[] = [];
  readonly #byEtoType: (AnyHandler[] | undefined)[] = [];
  #global: AnyHandler[] = [];
  #observers: Observer[] = [];
  readonly #onError: ((error: HandlerError | ParseError) => void) | undefined;
  readonly #stopOnError: boolean;
  #delivered = 0;
  /** Without `onError`: the first failure of the payload being delivered, thrown once its handlers ran. */
  #failure: HandlerError | undefined;

  constructor(options: HandlerRegistryOptions = {}) {
    this.#onError = options.onError;
    const policy = options.onHandlerError ?? "continue";
    if (policy !== "continue" && policy !== "stop") {
      throw new InvalidCallbackError(`onHandlerError must be "continue" or "stop", got ${JSON.stringify(policy)}`);
    }
    this.#stopOnError = policy === "stop";
  }

  /** Payloads delivered so far (every payload of a known type the session handed over, whether or not anyone handles it). */
  get delivered(): number {
    return this.#delivered;
  }

  /**
   * Registers `handler` for payloads called `name`, last (default) or first in
   * their list; returns false if it was registered for `name` already (it
   * stays where it was). Throws InvalidCallbackError for unknown names or
   * non-functions.
   */
  add<N extends PayloadName>(name: N, handler: PayloadHandler<N>, position: HandlerPosition = "last"): boolean {
    checkName(name);
    checkFunction(handler, `handler for ${name}`);
    const h = handler as unknown as AnyHandler;
    const list = this.#byName.get(name) ?? [];
    if (list.includes(h)) return false;
    this.#byName.set(name, position === "first" ? [h, ...list] : [...list, h]);
    this.#reindex(name);
    return true;
  }

  /** Removes `handler` for `name`; returns whether it was registered. */
  remove<N extends PayloadName>(name: N, handler: PayloadHandler<N>): boolean {
    checkName(name);
    const list = this.#byName.get(name);
    const h = handler as unknown as AnyHandler;
    if (!list?.includes(h)) return false;
    const next = without(list, h);
    if (next === undefined) this.#byName.delete(name);
    else this.#byName.set(name, next);
    this.#reindex(name);
    return true;
  }

  /** Registers every entry of a compile-time checked handler map (each checked first: a bad entry registers none). */
  addAll(map: HandlerMap, position: HandlerPosition = "last"): void {
    const names = Object.keys(map);
    for (const name of names) {
      checkName(name);
      checkFunction(map[name], `handler for ${name}`);
    }
    for (const name of names as PayloadName[]) this.add(name, map[name] as PayloadHandler<typeof name>, position);
  }

  /** Removes every entry of a handler map that is registered. */
  removeAll(map: HandlerMap): void {
    for (const name of Object.keys(map) as PayloadName[]) {
      if (isPayloadName(name)) this.remove(name, map[name] as PayloadHandler<typeof name>);
    }
  }

  /** Registers a handler for every payload (after the specific ones); returns false if it was registered already. */
  addGlobal(handler: GlobalHandler): boolean {
    checkFunction(handler, "global handler");
    const h = handler as unknown as AnyHandler;
    if (this.#global.includes(h)) return false;
    this.#global = [...this.#global, h];
    return true;
  }

  removeGlobal(handler: GlobalHandler): boolean {
    const h = handler as unknown as AnyHandler;
    if (!this.#global.includes(h)) return false;
    this.#global = without(this.#global, h) ?? [];
    return true;
  }

  /** Adds an observer: it sees every payload after its handlers, and no body is decoded for it. */
  observe(observer: (event: IncomingEvent) => void): void {
    checkFunction(observer, "observer");
    if (!this.#observers.includes(observer)) this.#observers = [...this.#observers, observer];
  }

  unobserve(observer: (event: IncomingEvent) => void): boolean {
    if (!this.#observers.includes(observer)) return false;
    this.#observers = without(this.#observers, observer) ?? [];
    return true;
  }

  /** Whether anything would receive payloads called `name`. */
  wants(name: PayloadName): boolean {
    return this.#global.length > 0 || this.#byName.has(name);
  }

  /**
   * Delivers one payload (see the file comment). Returns false when a handler
   * failed under the "stop" policy: the payload is then not processed, and
   * its sender (the session) must not advance past it. A payload of a type
   * this protocol version does not know goes to no one.
   */
  deliver(p: IncomingPayload): boolean {
    const info = p.info;
    if (info === undefined) return true;
    this.#delivered++;
    const specific = info.layer === "eto" ? this.#byEtoType[info.etoType as number] : this.#bySetoType[info.setoType];
    const global = this.#global;
    if (specific !== undefined || global.length > 0) {
      let body: unknown;
      try {
        body = p.message;
      } catch (e) {
        this.#undecodable(p, e);
        return true;
      }
      if (body === undefined && info.layer === "seto" && info.property !== undefined) {
        // The envelope names a seto type but carries none of its message: there is no typed body to hand over.
        this.#undecodable(p, new ParseError(`${p.name} seq ${p.seq} carries no ${info.name.slice("seto.".length)} body (a seto payload's type names the message it must hold)`, p.bytes));
        return true;
      }
      if (specific !== undefined && !this.#run(specific, body, p, false)) return false;
      if (global.length > 0 && !this.#run(global, body, p, true)) return false;
    }
    const observers = this.#observers;
    if (observers.length > 0) this.#observe(observers, p);
    const failure = this.#failure;
    if (failure !== undefined) {
      this.#failure = undefined;
      throw failure;
    }
    return true;
  }

  /** Runs `list` from the start; a handler's failure goes to the policy, which says whether to go on. */
  #run(list: readonly AnyHandler[], body: unknown, p: IncomingPayload, global: boolean): boolean {
    const n = list.length;
    let i = 0;
    while (i < n) {
      try {
        // One try around the loop, not one per call: the usual case pays nothing.
        for (; i < n; i++) list[i]!(body, p);
        return true;
      } catch (cause) {
        if (!this.#failed(list, i, p, cause, global)) return false;
        i++;
      }
    }
    return true;
  }

  #observe(observers: readonly Observer[], p: IncomingPayload): void {
    for (const observer of observers) {
      try {
        observer(p as IncomingEvent);
      } catch (cause) {
        this.#failed(observers as unknown as AnyHandler[], observers.indexOf(observer), p, cause, true, "observer");
      }
    }
  }

  /** Reports a handler's failure; returns whether delivery goes on. */
  #failed(list: readonly AnyHandler[], i: number, p: IncomingPayload, cause: unknown, global: boolean, kind = "handler"): boolean {
    const fn = list[i]!;
    const where = global ? `global ${kind} ${i + 1} of ${list.length}` : `${kind} ${i + 1} of ${list.length} for ${p.name}`;
    const handler = `${JSON.stringify(fn.name || "anonymous")} (${where})`;
    const why = cause instanceof Error ? cause.message : String(cause);
    const error = new HandlerError(`${handler} threw on ${p.name} seq ${p.seq}${p.isReplay ? " (a replay)" : ""}: ${why}`, p.name, p.seq, {
      cause,
      handler,
      payload: p.detach(),
    });
    if (this.#onError === undefined) {
      this.#failure ??= error;
      return true;
    }
    this.#onError(error);
    return !this.#stopOnError || kind !== "handler";
  }

  #undecodable(p: IncomingPayload, e: unknown): void {
    const error = e instanceof ParseError ? e : new ParseError(`${p.name} seq ${p.seq} does not decode: ${String(e)}`, p.bytes, { cause: e });
    if (this.#onError === undefined) throw error;
    this.#onError(error);
  }

  #reindex(name: PayloadName): void {
    const info: PayloadInfo = payloadInfo[name];
    const list = this.#byName.get(name);
    if (info.layer === "eto") this.#byEtoType[info.etoType as number] = list;
    else this.#bySetoType[info.setoType] = list;
  }
}
