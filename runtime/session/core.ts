// The role-agnostic heart of a session: sequencing both ways, replays both
// ways, heartbeats, liveness and ping answering. The client (session.ts) and
// the simulated exchange each put their role — who logs in, who answers a
// login — on top through the `onLive` hook.
import * as eto from "../../generated/eto.js";
import type { Clock } from "../clock.js";
import { ParseError, ProtocolError, SocketDisconnected, type SmarketsError } from "../errors.js";
import { replayRequestPayload, type UnsequencedPayload } from "../payload/encode.js";
import { IncomingPayload } from "../payload/incoming.js";
import { HeartbeatMonitor } from "./heartbeat.js";
import type { DeliveryLedger } from "./delivery-ledger.js";
import { InboundFlow } from "./inbound-flow.js";
import { InboundSequencer } from "./inbound-sequencer.js";
import { silentLogger, type Logger } from "./logger.js";
import { OutboundSequencer } from "./outbound-sequencer.js";
import { PeerFaultBudget } from "./peer-fault-budget.js";
import type { OutgoingStore } from "./outgoing-store.js";
import { asSmarketsError, guardListener, type PayloadSink, type SessionListener, type SessionOutput } from "./ports.js";
import { ReplayServer } from "./replay-server.js";
import { SESSION_DEFAULTS } from "./settings.js";

/** What a {@link SessionCore} is built from. */
export interface SessionCoreOptions {
  readonly clock: Clock;
  readonly output: SessionOutput;
  /** Receives every incoming payload, in seq order. */
  readonly sink: PayloadSink;
  readonly listener: SessionListener;
  readonly store: OutgoingStore;
  readonly logger?: Logger;
  /** Records, ahead of delivery, how far it may have gone (a durable store); none by default. */
  readonly ledger?: DeliveryLedger | undefined;
  /** Incoming payloads below this seq may have been delivered by an earlier process: flagged `redelivered`. Default 0. */
  readonly redeliveredBelow?: bigint | undefined;
  /** The seq expected on the next incoming payload. */
  readonly nextInSeq: bigint;
  /** The seq our next outgoing payload gets. */
  readonly nextOutSeq: bigint;
  readonly heartbeatIntervalMs: number;
  readonly deadAfterMs: number;
  readonly replayTimeoutMs: number;
  readonly maxHeldPayloads: number;
  /** Bytes of payloads held behind a gap; default SESSION_DEFAULTS.maxHeldBytes. */
  readonly maxHeldBytes?: number;
  /**
   * Payloads on one connection that do not decode or break the protocol
   * before the connection is dropped (see PeerFaultBudget); no limit when
   * absent. Past it, receiving throws the ProtocolError, and the transport
   * layer ends the connection with it.
   */
  readonly maxPeerFaults?: number;
  /** Most bytes written in answer to one replay request; default SESSION_DEFAULTS.maxReplayBytes. */
  readonly maxReplayBytes?: number;
  /** Most payloads written in answer to one replay request; default SESSION_DEFAULTS.maxReplayPayloads. */
  readonly maxReplayPayloads?: number;
  /**
   * Role-specific handling of a live eto payload — a session-layer payload
   * not flagged is_replay and seen for the first time — when it arrives,
   * before it is put in sequence. Session control (login, logout, pongs) acts
   * on arrival; trading payloads carry nothing to act on there, and skip this
   * step, which the busiest part of the stream then does not pay. The sink
   * still receives the payload in seq order. Payloads below the expected seq
   * are not live, except a login or login response: those may start a new
   * stream, and the role may restart the numbering (`restart`,
   * `restartInbound`) before the payload is placed.
   */
  readonly onLive?: (p: IncomingPayload) => void;
  /** Called after the `dead` status, when nothing arrived for `deadAfterMs`. */
  readonly onDead?: () => void;
}

/** The eto session's sequencing shared by client and server roles: numbering, gap detection and replay, heartbeats; on an injected clock, without sockets. */
export class SessionCore {
  readonly #output: SessionOutput;
  readonly #listener: SessionListener;
  readonly #logger: Logger;
  readonly #store: OutgoingStore;
  readonly #onLive: ((p: IncomingPayload) => void) | undefined;
  readonly #in: InboundFlow;
  readonly #out: OutboundSequencer;
  readonly #heartbeat: HeartbeatMonitor;
  readonly #replays: ReplayServer;
  #open = false;
  readonly #peerFaults: PeerFaultBudget;
  /** Bumped by close: a receive in progress stops touching state it began with. */
  #epoch = 0;
  /**
   * Payloads received from inside a handler, or while delivery is paused by a
   * limit, wait here (copied), so processing stays in order.
   */
  readonly #inbox: Uint8Array[] = [];
  #receiving = false;
  #lastWriteFailure: unknown;

  constructor(o: SessionCoreOptions) {
    this.#output = o.output;
    this.#logger = o.logger ?? silentLogger;
    this.#listener = guardListener(o.listener, this.#logger);
    this.#store = o.store;
    this.#onLive = o.onLive;
    this.#peerFaults = new PeerFaultBudget(o.maxPeerFaults ?? Infinity);
    this.#out = new OutboundSequencer(o.store, o.nextOutSeq);
    this.#in = new InboundFlow(new InboundSequencer(o.nextInSeq, o.maxHeldPayloads, o.maxHeldBytes ?? SESSION_DEFAULTS.maxHeldBytes), {
      clock: o.clock,
      logger: this.#logger,
      replayTimeoutMs: o.replayTimeoutMs,
      sink: o.sink,
      ledger: o.ledger,
      redeliveredBelow: o.redeliveredBelow,
      requestReplay: (from) => this.#sendAdmin(replayRequestPayload(from)),
      status: (s) => this.#listener.status(s),
      error: (e) => this.#listener.error(e),
    });
    this.#replays = new ReplayServer({
      clock: o.clock,
      store: o.store,
      logger: this.#logger,
      maxReplayBytes: o.maxReplayBytes ?? SESSION_DEFAULTS.maxReplayBytes,
      maxReplayPayloads: o.maxReplayPayloads ?? SESSION_DEFAULTS.maxReplayPayloads,
      write: (bytes, urgent) => this.#write(bytes, urgent),
      status: (s) => this.#listener.status(s),
      error: (e) => this.#writeFailed(e, "serving a replay"),
    });
    this.#heartbeat = new HeartbeatMonitor(o.clock, o.heartbeatIntervalMs, o.deadAfterMs, {
      sendHeartbeat: () => this.#sendBodyless(eto.PayloadType.PAYLOAD_HEARTBEAT),
      dead: (silentForMs) => {
        this.#logger.warn({ silentForMs }, "nothing received: connection declared dead");
        this.#listener.status({ state: "dead", silentForMs });
        o.onDead?.();
      },
    });
  }

  /** The seq expected on the next incoming payload. */
  get nextInSeq(): bigint {
    return this.#in.sequencer.expected;
  }

  /** The seq our next outgoing payload gets. */
  get nextOutSeq(): bigint {
    return this.#out.next;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** The transport is up: accept and write traffic. */
  open(): void {
    this.#open = true;
    this.#peerFaults.reset();
  }

  /**
   * The transport is down: stop timers and forget held payloads and open gaps
   * (after resuming, the peer's replay brings everything from `nextInSeq`).
   */
  close(): void {
    this.#open = false;
    this.#epoch += 1;
    this.#inbox.length = 0;
    this.#heartbeat.stop();
    this.#replays.cancel();
    this.#in.restart(this.#in.sequencer.expected);
    this.#in.limit(Infinity); // a delivery limit was for that connection's reads
  }

  /** Starts heartbeats and dead-connection detection (once the session is logged in). */
  startMonitoring(): void {
    this.#heartbeat.start();
  }

  stopMonitoring(): void {
    this.#heartbeat.stop();
  }

  /** Starts a new session at the given seqs, forgetting the sent payloads. */
  restart(nextInSeq: bigint, nextOutSeq: bigint): void {
    this.#replays.cancel();
    this.#in.restart(nextInSeq);
    this.#in.newStream();
    this.#out.reset(nextOutSeq);
    this.#store.clear();
  }

  /** Continues our outgoing numbering at `next` (login-response `reset`). */
  resetOutSeq(next: bigint): void {
    this.#out.reset(next);
  }

  /** Expects the next incoming payload at `next`, dropping anything held (the peer started a new stream). */
  restartInbound(next: bigint): void {
    this.#in.restart(next);
    this.#in.newStream();
  }

  /**
   * Numbers, stores and writes a payload; returns its seq. Throws
   * ArgumentError if it does not encode (nothing is sent then). While the
   * transport is down the payload is only stored: the peer's replay request
   * after a resume fetches it.
   */
  send(p: UnsequencedPayload, urgent: boolean): bigint {
    const { seq, bytes } = this.#out.stamp(p);
    this.#write(bytes, urgent);
    return seq;
  }

  /**
   * Bytes arrived from the transport: the connection is alive. A link calls
   * this once per inbound chunk and then hands over the chunk's payloads with
   * `receive(bytes, true)`, so liveness costs one clock read per chunk, not
   * one per payload (a clock read is a fair share of a small payload's cost).
   */
  arrived(): void {
    this.#heartbeat.inbound();
  }

  /** One complete incoming payload (a frame body); `arrivalNoted`: its chunk's arrival was noted by `arrived()`. */
  receive(bytes: Uint8Array, arrivalNoted = false): void {
    this.receiveAt(bytes, 0, bytes.length, arrivalNoted);
  }

  /** `receive` for the payload `source[start, end)` (a frame in a received chunk: no view is made for it). */
  receiveAt(source: Uint8Array, start: number, end: number, arrivalNoted: boolean): void {
    if (!this.#open) {
      this.#logger.warn({ bytes: end - start }, "payload received while the transport is down: ignored");
      return;
    }
    if (!arrivalNoted) this.#heartbeat.inbound();
    if (this.#receiving || this.#in.blocked) {
      if (this.#in.halted !== undefined) {
        // Delivery stopped at a payload its sink did not process: the connection is
        // about to close, and the next one resumes from that payload.
        this.#logger.debug({ bytes: end - start }, "payload received after delivery stopped: ignored");
        return;
      }
      this.#inbox.push(source.slice(start, end));
      return;
    }
    this.#receiving = true;
    try {
      this.#receiveOne(source, start, end);
      this.#receiveWaiting();
    } finally {
      this.#receiving = false;
    }
  }

  /**
   * Payloads received that wait for a delivery limit to be raised: those
   * received after it was reached, and one held that is next in sequence
   * (the rest of the hold waits for a gap to fill, not for the limit).
   */
  get waiting(): number {
    return this.#inbox.length + (this.#in.sequencer.nextIsHeld ? 1 : 0);
  }

  /**
   * Delivers at most `limit` more payloads (Infinity: no limit) until called
   * again; beyond it, payloads received wait, in order, and are delivered
   * (with their session duties: answers to heartbeats and pings wait too)
   * once the limit is raised — which delivers those waiting now, up to it.
   */
  limitDelivery(limit: number): void {
    if (this.#receiving) {
      this.#in.limit(limit);
      return;
    }
    this.#receiving = true;
    try {
      this.#in.limit(limit);
      this.#receiveWaiting();
    } finally {
      this.#receiving = false;
    }
  }

  /** The seq at which delivery stopped because the sink did not process that payload; undefined while it flows. */
  get haltedAt(): bigint | undefined {
    return this.#in.halted?.seq;
  }

  #receiveWaiting(): void {
    const epoch = this.#epoch;
    while (this.#inbox.length > 0 && !this.#in.blocked && epoch === this.#epoch) {
      const bytes = this.#inbox.shift()!;
      this.#receiveOne(bytes, 0, bytes.length);
    }
  }

  #receiveOne(source: Uint8Array, start: number, end: number): void {
    let p: IncomingPayload;
    try {
      p = new IncomingPayload(source, undefined, start, end);
    } catch (e) {
      // Without a readable seq the payload cannot be placed; the next good
      // one shows the gap and the replay brings this seq again.
      this.#peerFault(e instanceof ParseError ? e : new ParseError(`unreadable payload: ${String(e)}`, source.subarray(start, end), { cause: e }));
      return;
    }
    const sequencer = this.#in.sequencer;
    let placement = sequencer.place(p);
    if (placement === "duplicate" || placement === "held") return;
    // Session duties are for live eto payloads; stream starts and ends are
    // seen by the role even below our seq (it may restart the numbering): see
    // startsStream.
    if (p.etoType !== undefined && !p.isReplay && (placement !== "behind" || startsStream(p))) {
      const epoch = this.#epoch;
      const inboundEpoch = this.#in.epoch;
      this.#live(p);
      if (epoch !== this.#epoch || !this.#open) return;
      // Placed again if the role's handling restarted the inbound stream.
      if (inboundEpoch !== this.#in.epoch) placement = sequencer.place(p);
    }
    switch (placement) {
      case "next":
        this.#in.next(p);
        break;
      case "ahead":
        this.#in.ahead(p);
        break;
      case "behind":
        // Already acted on above; only its place in the stream is unknown.
        if (startsStream(p)) break;
        this.#peerFault(new ProtocolError(`${p.name} seq ${p.seq} is below the expected ${sequencer.expected} and not flagged is_replay`));
        break;
      default:
        break;
    }
  }

  /** A payload that did not decode or broke the protocol: counted against the connection's budget (past it, this throws instead), and reported. */
  #peerFault(e: SmarketsError): void {
    this.#peerFaults.charge();
    this.#listener.error(e);
  }

  /** Session-layer duties of both roles, on arrival. */
  #live(p: IncomingPayload): void {
    switch (p.etoType) {
      case eto.PayloadType.PAYLOAD_HEARTBEAT:
        if (this.#heartbeat.peerHeartbeat()) this.#sendBodyless(eto.PayloadType.PAYLOAD_HEARTBEAT);
        break;
      case eto.PayloadType.PAYLOAD_PING:
        this.#sendBodyless(eto.PayloadType.PAYLOAD_PONG);
        break;
      case eto.PayloadType.PAYLOAD_REPLAY:
        this.#serveReplay(p);
        break;
      default:
        break;
    }
    this.#onLive?.(p);
  }

  #serveReplay(p: IncomingPayload): void {
    let from: bigint | undefined;
    try {
      from = p.payload.etoPayload?.replay?.seq;
    } catch (e) {
      this.#peerFault(asSmarketsError(e, "decoding a replay request"));
      return;
    }
    if (from === undefined) {
      this.#peerFault(new ProtocolError(`replay request seq ${p.seq} names no seq to replay from`));
      return;
    }
    const next = this.#out.next;
    if (from >= next) {
      // Nothing was sent from there: the peer cannot be missing it. Answered with nothing.
      this.#peerFault(new ProtocolError(`replay request seq ${p.seq} asks for seqs from ${from}, but our next outgoing seq is ${next}: nothing was sent from there`));
      return;
    }
    // Answered in slices, yielding between them (see replay-server.ts): what the peer asks for is bounded.
    this.#replays.request(from, next);
  }

  /** Sends a session-layer payload of our own making; a failure is reported, not thrown (timers call this). */
  #sendAdmin(p: UnsequencedPayload): void {
    try {
      this.send(p, true);
    } catch (e) {
      this.#writeFailed(e, "writing a session payload");
    }
  }

  /** `#sendAdmin(etoPayload(type))` for a heartbeat or pong: same bytes, written without the generic encoder. */
  #sendBodyless(type: eto.PayloadType): void {
    try {
      this.#write(this.#out.stampBodylessEto(type).bytes, true);
    } catch (e) {
      this.#writeFailed(e, "writing a session payload");
    }
  }

  /**
   * A write of ours failed. A lost connection is reported by whoever owns it
   * (the client's connection manager, the exchange's link); anything else is
   * reported here, once: a failing output fails every write with the same
   * error (a flood of pings would make one per pong).
   */
  #writeFailed(e: unknown, doing: string): void {
    if (e === this.#lastWriteFailure) return;
    this.#lastWriteFailure = e;
    if (e instanceof SocketDisconnected) {
      this.#logger.debug({ err: e }, `${doing} failed: the connection is lost`);
      return;
    }
    this.#listener.error(asSmarketsError(e, doing));
  }

  #write(bytes: Uint8Array, urgent: boolean): void {
    this.#heartbeat.outbound();
    if (this.#open) this.#output.write(bytes, urgent);
  }
}

/**
 * Payloads that start or end a stream: acted on even when their seq is below
 * ours. A login or login response may start a new numbering; a logout may be
 * the exchange refusing a resume, numbered from a stream we never saw.
 */
function startsStream(p: IncomingPayload): boolean {
  return (
    p.etoType === eto.PayloadType.PAYLOAD_LOGIN ||
    p.etoType === eto.PayloadType.PAYLOAD_LOGIN_RESPONSE ||
    p.etoType === eto.PayloadType.PAYLOAD_LOGOUT
  );
}
