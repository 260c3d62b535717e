// Declares a connection dead after `timeoutMs` without inbound bytes. One timer
// re-armed for the remaining time instead of a new timer per chunk. While
// suspended (we paused reading ourselves, so silence is our doing) it does not
// count.
import type { Clock, TimerHandle } from "../clock.js";

export class IdleWatchdog {
  #last: number;
  #suspended = false;
  #stopped = false;
  #timer: TimerHandle;
  readonly #clock: Clock;
  readonly #timeoutMs: number;
  readonly #onIdle: () => void;

  constructor(clock: Clock, timeoutMs: number, onIdle: () => void) {
    this.#clock = clock;
    this.#timeoutMs = timeoutMs;
    this.#onIdle = onIdle;
    this.#last = clock.now();
    this.#timer = clock.setTimer(timeoutMs, this.#check);
  }

  /** Inbound bytes arrived. */
  touch(): void {
    this.#last = this.#clock.now();
  }

  suspend(): void {
    this.#suspended = true;
  }

  resume(): void {
    this.#suspended = false;
    this.#last = this.#clock.now();
  }

  stop(): void {
    this.#stopped = true;
    this.#timer.cancel();
  }

  #check = (): void => {
    if (this.#stopped) return;
    const quiet = this.#suspended ? 0 : this.#clock.now() - this.#last;
    if (quiet >= this.#timeoutMs) {
      this.#stopped = true;
      this.#onIdle();
    } else {
      this.#timer = this.#clock.setTimer(this.#timeoutMs - quiet, this.#check);
    }
  };
}
