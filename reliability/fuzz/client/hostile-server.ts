// The server the client fuzz's cases connect to: one listening socket for a
// whole run; each case tells it which hostile kind its connections meet, and
// ends by closing whatever the case left open.
import * as net from "node:net";
import type { Prng } from "../../../exchange/engine/index.js";
import type { FakeClock } from "../../../runtime/fake-clock.js";
import { RawPeer } from "../../peer/raw-peer.js";
import type { HostileContext, HostileKind } from "../hostile/kit.js";

interface CaseSetup {
  readonly kind: HostileKind;
  readonly rng: Prng;
  readonly clock: FakeClock;
  connections: number;
}

export class HostileServer {
  readonly host = "127.0.0.1";
  readonly #server: net.Server;
  readonly #peers = new Set<RawPeer>();
  #case: CaseSetup | undefined;
  /** Bytes both ways on the case's connections, closed ones included: whether I/O is still moving. */
  #bytesOfClosed = 0;
  /** Failures of the scripts themselves (a bug of the fuzz, not of the client). */
  readonly scriptErrors: string[] = [];

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

  /** Connections from now on meet `kind`, with the case's PRNG and clock. */
  begin(kind: HostileKind, rng: Prng, clock: FakeClock): void {
    this.#case = { kind, rng, clock, connections: 0 };
    this.#bytesOfClosed = 0;
  }

  /** Bytes moved so far in this case: unchanged between two looks means the sockets are quiet. */
  get activity(): number {
    let sum = this.#bytesOfClosed;
    for (const p of this.#peers) sum += p.bytesIn + p.bytesOut;
    return sum;
  }

  /** How many connections the case made. */
  get connections(): number {
    return this.#case?.connections ?? 0;
  }

  /** Closes every connection the case left open. */
  async end(): Promise<void> {
    this.#case = undefined;
    const open = [...this.#peers];
    for (const p of open) p.destroy();
    await Promise.all(open.map((p) => p.closed));
  }

  async close(): Promise<void> {
    await this.end();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
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
      this.#bytesOfClosed += peer.bytesIn + peer.bytesOut;
    });
    const ctx: HostileContext = {
      rng: setup.rng,
      clock: setup.clock,
      connection: ++setup.connections,
      sleep: (ms) => new Promise((resolve) => setup.clock.setTimer(ms, () => resolve())),
    };
    setup.kind.script(peer, ctx).catch((e: unknown) => {
      if (this.scriptErrors.length < 20) this.scriptErrors.push(`${setup.kind.name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
    });
  }
}
