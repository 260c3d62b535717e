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
//
// A reply refusing a request for speed is no outcome: the request is queued
// again, first in line, and sent anew (resend.ts). Each request holds a
// throttle ticket from its call until it settles or its attempt is
// answered, so the throttle knows what is queued and what is in flight.
import type { Clock } from "../../clock.js";
import { AbortedError } from "../../errors.js";
import { OrderValidationError, OutcomeUnknownError, RequestNotSentError, ThrottleQueueFullError } from "../errors.js";
import type { IncomingEvent } from "../../dispatch/handler-types.js";
import { sendMessage, type TradingPort } from "../port.js";
import { refusedForSpeed } from "../throttle/exceeded.js";
import type { CorrelationKey } from "./keys.js";
import type { Throttle, ThrottleJob, ThrottleTicket } from "../throttle/throttle.js";
import { checkSignal, checkTimeout, type RequestOptions } from "../validation/call-options.js";
import { PendingRequest } from "./pending-request.js";
import { RequestRegistry } from "./registry.js";
import type { RequestSpec } from "./request-spec.js";
import { resendable } from "./resend.js";

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
  /** The throttle ticket of every request queued or awaiting its reply. */
  readonly #tickets = new Map<AnyRequest, ThrottleTicket>();
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

  /** Requests waiting to be sent (again, after a refusal for speed, included). */
  get queued(): number {
    return this.#throttle.queued;
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

  /**
   * Offers a reply to the requests filed under the keys it carries (`keysOf`).
   * Returns whether it refused, for speed, a request now queued to be sent
   * again: then it is no outcome of that request (the order tracker must not
   * end the order).
   */
  offer(event: IncomingEvent, keysOf: (reply: never) => readonly CorrelationKey[]): boolean {
    // First: answers below free slots, and nothing may go out on a bucket fuller than the exchange's.
    if (refusedForSpeed(event)) this.#throttle.exceeded();
    let resending = false;
    for (const { request, verdict } of this.#registry.answers(event, keysOf)) {
      const ticket = this.#tickets.get(request);
      this.#tickets.delete(request);
      if (resendable(event, verdict, request.attempts)) {
        this.#resend(request);
        resending = true;
      } else if ("resolve" in verdict) {
        request.resolve(verdict.resolve);
      } else {
        request.reject(verdict.reject);
      }
      // Its slot is freed only now, so a request resent above is first to take it.
      ticket?.end();
    }
    return resending;
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

  #start<T>(spec: RequestSpec<T>, timeoutMs: number, signal: AbortSignal | undefined): Promise<T> {
    // The caller gave up (timeout, abort): out of wherever it is, before it rejects.
    const request = new PendingRequest<T>(spec, (r) => this.#forget(r as AnyRequest));
    const any = request as AnyRequest;
    // Reserved first: with tokens to spare the throttle sends (and files) at once.
    if (spec.reference !== undefined) this.#registry.reserve(spec.reference);
    const ticket = this.#throttle.submit(this.#job(any));
    if (ticket === undefined) {
      this.#registry.release(spec.reference);
      throw new ThrottleQueueFullError(spec.what, this.#throttle.queueCapacity);
    }
    this.#keep(any, ticket);
    if (request.stage !== "settled") request.watch(this.#clock, timeoutMs, signal);
    return request.promise;
  }

  /** Refused for speed: back in the queue, ahead of requests never sent, keeping its reference. */
  #resend(request: AnyRequest): void {
    request.requeue();
    if (request.spec.reference !== undefined) this.#registry.reserve(request.spec.reference);
    this.#keep(request, this.#throttle.resubmit(this.#job(request)));
  }

  /** Keeps the ticket of a request still queued or in flight (one that went and settled at once needs none). */
  #keep(request: AnyRequest, ticket: ThrottleTicket): void {
    if (request.stage !== "settled") this.#tickets.set(request, ticket);
  }

  #job(request: AnyRequest): ThrottleJob {
    return { run: () => this.#send(request) };
  }

  /** The throttle granted a token and a slot: send, file, and arrange a flush. Returns whether a reply is awaited. */
  #send(request: AnyRequest): boolean {
    if (request.stage !== "queued") return false;
    const spec = request.spec;
    let seq: bigint;
    try {
      seq = sendMessage(this.#port, spec.message);
    } catch (error) {
      // Refused by the session (e.g. not logged in): nothing went out.
      this.#drop(request, error);
      return false;
    }
    request.markSent(seq);
    spec.onSent?.(seq, request.attempts);
    this.#scheduleFlush();
    if (spec.noReply !== undefined) {
      this.#tickets.delete(request);
      this.#registry.release(spec.reference);
      request.resolve(spec.noReply.value);
      return false;
    }
    this.#registry.file(request, seq);
    return true;
  }

  /** Rejects a request that is not in flight (queued, or its send refused) with `error`. */
  #drop(request: AnyRequest, error: unknown): void {
    this.#forget(request);
    request.reject(error);
  }

  /** Takes a request out of the throttle and the registry; one refused for speed and not sent again is withdrawn. */
  #forget(request: AnyRequest): void {
    const withdrawn = request.awaitingResend;
    this.#tickets.get(request)?.end();
    this.#tickets.delete(request);
    this.#registry.unfile(request);
    if (withdrawn) request.spec.onWithdrawn?.();
  }

  #failAll(why: string): void {
    // Queued ones first, so that a slot freed below cannot send one of them.
    for (const request of [...this.#tickets.keys()]) {
      if (request.stage !== "queued") continue;
      const detail = request.awaitingResend
        ? `${why}, while it waited to be sent again (the exchange had refused it for exceeding the rate limit and did not act on it)`
        : why;
      this.#drop(request, new RequestNotSentError(request.what, detail));
    }
    for (const request of this.#registry.drain()) {
      this.#forget(request);
      request.reject(new OutcomeUnknownError(request.what, request.seq!, request.spec.reference, why));
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
      // resumed(false) settles the requests. (Called at once, not from a
      // further promise: every hop before the write is latency.)
      try {
        this.#port.flush().catch(() => undefined);
      } catch {
        // Not connected: as above.
      }
    });
  }
}
