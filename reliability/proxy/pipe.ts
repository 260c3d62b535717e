// One direction of a proxied connection: bytes read from `from` are written
// to `to`, or held back, thrown away, trickled, or cut inside a frame,
// according to the fault in force. Reading stops (TCP backpressure reaches
// the sender) while `to` is full, while held, and while a trickle has a
// backlog, so the proxy itself never buffers without bound.
import type { Socket } from "node:net";
import { FrameCursor, midFrameOffset } from "./frame-cursor.js";

/** Bytes a trickle may have waiting before the sender is paused. */
const DRIP_BACKLOG = 256 * 1024;

type PauseReason = "hold" | "drain" | "drip";

export type PipeMode =
  | { readonly kind: "pass" }
  /** Nothing is read (a stall: the sender's buffers fill). */
  | { readonly kind: "hold" }
  /** Everything read is thrown away (a black hole). */
  | { readonly kind: "discard" }
  /** `bytes` every `tickMs`. */
  | { readonly kind: "drip"; readonly bytes: number; readonly tickMs: number };

export class Pipe {
  readonly cursor = new FrameCursor();
  /** Bytes written to `to` so far. */
  forwarded = 0;
  #mode: PipeMode = { kind: "pass" };
  readonly #paused = new Set<PauseReason>();
  #backlog: Buffer[] = [];
  #backlogBytes = 0;
  #dripTimer: NodeJS.Timeout | undefined;
  /** Armed by cutInsideFrame: called with the part of the next chunk to send before the cut. */
  #cut: { readonly random: () => number; readonly then: () => void } | undefined;
  /** Called once the first whole frame has gone through (the login, upstream). */
  onFirstFrame: (() => void) | undefined;

  constructor(
    readonly from: Socket,
    readonly to: Socket,
  ) {
    from.on("data", (chunk: Buffer) => this.#data(chunk));
    to.on("drain", () => this.#unpause("drain"));
  }

  get mode(): PipeMode {
    return this.#mode;
  }

  set(mode: PipeMode): void {
    this.#stopDrip();
    this.#mode = mode;
    if (mode.kind === "hold") this.#pause("hold");
    else this.#unpause("hold");
    if (mode.kind === "drip") this.#startDrip(mode);
    else this.#flushBacklog();
  }

  /**
   * Sends the next chunk only up to a random offset strictly inside a frame,
   * then calls `then` (which ends the connection). Nothing is sent after it.
   */
  cutInsideFrame(random: () => number, then: () => void): void {
    this.#cut = { random, then };
  }

  /** Stops everything (the connection is ending). */
  stop(): void {
    this.#stopDrip();
    this.#cut = undefined;
    this.#mode = { kind: "discard" };
    this.#backlog = [];
    this.#backlogBytes = 0;
  }

  #data(chunk: Buffer): void {
    const framesBefore = this.cursor.frames;
    const boundaries = this.cursor.feed(chunk);
    const cut = this.#cut;
    if (cut !== undefined) {
      const at = midFrameOffset(chunk.length, boundaries, cut.random);
      if (at !== undefined) {
        this.#cut = undefined;
        this.#write(chunk.subarray(0, at));
        this.stop();
        cut.then();
        return;
      }
    }
    switch (this.#mode.kind) {
      case "discard":
        break;
      case "drip":
        this.#backlog.push(chunk);
        this.#backlogBytes += chunk.length;
        if (this.#backlogBytes > DRIP_BACKLOG) this.#pause("drip");
        break;
      default:
        // Held pipes read nothing; a chunk already in flight when the hold began goes through.
        this.#write(chunk);
    }
    if (framesBefore === 0 && this.cursor.frames > 0) this.onFirstFrame?.();
  }

  #write(bytes: Uint8Array): void {
    if (bytes.length === 0 || this.to.destroyed) return;
    this.forwarded += bytes.length;
    if (!this.to.write(bytes)) this.#pause("drain");
  }

  #startDrip(mode: { bytes: number; tickMs: number }): void {
    this.#dripTimer = setInterval(() => {
      let budget = mode.bytes;
      while (budget > 0 && this.#backlog.length > 0) {
        const head = this.#backlog[0]!;
        const part = head.subarray(0, budget);
        this.#write(part);
        budget -= part.length;
        this.#backlogBytes -= part.length;
        if (part.length === head.length) this.#backlog.shift();
        else this.#backlog[0] = head.subarray(part.length);
      }
      if (this.#backlogBytes <= DRIP_BACKLOG / 2) this.#unpause("drip");
    }, mode.tickMs);
  }

  #stopDrip(): void {
    if (this.#dripTimer) clearInterval(this.#dripTimer);
    this.#dripTimer = undefined;
  }

  #flushBacklog(): void {
    const backlog = this.#backlog;
    this.#backlog = [];
    this.#backlogBytes = 0;
    if (this.#mode.kind !== "discard") for (const chunk of backlog) this.#write(chunk);
    this.#unpause("drip");
  }

  #pause(reason: PauseReason): void {
    this.#paused.add(reason);
    this.from.pause();
  }

  #unpause(reason: PauseReason): void {
    this.#paused.delete(reason);
    if (this.#paused.size === 0 && !this.from.destroyed) this.from.resume();
  }
}
