// One client connection through the fault proxy and its connection to the
// real server: two pipes (down: server → client, up: client → server) and
// the faults that act on them. Ending one side ends the other, as a real
// network path would.
import * as net from "node:net";
import { Pipe } from "./pipe.js";

export type Direction = "down" | "up";

/** How a connection is ended: RST (ECONNRESET for both ends) or FIN (a clean end of stream). */
export type Ending = "reset" | "end";

export class ProxyLink {
  readonly down: Pipe;
  readonly up: Pipe;
  /** The fault acting on this connection now, if any (one at a time). */
  fault: string | undefined;
  readonly closed: Promise<void>;
  #ending = false;
  readonly #timers = new Set<NodeJS.Timeout>();

  constructor(
    readonly id: number,
    readonly client: net.Socket,
    readonly server: net.Socket,
  ) {
    this.down = new Pipe(server, client);
    this.up = new Pipe(client, server);
    let closedSides = 0;
    this.closed = new Promise((resolve) => {
      const onClose = (other: net.Socket) => () => {
        other.destroy();
        this.#stopped();
        if (++closedSides === 2) resolve();
      };
      client.once("close", onClose(server));
      server.once("close", onClose(client));
    });
    // Errors (ECONNRESET, EPIPE) end in 'close', handled above.
    client.on("error", () => undefined);
    server.on("error", () => undefined);
  }

  get open(): boolean {
    return !this.#ending && !this.client.destroyed && !this.server.destroyed;
  }

  /** Ends both sides now. */
  kill(ending: Ending): void {
    if (this.#ending) return;
    this.#ending = true;
    this.down.stop();
    this.up.stop();
    for (const socket of [this.client, this.server]) {
      if (ending === "reset" && !socket.destroyed) socket.resetAndDestroy();
      else socket.end(() => socket.destroy());
    }
  }

  /** Nothing passes either way for `ms`, then everything held goes on. */
  stall(ms: number): void {
    this.down.set({ kind: "hold" });
    this.up.set({ kind: "hold" });
    this.#after(ms, () => this.heal());
  }

  /** Nothing passes either way, for good: only the client's dead-peer detection ends this. */
  blackHole(): void {
    this.down.set({ kind: "discard" });
    this.up.set({ kind: "discard" });
  }

  /** Server → client bytes trickle at `bytes` per `tickMs` for `ms`. */
  drip(ms: number, bytes: number, tickMs: number): void {
    this.down.set({ kind: "drip", bytes, tickMs });
    this.#after(ms, () => this.heal());
  }

  /**
   * The next chunk going `direction` is cut strictly inside a frame: what
   * precedes the cut arrives, then (after `lingerMs`, time for the peer to
   * read it) the connection ends as `ending` says.
   */
  cutInsideFrame(direction: Direction, random: () => number, ending: Ending, lingerMs: number): void {
    this[direction].cutInsideFrame(random, () => {
      this.down.stop();
      this.up.stop();
      this.#after(lingerMs, () => this.kill(ending));
    });
  }

  /** Back to passing everything (a black hole stays one: its bytes are gone and the session must notice). */
  heal(): void {
    if (this.#ending) return;
    this.fault = undefined;
    if (this.down.mode.kind !== "discard") this.down.set({ kind: "pass" });
    if (this.up.mode.kind !== "discard") this.up.set({ kind: "pass" });
  }

  #after(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.#timers.delete(t);
      fn();
    }, ms);
    this.#timers.add(t);
  }

  #stopped(): void {
    this.#ending = true;
    this.down.stop();
    this.up.stop();
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
  }
}
