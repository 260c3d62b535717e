// Fault injection for tests: rules that act on outgoing frames after the
// session has numbered and stored them, so what a fault loses is still in the
// session's outgoing store and a replay can bring it back. A rule applies to
// one session (`sessionId`) or to every connection, to frames its `match`
// accepts (all by default), for its first `count` frames (unlimited by default).
import * as seto from "../../generated/seto.js";
import { ArgumentError } from "../../runtime/errors.js";
import { encodePayload } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

/** Decides whether a rule applies to a frame; `payload.name`, `.seq`, `.payload` describe it. */
export type FrameMatch = (payload: IncomingPayload, sessionId: string | undefined) => boolean;

/** Which frames a fault acts on: one session's or every connection's, those matching `match`, up to `count`. */
export interface FaultScope {
  /** Only this session's connection; every connection (logged in or not) when absent. */
  readonly sessionId?: string;
  readonly match?: FrameMatch;
  /** Frames the rule acts on before it retires; default unlimited. */
  readonly count?: number;
}

/** An installed fault: how many frames it has acted on, and `remove()` to stop it. */
export interface FaultRule {
  /** Frames the rule has acted on so far. */
  readonly hits: number;
  /** Stops the rule. */
  remove(): void;
}

/** What the connection does with one outgoing frame body. */
export interface FrameVerdict {
  /** Not written at all. */
  readonly drop: boolean;
  /** Written after this many ms on the exchange clock (0: now). */
  readonly delayMs: number;
  /** The bytes to write (re-encoded when a rule changed the seq). */
  readonly bytes: Uint8Array;
  /** Close the connection right after this frame (or instead of it, when dropped). */
  readonly cut: boolean;
}

type Action = { kind: "drop" } | { kind: "delay"; ms: number } | { kind: "wrong-seq"; delta: bigint } | { kind: "cut" };

class Rule implements FaultRule {
  hits = 0;
  removed = false;
  constructor(
    readonly scope: FaultScope,
    readonly action: Action,
  ) {}

  remove(): void {
    this.removed = true;
  }

  applies(p: IncomingPayload, sessionId: string | undefined): boolean {
    if (this.removed) return false;
    if (this.scope.sessionId !== undefined && this.scope.sessionId !== sessionId) return false;
    if (this.scope.match !== undefined && !this.scope.match(p, sessionId)) return false;
    this.hits += 1;
    if (this.hits >= (this.scope.count ?? Infinity)) this.removed = true;
    return true;
  }
}

/** Fault injection for tests (`exchange.faults`): drop, delay or re-sequence chosen frames, or cut a connection after some. */
export class FaultInjector {
  #rules: Rule[] = [];

  /** True while any rule is in force (the connection skips all of this otherwise). */
  get active(): boolean {
    this.#rules = this.#rules.filter((r) => !r.removed);
    return this.#rules.length > 0;
  }

  /** Matching frames are not sent. */
  drop(scope: FaultScope = {}): FaultRule {
    return this.#add(scope, { kind: "drop" });
  }

  /** Matching frames are sent `ms` later (later frames may overtake them). */
  delay(ms: number, scope: FaultScope = {}): FaultRule {
    if (!Number.isFinite(ms) || ms <= 0) throw new ArgumentError(`delay must be a positive number of ms, got ${ms}`);
    return this.#add(scope, { kind: "delay", ms });
  }

  /** Matching frames are sent with their seq moved by `delta` (default +1000): a seq the peer did not expect. */
  wrongSeq(scope: FaultScope = {}, delta = 1000n): FaultRule {
    if (delta === 0n) throw new ArgumentError("wrongSeq delta must not be 0 (that would be the right seq)");
    return this.#add(scope, { kind: "wrong-seq", delta });
  }

  /** The connection is cut right after the `frames`-th matching frame from now is written. */
  cutAfter(frames: number, scope: Omit<FaultScope, "count"> = {}): FaultRule {
    if (!Number.isInteger(frames) || frames < 1) throw new ArgumentError(`cutAfter needs a frame count >= 1, got ${frames}`);
    const counting = new Rule({ ...scope, count: frames }, { kind: "cut" });
    this.#rules.push(counting);
    return counting;
  }

  /** Removes every rule. */
  clear(): void {
    for (const r of this.#rules) r.remove();
    this.#rules = [];
  }

  /** What to do with one outgoing frame body of `sessionId`'s connection. */
  verdict(bytes: Uint8Array, sessionId: string | undefined): FrameVerdict {
    let p: IncomingPayload;
    try {
      p = new IncomingPayload(bytes);
    } catch {
      return { drop: false, delayMs: 0, bytes, cut: false };
    }
    let drop = false;
    let delayMs = 0;
    let out = bytes;
    let cut = false;
    for (const rule of [...this.#rules]) {
      if (!rule.applies(p, sessionId)) continue;
      const a = rule.action;
      if (a.kind === "drop") drop = true;
      else if (a.kind === "delay") delayMs = Math.max(delayMs, a.ms);
      else if (a.kind === "wrong-seq") out = withSeqMoved(out, a.delta);
      // A cut rule counts frames; it fires on the last one it counts.
      else if (rule.removed) cut = true;
    }
    return { drop, delayMs, bytes: out, cut };
  }

  #add(scope: FaultScope, action: Action): FaultRule {
    const count = scope.count;
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
      throw new ArgumentError(`fault count must be an integer >= 1, got ${count}`);
    }
    const rule = new Rule(scope, action);
    this.#rules.push(rule);
    return rule;
  }
}

function withSeqMoved(bytes: Uint8Array, delta: bigint): Uint8Array {
  const p = seto.Payload.decode(bytes);
  const seq = (p.etoPayload?.seq ?? 0n) + delta;
  p.etoPayload = { ...(p.etoPayload ?? { seq: 0n }), seq: seq < 0n ? 0n : seq };
  return encodePayload(p);
}
