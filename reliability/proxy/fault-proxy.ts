// A TCP proxy that injects faults between a client and a server: every
// client connection gets its own connection to the server (a ProxyLink),
// which faults can stall, black-hole, trickle, or cut (mid-frame too); and
// the proxy can stop listening for a while, so connects are refused. What
// faults to inject, and when, is the caller's (see fault-driver.ts).
import * as net from "node:net";
import { ProxyLink } from "./proxy-link.js";

export interface FaultProxyOptions {
  /** Where the real server listens. */
  readonly target: { readonly host: string; readonly port: number };
  /** Default 127.0.0.1, an ephemeral port. */
  readonly host?: string;
  readonly port?: number;
  /** Called for each new connection before any byte passes (to put a fault on its login). */
  readonly onLink?: (link: ProxyLink) => void;
}

export class FaultProxy {
  readonly host: string;
  readonly links = new Set<ProxyLink>();
  readonly #o: FaultProxyOptions;
  #server: net.Server | undefined;
  #port = 0;
  #nextId = 1;
  #reopen: NodeJS.Timeout | undefined;
  #closed = false;

  private constructor(o: FaultProxyOptions) {
    this.#o = o;
    this.host = o.host ?? "127.0.0.1";
    this.#port = o.port ?? 0;
  }

  static async start(o: FaultProxyOptions): Promise<FaultProxy> {
    const proxy = new FaultProxy(o);
    await proxy.#listen();
    return proxy;
  }

  get port(): number {
    return this.#port;
  }

  /** Connections accepted so far. */
  get connectionsSeen(): number {
    return this.#nextId - 1;
  }

  /** True while connects are being refused. */
  get refusing(): boolean {
    return this.#server === undefined;
  }

  /** The most recent connection still open. */
  get newest(): ProxyLink | undefined {
    let newest: ProxyLink | undefined;
    for (const link of this.links) if (link.open && (!newest || link.id > newest.id)) newest = link;
    return newest;
  }

  /** Stops listening for `ms`: connects in that time are refused (ECONNREFUSED). */
  refuse(ms: number): void {
    if (this.#closed || this.#server === undefined) return;
    this.#server.close();
    this.#server = undefined;
    this.#reopen = setTimeout(() => void this.#listen(), ms);
  }

  /** Ends every fault: listening again, every open connection passing bytes. */
  async heal(): Promise<void> {
    if (this.#reopen) {
      clearTimeout(this.#reopen);
      this.#reopen = undefined;
      await this.#listen();
    }
    for (const link of this.links) link.heal();
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#reopen) clearTimeout(this.#reopen);
    const server = this.#server;
    this.#server = undefined;
    for (const link of this.links) link.kill("end");
    await Promise.all([...this.links].map((l) => l.closed));
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async #listen(): Promise<void> {
    if (this.#closed || this.#server !== undefined) return;
    const server = net.createServer((client) => this.#accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.#port, this.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.#port = (server.address() as net.AddressInfo).port;
    this.#server = server;
  }

  #accept(client: net.Socket): void {
    client.setNoDelay(true);
    // Nothing is read until the server side is connected (and the login fault set).
    client.pause();
    const server = net.connect({ host: this.#o.target.host, port: this.#o.target.port });
    server.setNoDelay(true);
    server.pause();
    const link = new ProxyLink(this.#nextId++, client, server);
    this.links.add(link);
    void link.closed.then(() => this.links.delete(link));
    server.once("connect", () => {
      if (!link.open) return;
      this.#o.onLink?.(link);
      if (link.up.mode.kind !== "hold") client.resume();
      if (link.down.mode.kind !== "hold") server.resume();
    });
  }
}
