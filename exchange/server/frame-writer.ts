// Writes one connection's outgoing payloads as frames. Writes made in the
// same tick go out in one batch (the socket is corked until the next tick);
// fault rules, when any are in force, act on each frame first; and a client
// that stops reading is cut off once too much is waiting for it, rather than
// letting the exchange's memory grow without bound.
import type { Socket } from "node:net";
import type { Clock } from "../../runtime/clock.js";
import { encodeFrame } from "../../runtime/framing/index.js";
import type { FaultInjector } from "./faults.js";

export interface FrameWriterDeps {
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly maxBufferedOutBytes: number;
  /** The session the connection serves, for per-session fault rules. */
  sessionId(): string | undefined;
  /**
   * Close the connection: `graceful` after what was written so far (a fault
   * rule's cut: the client gets those frames, then the end), or at once (the
   * client is too far behind to be worth waiting for).
   */
  cut(why: string, graceful: boolean): void;
}

export class FrameWriter {
  readonly #socket: Socket;
  readonly #deps: FrameWriterDeps;
  #corked = false;
  #ended = false;

  constructor(socket: Socket, deps: FrameWriterDeps) {
    this.#socket = socket;
    this.#deps = deps;
  }

  /** Frames and writes one payload (or hands it to the fault rules). */
  write(payload: Uint8Array): void {
    if (!this.#writable()) return;
    const faults = this.#deps.faults;
    if (!faults.active) {
      this.#raw(encodeFrame(payload));
      return;
    }
    const v = faults.verdict(payload, this.#deps.sessionId());
    if (!v.drop) {
      const frame = encodeFrame(v.bytes);
      if (v.delayMs > 0) this.#deps.clock.setTimer(v.delayMs, () => this.#writable() && this.#raw(frame));
      else this.#raw(frame);
    }
    if (v.cut) this.#deps.cut("a fault rule cut the connection", true);
  }

  /** Sends what is batched, then ends our side of the connection. */
  end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#uncork();
    if (!this.#socket.destroyed) this.#socket.end();
  }

  #writable(): boolean {
    return !this.#ended && !this.#socket.destroyed && this.#socket.writable;
  }

  #raw(frame: Uint8Array): void {
    if (!this.#corked) {
      this.#corked = true;
      this.#socket.cork();
      process.nextTick(() => this.#uncork());
    }
    this.#socket.write(frame);
    if (this.#socket.writableLength > this.#deps.maxBufferedOutBytes) {
      this.#deps.cut(`the client left ${this.#socket.writableLength} bytes unread (limit ${this.#deps.maxBufferedOutBytes})`, false);
    }
  }

  #uncork(): void {
    if (!this.#corked) return;
    this.#corked = false;
    this.#socket.uncork();
  }
}
