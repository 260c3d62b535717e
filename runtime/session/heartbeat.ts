// Liveness in both directions, on the injected clock:
// - after `intervalMs` without sending anything, send a heartbeat;
// - after `deadAfterMs` without receiving anything, declare the link dead.
// Each check is one timer that, when it fires, looks at when traffic last
// moved and sleeps again if it moved recently, so sending and receiving cost
// only a clock read, never a timer reset.
//
// A heartbeat from the peer is answered at once, unless it is itself the
// answer to one of ours: without that exception two peers that both answer
// heartbeats would echo one forever.
import type { Clock, TimerHandle } from "../clock.js";

export interface HeartbeatActions {
  /** Send a heartbeat now. */
  sendHeartbeat(): void;
  /** Nothing arrived for `silentForMs`: the connection is dead. Monitoring has stopped. */
  dead(silentForMs: number): void;
}

export class HeartbeatMonitor {
  #lastIn = 0;
  #lastOut = 0;
  #idleTimer: TimerHandle | undefined;
  #deadTimer: TimerHandle | undefined;
  /** Our own heartbeats the peer has not answered yet. */
  #unanswered = 0;
  /** Bumped by start/stop, so a timer callback can tell it was superseded. */
  #epoch = 0;

  constructor(
    readonly clock: Clock,
    readonly intervalMs: number,
    readonly deadAfterMs: number,
    readonly actions: HeartbeatActions,
  ) {}

  get running(): boolean {
    return this.#deadTimer !== undefined;
  }

  start(): void {
    this.stop();
    this.#epoch += 1;
    const now = this.clock.now();
    this.#lastIn = now;
    this.#lastOut = now;
    this.#unanswered = 0;
    this.#idleTimer = this.clock.setTimer(this.intervalMs, () => this.#checkIdle());
    this.#deadTimer = this.clock.setTimer(this.deadAfterMs, () => this.#checkDead());
  }

  stop(): void {
    this.#epoch += 1;
    this.#idleTimer?.cancel();
    this.#deadTimer?.cancel();
    this.#idleTimer = undefined;
    this.#deadTimer = undefined;
  }

  /** Something was sent. */
  outbound(): void {
    this.#lastOut = this.clock.now();
  }

  /** Something arrived. */
  inbound(): void {
    this.#lastIn = this.clock.now();
  }

  /** A heartbeat arrived from the peer: true if it must be answered (it is not the answer to ours). */
  peerHeartbeat(): boolean {
    if (this.#unanswered > 0) {
      this.#unanswered -= 1;
      return false;
    }
    return true;
  }

  #checkIdle(): void {
    const epoch = this.#epoch;
    const idle = this.clock.now() - this.#lastOut;
    if (idle >= this.intervalMs) {
      this.#unanswered += 1;
      this.actions.sendHeartbeat();
      if (epoch !== this.#epoch) return; // stopped (or restarted) by the send
      this.#lastOut = this.clock.now();
    }
    const wait = this.intervalMs - (this.clock.now() - this.#lastOut);
    this.#idleTimer = this.clock.setTimer(Math.max(1, wait), () => this.#checkIdle());
  }

  #checkDead(): void {
    const silent = this.clock.now() - this.#lastIn;
    if (silent >= this.deadAfterMs) {
      this.stop();
      this.actions.dead(silent);
      return;
    }
    this.#deadTimer = this.clock.setTimer(this.deadAfterMs - silent, () => this.#checkDead());
  }
}
