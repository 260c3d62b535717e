// The server the client fuzz's cases connect to, run in a process of its own
// (hostile-server-process.ts) so that what it costs (floods, 16 MiB frames,
// write buffers) is not counted as the client's memory or event-loop blocks.
// One listening socket for a whole run; each case tells it which case it is,
// and its connections meet that case's hostile kind, on a fake clock of the
// case's own that the worker moves in step with the client's.
import * as net from "node:net";
import { Prng } from "../../../exchange/engine/index.js";
import { FakeClock } from "../../../runtime/fake-clock.js";
import { caseSeed } from "../../common/case-seed.js";
import { RawPeer } from "../../peer/raw-peer.js";
import { drawKind } from "../hostile/kinds.js";
import type { HostileContext, HostileKind } from "../hostile/kit.js";
import type { ServerState } from "./hostile-server-protocol.js";

interface CaseSetup {
  readonly kind: HostileKind;
  readonly rng: Prng;
  readonly clock: FakeClock;
  connections: number;
}

/** Script failures kept per case (a bug of the fuzz, not of the client). */
const MAX_SCRIPT_ERRORS = 20;

export class HostileServer {
  readonly #server: net.Server;
  readonly #peers = new Set<RawPeer>();
  #case: CaseSetup | undefined;
  /** Bytes read and written on the case's connections that have closed. */
  #closedIn = 0;
  #closedOut = 0;
  #scriptErrors: string[] = [];

  private constructor(server: net.Server) {
    this.#server = server;
  }

  static async start(): Promise<HostileServer> {
    const server = net.createServer();
    const hostile = new HostileServer(server);
    server.on("connection", (socket) => hostile.#accept(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return hostile;
  }

  get port(): number {
    return (this.#server.address() as net.AddressInfo).port;
  }

  /** Connections from now on meet the kind case `k` of run `seed` draws, with the case's PRNG. */
  begin(seed: number, k: number): void {
    const s = caseSeed(seed, k);
    // The case's first draw is its kind (the client's side draws it the same way); the server's own PRNG is seeded apart.
    this.#case = { kind: drawKind(new Prng(s)), rng: new Prng(caseSeed(s, 1)), clock: new FakeClock(), connections: 0 };
    this.#closedIn = 0;
    this.#closedOut = 0;
    this.#scriptErrors = [];
  }

  state(): ServerState {
    let bytesIn = this.#closedIn;
    let bytesOut = this.#closedOut;
    let busy = false;
    for (const p of this.#peers) {
      bytesIn += p.bytesIn;
      bytesOut += p.bytesOut;
      busy ||= p.flooding > 0;
    }
    return { bytesIn, bytesOut, busy, nextTimerAt: this.#case?.clock.nextTimerAt() };
  }

  advanceTo(to: number): void {
    const clock = this.#case?.clock;
    if (clock !== undefined && to > clock.now()) clock.advance(to - clock.now());
  }

  /** Closes every connection the case left open; says how many it made and how its scripts failed. */
  async end(): Promise<{ connections: number; scriptErrors: string[] }> {
    const connections = this.#case?.connections ?? 0;
    this.#case = undefined;
    const open = [...this.#peers];
    for (const p of open) p.destroy();
    await Promise.all(open.map((p) => p.closed));
    return { connections, scriptErrors: this.#scriptErrors };
  }

  async close(): Promise<void> {
    await this.end();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /** A failure outside any script's own promise (an uncaught exception in a callback of one). */
  noteScriptError(e: unknown): void {
    const name = this.#case?.kind.name ?? "(between cases)";
    if (this.#scriptErrors.length < MAX_SCRIPT_ERRORS) this.#scriptErrors.push(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }

  #accept(socket: net.Socket): void {
    const setup = this.#case;
    if (setup === undefined) {
      socket.destroy();
      return;
    }
    const peer = new RawPeer(socket);
    this.#peers.add(peer);
    void peer.closed.then(() => {
      this.#peers.delete(peer);
      if (this.#case !== setup) return;
      this.#closedIn += peer.bytesIn;
      this.#closedOut += peer.bytesOut;
    });
    const ctx: HostileContext = {
      rng: setup.rng,
      clock: setup.clock,
      connection: ++setup.connections,
      sleep: (ms) => new Promise((resolve) => setup.clock.setTimer(ms, () => resolve())),
    };
    setup.kind.script(peer, ctx).catch((e: unknown) => this.noteScriptError(e));
  }
}
