// Runs requests: each waits its turn in the throttle, is sent through the
// port, is filed under its correlation keys, and settles exactly once — by
// its reply, its time limit, its abort signal, or the session's fate:
//
// - connection lost: nothing more is sent; requests already sent stay
//   pending (after a resume the exchange's replay brings their replies);
// - resumed: sending continues;
// - not resumable: sent requests reject with OutcomeUnknownError (the
//   exchange may have acted), queued ones with RequestNotSentError (it cannot
//   have), and a fresh session starts clean.
import type { Clock } from "../../clock.js";
import { AbortedError } from "../../errors.js";
import { OrderValidationError, OutcomeUnknownError, RequestNotSentError, ThrottleQueueFullError } from "../errors.js";
import { sendMessage, type TradingEvent, type TradingPort } from "../port.js";
import type { Throttle, ThrottleTicket } from "../throttle/throttle.js";
import { checkSignal, checkTimeout, type RequestOptions } from "../validation/call-options.js";
import { PendingRequest } from "./pending-request.js";
import { RequestRegistry } from "./registry.js";
import type { RequestSpec } from "./request-spec.js";

export interface RequesterOptions {
  port: TradingPort;
  clock: Clock;
  throttle: Throttle;
  /** Time limit of a request that sets none; Infinity for none. */
  defaultTimeoutMs: number;
}

type AnyRequest = PendingRequest<unknown>;

export class Requester {
  readonly #port: TradingPort;
  readonly #clock: Clock;
  readonly #throttle: Throttle;
  readonly #defaultTimeoutMs: number;
  readonly #registry = new RequestRegistry();
  /** Requests waiting in the throttle, with the ticket that takes them out. */
  readonly #queued = new Map<AnyRequest, ThrottleTicket>();
  #flushScheduled = false;
  #closed: string | undefined;

  constructor(options: RequesterOptions) {
    this.#port = options.port;
    this.#clock = options.clock;
    this.#throttle = options.throttle;
    this.#defaultTimeoutMs = options.defaultTimeoutMs;
  }

  /** Requests sent and awaiting replies. */
  get inFlight(): number {
    return this.#registry.size;
  }

  /** Requests waiting to be sent. */
  get queued(): number {
    return this.#queued.size;
  }

  /** Whether `reference` is taken by a request that has not settled. */
  holds(reference: bigint): boolean {
    return this.#registry.holds(reference);
  }

  submit<T>(spec: RequestSpec<T>, options: RequestOptions = {}): Promise<T> {
    try {
      if (this.#closed !== undefined) throw new RequestNotSentError(spec.what, this.#closed);
      const timeoutMs = checkTimeout(options.timeoutMs, this.#defaultTimeoutMs);
      const signal = checkSignal(options.signal);
      if (signal?.aborted) throw new AbortedError(`${spec.what} was aborted before it was sent; nothing was sent`, { cause: signal.reason });
      if (spec.reference !== undefined && this.#registry.holds(spec.reference)) {
        throw new OrderValidationError(
          `reference ${spec.reference} is already used by a request still awaiting its reply; replies could not be told apart`,
          "reference",
          spec.reference,
        );
      }
      return this.#start(spec, timeoutMs, signal);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #start<T>(spec: RequestSpec<T>, timeoutMs: number, signal: AbortSignal | undefined): Promise<T> {
    const request = new PendingRequest<T>(spec, (r) => this.#abandon(r as AnyRequest));
    const any = request as AnyRequest;
    // Reserved first: with tokens to spare the throttle sends (and files) at once.
    if (spec.reference !== undefined) this.#registry.reserve(spec.reference);
    const ticket = this.#throttle.submit({ run: () => this.#send(any) });
    if (ticket === undefined) {
      this.#registry.release(spec.reference);
      throw new ThrottleQueueFullError(spec.what, this.#throttle.queueCapacity);
    }
    if (request.stage === "queued") this.#queued.set(any, ticket);
    if (request.stage !== "settled") request.watch(this.#clock, timeoutMs, signal);
    return request.promise;
  }

  /** The throttle granted a token: send, file, and arrange a flush. */
  #send(request: AnyRequest): void {
    this.#queued.delete(request);
    if (request.stage !== "queued") return;
    const spec = request.spec;
    let seq: bigint;
    try {
      seq = sendMessage(this.#port, spec.message);
    } catch (error) {
      // Refused by the session (e.g. not logged in): nothing went out.
      this.#registry.release(spec.reference);
      request.reject(error);
      return;
    }
    request.markSent(seq);
    spec.onSent?.(seq);
    this.#scheduleFlush();
    if (spec.noReply !== undefined) {
      this.#registry.release(spec.reference);
      request.resolve(spec.noReply.value);
    } else {
      this.#registry.file(request, seq);
    }
  }

  /** The caller gave up (timeout, abort): take the request out of wherever it is. */
  #abandon(request: AnyRequest): void {
    this.#queued.get(request)?.cancel();
    this.#queued.delete(request);
    this.#registry.unfile(request);
  }

  /** Offers an incoming payload to the requests it may answer; returns whether one took it. */
  handle(event: TradingEvent): boolean {
    return this.#registry.dispatch(event);
  }

  connectionLost(): void {
    this.#throttle.pause();
  }

  /** The session's fate after a connection loss (see the file comment). */
  resumed(ok: boolean): void {
    if (!ok) this.#failAll("the session was lost and could not be resumed");
    if (this.#closed === undefined) this.#throttle.resume();
  }

  /** Settles everything and refuses new requests. */
  close(why = "the trading layer was closed"): void {
    if (this.#closed !== undefined) return;
    this.#closed = why;
    this.#throttle.pause();
    this.#failAll(why);
  }

  #failAll(why: string): void {
    for (const request of this.#registry.drain()) {
      request.reject(new OutcomeUnknownError(request.what, request.seq!, request.spec.reference, why));
    }
    // Jobs are this requester's: each queued request is found by its ticket.
    this.#throttle.takeAll();
    const queued = [...this.#queued.keys()];
    this.#queued.clear();
    for (const request of queued) {
      this.#registry.release(request.spec.reference);
      request.reject(new RequestNotSentError(request.what, why));
    }
  }

  /** One flush per burst of sends in the same turn of the event loop. */
  #scheduleFlush(): void {
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    queueMicrotask(() => {
      this.#flushScheduled = false;
      // A failed flush (connection dropped) loses nothing: the session keeps
      // what it numbered and resends it on resume, and if it cannot resume,
      // resumed(false) settles the requests.
      Promise.resolve()
        .then(() => this.#port.flush())
        .catch(() => undefined);
    });
  }
}
