// The worker's side of the hostile-server process: starts it with plain node
// (a compiled entry), and asks it, one request at a time, to begin a case,
// say where it stands, move its clock, and end the case. If the process dies
// every request from then on rejects: the run cannot go on without it.
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ServerReply, ServerRequest, ServerState } from "./hostile-server-protocol.js";

/** The hostile server's entry point (TypeScript), to compile for plain node. */
export const HOSTILE_SERVER_ENTRY = fileURLToPath(new URL("./hostile-server-process.ts", import.meta.url));

type Waiter = { resolve: (m: ServerReply) => void; reject: (e: Error) => void };

export class HostileServerLink {
  readonly host = "127.0.0.1";
  readonly #child: ChildProcess;
  readonly #waiters: Waiter[] = [];
  #port = 0;
  #gone: Error | undefined;

  private constructor(child: ChildProcess) {
    this.#child = child;
    child.on("message", (m: ServerReply) => this.#waiters.shift()?.resolve(m));
    child.on("exit", (code, signal) => {
      this.#gone = new Error(`the hostile-server process ended (${signal ?? `exit code ${code}`})`);
      for (const w of this.#waiters.splice(0)) w.reject(this.#gone);
    });
  }

  /** Starts the server process from `entry` (a compiled hostile-server-process) and waits until it listens. */
  static async start(entry: string): Promise<HostileServerLink> {
    const child = fork(entry, [], { execArgv: [], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    const link = new HostileServerLink(child);
    const ready = await link.#next();
    if (ready.t !== "ready") throw new Error(`the hostile-server process began with "${ready.t}", not "ready"`);
    link.#port = ready.port;
    return link;
  }

  get port(): number {
    return this.#port;
  }

  async begin(seed: number, k: number): Promise<void> {
    await this.#ask({ t: "begin", seed, k }, "begun");
  }

  async state(): Promise<ServerState> {
    return this.#ask({ t: "state" }, "state");
  }

  async advanceTo(to: number): Promise<ServerState> {
    return this.#ask({ t: "advance", to }, "state");
  }

  async end(): Promise<{ connections: number; scriptErrors: string[] }> {
    return this.#ask({ t: "end" }, "ended");
  }

  /** Stops the server process (it closes its connections as it goes). */
  async close(): Promise<void> {
    if (this.#gone !== undefined) return;
    const exited = new Promise<void>((resolve) => this.#child.once("exit", () => resolve()));
    this.#child.disconnect();
    await exited;
  }

  async #ask<T extends ServerReply["t"]>(m: ServerRequest, expect: T): Promise<Extract<ServerReply, { t: T }>> {
    const reply = this.#next();
    this.#child.send(m);
    const r = await reply;
    if (r.t !== expect) throw new Error(`the hostile-server process answered "${m.t}" with "${r.t}", not "${expect}"`);
    return r as Extract<ServerReply, { t: T }>;
  }

  #next(): Promise<ServerReply> {
    if (this.#gone !== undefined) return Promise.reject(this.#gone);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }
}
