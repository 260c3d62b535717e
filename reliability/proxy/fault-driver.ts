// Puts a FaultPlan into effect on a FaultProxy: a fault on the live
// connection at each of the plan's intervals (skipped while the client has
// no connection, or while the last fault still acts on it), and a fault on
// the login of some new connections. Counts what it injected, by kind and
// phase ("stall", "reset (login)").
import { Tally } from "../common/tally.js";
import { describeFault, type Fault, type FaultPlan } from "./fault-plan.js";
import type { FaultProxy } from "./fault-proxy.js";
import type { ProxyLink } from "./proxy-link.js";

/** Time the first frame of a connection (its login) goes unanswered before a login reset fires. */
const LOGIN_RESET_AFTER_MS = { min: 0, max: 50 } as const;

export class FaultDriver {
  readonly injected = new Tally();
  #timer: NodeJS.Timeout | undefined;
  /** Faults are injected between start() and stop() only. */
  #running = false;

  constructor(
    readonly proxy: FaultProxy,
    readonly plan: FaultPlan,
    readonly log: (line: string) => void = () => undefined,
  ) {}

  /** For FaultProxy's onLink: maybe puts a fault on the new connection's login. */
  readonly onLink = (link: ProxyLink): void => {
    if (!this.#running) return;
    const fault = this.plan.loginFault();
    if (fault !== undefined) this.#apply(link, fault, "login");
  };

  start(): void {
    this.#running = true;
    this.#arm();
  }

  /** No more faults; those in force stay until the proxy is healed. */
  stop(): void {
    this.#running = false;
    if (this.#timer) clearTimeout(this.#timer);
  }

  #arm(): void {
    this.#timer = setTimeout(() => {
      if (!this.#running) return;
      const link = this.proxy.newest;
      const fault = this.plan.nextFault();
      if (link !== undefined && link.fault === undefined) this.#apply(link, fault, "session");
      this.#arm();
    }, this.plan.nextGapMs());
  }

  #apply(link: ProxyLink, f: Fault, phase: "login" | "session"): void {
    const label = phase === "login" ? `${f.kind} (login)` : f.kind;
    this.injected.add(label);
    link.fault = label;
    this.log(`fault on connection ${link.id}${phase === "login" ? " at login" : ""}: ${describeFault(f)}`);
    switch (f.kind) {
      case "reset":
        if (phase === "login") this.#afterLoginSent(link, () => link.kill(f.ending));
        else link.kill(f.ending);
        break;
      case "reset-mid-frame":
        link.cutInsideFrame(f.direction, this.plan.random, f.ending, f.lingerMs);
        break;
      case "stall":
        link.stall(f.ms);
        break;
      case "black-hole":
        link.blackHole();
        break;
      case "drip":
        link.drip(f.ms, f.bytes, f.tickMs);
        break;
      case "refuse":
        link.kill(f.ending);
        this.proxy.refuse(f.ms);
        break;
    }
  }

  /**
   * The login reaches the server, its answer never reaches the client, and
   * the connection ends: the server has a session (new or resumed) the
   * client never heard about.
   */
  #afterLoginSent(link: ProxyLink, end: () => void): void {
    link.down.set({ kind: "discard" });
    link.up.onFirstFrame = () => {
      const ms = LOGIN_RESET_AFTER_MS.min + Math.floor(this.plan.random() * (LOGIN_RESET_AFTER_MS.max - LOGIN_RESET_AFTER_MS.min + 1));
      setTimeout(end, ms);
    };
  }
}
