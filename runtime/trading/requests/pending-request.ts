// One request awaiting its outcome. It settles exactly once, whatever races
// (reply, duplicate reply, timeout, abort, lost session); settling releases
// its timer and abort listener. Where it stands (queued, sent) decides what a
// timeout or abort means, and the error says so. A request refused for speed
// goes back to "queued" to be sent again; its time limit and abort signal
// keep counting from the call, and it still settles once.
import type { Clock, TimerHandle } from "../../clock.js";
import { AbortedError, TimeoutError } from "../../errors.js";
import type { RequestSpec } from "./request-spec.js";

export type RequestStage = "queued" | "sent" | "settled";

export class PendingRequest<T> {
  readonly promise: Promise<T>;
  #stage: RequestStage = "queued";
  #seq: bigint | undefined;
  #attempts = 0;
  /** The seq of the last attempt, refused for speed, while it waits to be sent again. */
  #refusedSeq: bigint | undefined;
  #resolve!: (value: T) => void;
  #reject!: (error: unknown) => void;
  #timer: TimerHandle | undefined;
  #signal: AbortSignal | undefined;
  #onAbort = (): void => this.#giveUp(this.#abortError());
  readonly #onGiveUp: (request: PendingRequest<T>) => void;

  /** `onGiveUp` is called once when the caller gives up (timeout or abort), before the promise rejects, to unfile the request. */
  constructor(
    readonly spec: RequestSpec<T>,
    onGiveUp: (request: PendingRequest<T>) => void,
  ) {
    this.#onGiveUp = onGiveUp;
    this.promise = new Promise<T>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
    });
  }

  get stage(): RequestStage {
    return this.#stage;
  }

  /** The payload seq of the attempt awaiting its reply; undefined while queued. */
  get seq(): bigint | undefined {
    return this.#seq;
  }

  /** How many times it has been sent. */
  get attempts(): number {
    return this.#attempts;
  }

  /** Whether it waits to be sent again after a refusal for speed. */
  get awaitingResend(): boolean {
    return this.#stage === "queued" && this.#attempts > 0;
  }

  get what(): string {
    return this.spec.what;
  }

  /** Starts the time limit and listens to the signal (already checked not aborted). */
  watch(clock: Clock, timeoutMs: number, signal: AbortSignal | undefined): void {
    if (timeoutMs !== Infinity) this.#timer = clock.setTimer(timeoutMs, () => this.#giveUp(this.#timeoutError(timeoutMs)));
    if (signal !== undefined) {
      this.#signal = signal;
      signal.addEventListener("abort", this.#onAbort, { once: true });
    }
  }

  markSent(seq: bigint): void {
    if (this.#stage === "queued") {
      this.#stage = "sent";
      this.#seq = seq;
      this.#attempts += 1;
    }
  }

  /** The exchange refused the attempt for speed (it did nothing with it): queued to be sent again. */
  requeue(): void {
    if (this.#stage === "sent") {
      this.#stage = "queued";
      this.#refusedSeq = this.#seq;
      this.#seq = undefined;
    }
  }

  resolve(value: T): boolean {
    if (!this.#settle()) return false;
    this.#resolve(value);
    return true;
  }

  reject(error: unknown): boolean {
    if (!this.#settle()) return false;
    this.#reject(error);
    return true;
  }

  #settle(): boolean {
    if (this.#stage === "settled") return false;
    this.#stage = "settled";
    this.#timer?.cancel();
    this.#signal?.removeEventListener("abort", this.#onAbort);
    return true;
  }

  #giveUp(error: Error): void {
    if (this.#stage === "settled") return;
    this.#onGiveUp(this);
    this.reject(error);
  }

  /** Whether the exchange could still act on the request, in words for the error. */
  #consequence(): string {
    if (this.#stage === "sent") return `it was sent as seq ${this.#seq}, so the exchange may still act on it (the order tracker will show it)`;
    if (this.#attempts > 0) {
      return `the exchange had refused it for exceeding the rate limit (seq ${this.#refusedSeq}) and it was queued to be sent again, so the exchange did not act on it`;
    }
    return "it was still queued by the client-side throttle, so nothing was sent";
  }

  #timeoutError(ms: number): TimeoutError {
    return new TimeoutError(`${this.what} got no reply within ${ms} ms; ${this.#consequence()}`, ms);
  }

  #abortError(): AbortedError {
    return new AbortedError(`${this.what} was aborted; ${this.#consequence()}`, { cause: this.#signal?.reason });
  }
}
