// Test doubles for the session: a wire that records what the session writes,
// a listener that records what it is told, and a scripted peer that numbers
// its own payloads.
import * as eto from "../../../generated/eto.js";
import * as seto from "../../../generated/seto.js";
import { FakeClock } from "../../../runtime/fake-clock.js";
import type { SmarketsError } from "../../../runtime/errors.js";
import { encodePayload, etoPayload, loginResponsePayload, withSeq, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import type { Logger } from "../../../runtime/session/logger.js";
import type { PayloadSink, SessionListener, SessionOutput } from "../../../runtime/session/ports.js";
import { Session } from "../../../runtime/session/session.js";
import type { SessionSettings } from "../../../runtime/session/settings.js";
import type { SessionStatus } from "../../../runtime/session/status.js";

export interface Written {
  readonly bytes: Uint8Array;
  readonly urgent: boolean;
  readonly payload: seto.Payload;
}

/** Records every payload written, decoded. */
export class Wire implements SessionOutput {
  all: Written[] = [];
  #taken = 0;
  write(bytes: Uint8Array, urgent: boolean): void {
    this.all.push({ bytes, urgent, payload: seto.Payload.decode(bytes) });
  }
  /** Writes since the last take. */
  take(): Written[] {
    const out = this.all.slice(this.#taken);
    this.#taken = this.all.length;
    return out;
  }
}

/**
 * Records what the session delivers and tells its listener; `fail` makes the
 * sink throw for a payload, `refuse` makes it decline one (not processed).
 */
export class Recorder implements SessionListener, PayloadSink {
  payloads: IncomingPayload[] = [];
  statuses: SessionStatus[] = [];
  errors: SmarketsError[] = [];
  attempts: bigint[] = [];
  fail: (p: IncomingPayload) => boolean = () => false;
  refuse: (p: IncomingPayload) => boolean = () => false;
  deliver(p: IncomingPayload): boolean {
    this.attempts.push(p.seq);
    if (this.fail(p)) throw new Error(`handler refused seq ${p.seq}`);
    if (this.refuse(p)) return false;
    this.payloads.push(p);
    return true;
  }
  status(s: SessionStatus): void {
    this.statuses.push(s);
  }
  error(e: SmarketsError): void {
    this.errors.push(e);
  }
  get seqs(): bigint[] {
    return this.payloads.map((p) => p.seq);
  }
  states(): string[] {
    return this.statuses.map((s) => s.state);
  }
}

/** A logger that keeps what it is given. */
export class MemoryLogger implements Logger {
  lines: { level: string; obj: unknown; msg: string | undefined }[] = [];
  debug = (obj: unknown, msg?: string) => this.lines.push({ level: "debug", obj, msg });
  info = (obj: unknown, msg?: string) => this.lines.push({ level: "info", obj, msg });
  warn = (obj: unknown, msg?: string) => this.lines.push({ level: "warn", obj, msg });
  error = (obj: unknown, msg?: string) => this.lines.push({ level: "error", obj, msg });
  at(level: string) {
    return this.lines.filter((l) => l.level === level);
  }
}

/** The exchange side, scripted: numbers its payloads from `next`. */
export class Peer {
  constructor(public next = 1n) {}
  /** The next payload of ours, numbered. */
  fresh(p: UnsequencedPayload): Uint8Array {
    return encodePayload(withSeq(p, this.next++));
  }
  /** A payload at an explicit seq (replays, duplicates, out-of-order). */
  at(seq: bigint, p: UnsequencedPayload, isReplay = false): Uint8Array {
    const payload = withSeq(p, seq);
    if (isReplay) payload.etoPayload = { ...payload.etoPayload!, isReplay: true };
    return encodePayload(payload);
  }
  loginResponse(session = "session-1", reset?: bigint): Uint8Array {
    return this.fresh(loginResponsePayload(session, reset));
  }
  logout(reason?: eto.LogoutReason): Uint8Array {
    return this.fresh(etoPayload(eto.PayloadType.PAYLOAD_LOGOUT, { logout: { reason } }));
  }
  eto(type: eto.PayloadType): Uint8Array {
    return this.fresh(etoPayload(type));
  }
}

/** A seto payload standing for trading traffic, distinguishable by `marketId`. */
export function marketQuotes(marketId: number): UnsequencedPayload {
  return {
    type: seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE,
    marketSubscribe: { marketId },
  };
}

export const credentials: SessionSettings = { username: "user", password: "pass" };

export function setup(settings: SessionSettings = credentials, logger?: Logger) {
  const clock = new FakeClock(1_000);
  const wire = new Wire();
  const rec = new Recorder();
  const session = new Session({ settings, output: wire, sink: rec, listener: rec, clock, ...(logger ? { logger } : {}) });
  return { clock, wire, rec, session, peer: new Peer() };
}

/** A session connected and logged in as session "session-1" (the login response was seq 1). */
export async function loggedIn(settings: SessionSettings = credentials, logger?: Logger) {
  const s = setup(settings, logger);
  s.session.connected();
  const login = s.session.login();
  s.session.receive(s.peer.loginResponse());
  await login;
  s.wire.take();
  return s;
}

export function etoTypeOf(w: Written): eto.PayloadType | undefined {
  return w.payload.etoPayload?.type;
}
