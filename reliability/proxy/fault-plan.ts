// Which faults a soak injects, drawn from a seeded PRNG so a run's fault
// sequence is reproducible from its seed: a fault every 1–4 s on the live
// connection, and a fault on the login of some new connections (the one
// that reconnects after a fault is the one most likely to meet the next).
import { Prng } from "../../exchange/engine/index.js";
import { caseSeed } from "../common/case-seed.js";
import { pickWeighted } from "../common/weighted.js";
import type { Direction, Ending } from "./proxy-link.js";

export type Fault =
  /** The connection ends at once (RST or FIN). */
  | { readonly kind: "reset"; readonly ending: Ending }
  /** The connection ends with a frame half sent, in one direction. */
  | { readonly kind: "reset-mid-frame"; readonly direction: Direction; readonly ending: Ending; readonly lingerMs: number }
  /** Nothing passes for 0.5–5 s. */
  | { readonly kind: "stall"; readonly ms: number }
  /** Nothing passes, ever: the client's dead-peer detection must notice. */
  | { readonly kind: "black-hole" }
  /** Server → client bytes trickle for a while. */
  | { readonly kind: "drip"; readonly ms: number; readonly bytes: number; readonly tickMs: number }
  /** The connection ends and connects are refused for a while. */
  | { readonly kind: "refuse"; readonly ms: number; readonly ending: Ending };

export type FaultKind = Fault["kind"];

/** Relative frequency of each fault on a live connection. */
const SESSION_WEIGHTS: readonly [FaultKind, number][] = [
  ["reset", 3],
  ["reset-mid-frame", 4],
  ["stall", 4],
  ["black-hole", 2],
  ["drip", 3],
  ["refuse", 2],
];

/** Faults a login can meet (refusing is a listener fault: it hits connects, not a connection). */
const LOGIN_WEIGHTS: readonly [FaultKind, number][] = [
  ["reset", 3],
  ["reset-mid-frame", 3],
  ["stall", 2],
  ["black-hole", 1],
  ["drip", 1],
];

export interface FaultPlanOptions {
  /** Mean gap between faults on the live connection, in ms; each gap is uniform in [mean/2, 3·mean/2]. */
  readonly meanGapMs: number;
  /** Chance that a new connection's login meets a fault. */
  readonly loginFaultChance: number;
}

export const DEFAULT_PLAN: FaultPlanOptions = { meanGapMs: 2_500, loginFaultChance: 0.2 };

/**
 * Three independent streams from one seed, so the live faults (kinds and
 * times) do not shift when a run reconnects more or less often than another:
 * live faults, login faults, and the proxy's own choices (where to cut).
 */
export class FaultPlan {
  readonly #live: Prng;
  readonly #login: Prng;
  readonly #other: Prng;
  readonly #o: FaultPlanOptions;

  constructor(seed: number, o: FaultPlanOptions = DEFAULT_PLAN) {
    this.#live = new Prng(caseSeed(seed, 0));
    this.#login = new Prng(caseSeed(seed, 1));
    this.#other = new Prng(caseSeed(seed, 2));
    this.#o = o;
  }

  /** A source of [0, 1) for the proxy's own choices (where to cut, how long to wait). */
  readonly random = (): number => this.#other.next();

  /** Milliseconds until the next fault on the live connection. */
  nextGapMs(): number {
    const m = this.#o.meanGapMs;
    return this.#live.int(Math.round(m / 2), Math.round((3 * m) / 2));
  }

  /** The next fault on the live connection. */
  nextFault(): Fault {
    return this.#draw(this.#live, pickWeighted(this.#live, SESSION_WEIGHTS, ([, w]) => w)[0], "session");
  }

  /** The fault a new connection's login meets, if any. */
  loginFault(): Fault | undefined {
    if (!this.#login.chance(this.#o.loginFaultChance)) return undefined;
    return this.#draw(this.#login, pickWeighted(this.#login, LOGIN_WEIGHTS, ([, w]) => w)[0], "login");
  }

  #draw(r: Prng, kind: FaultKind, phase: "session" | "login"): Fault {
    const ending: Ending = r.chance(0.5) ? "reset" : "end";
    switch (kind) {
      case "reset":
        return { kind, ending };
      case "reset-mid-frame":
        // A login's response is the frame to cut; a live connection's either way.
        return { kind, direction: phase === "login" || r.chance(0.7) ? "down" : "up", ending, lingerMs: r.int(1, 30) };
      case "stall":
        return { kind, ms: r.int(500, 5_000) };
      case "black-hole":
        return { kind };
      case "drip":
        return { kind, ms: r.int(500, 5_000), bytes: r.int(1, 64), tickMs: r.int(5, 50) };
      case "refuse":
        return { kind, ms: r.int(200, 3_000), ending };
    }
  }}

/** A fault in a few words, for reports: "stall 1200 ms", "reset-mid-frame down (RST)". */
export function describeFault(f: Fault): string {
  switch (f.kind) {
    case "reset":
      return `reset (${f.ending === "reset" ? "RST" : "FIN"})`;
    case "reset-mid-frame":
      return `reset-mid-frame ${f.direction} (${f.ending === "reset" ? "RST" : "FIN"})`;
    case "stall":
      return `stall ${f.ms} ms`;
    case "black-hole":
      return "black-hole";
    case "drip":
      return `drip ${f.bytes} B / ${f.tickMs} ms for ${f.ms} ms`;
    case "refuse":
      return `refuse connects for ${f.ms} ms`;
  }
}
