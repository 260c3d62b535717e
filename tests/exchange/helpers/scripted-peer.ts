// A client scripted payload by payload, built on the project's own framing and
// payload codec only (no Session, no StreamingAPIClient), so what crosses the
// wire is exactly what a test says. It keeps the two counters the protocol
// docs' tables show for the client side, by the docs' rules (eto/seq.txt):
// `out`, the seq its next payload gets; `in`, the seq it expects next, which
// advances only when a payload arrives with exactly that seq — anything else
// leaves it alone, as in the reference Python SDK.
import type { ExchangeHandle, SessionInfo } from "../../../exchange/index.js";
import type { PayloadMessages, PayloadName } from "../../../generated/payload-map.js";
import { payloadBody } from "../../../generated/payload-map.js";
import { type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import { IncomingPayload } from "../../../runtime/payload/incoming.js";
import { FrameDecoder } from "../../../runtime/framing/index.js";
import { RawClient } from "./raw-client.js";
import { eventually } from "./setup.js";

export class ScriptedPeer {
  /** The seq the next payload sent gets. */
  out: bigint;
  /** The seq expected next from the exchange. */
  in: bigint;
  #raw: RawClient;
  #taken = 0;

  private constructor(raw: RawClient, counters: { out: bigint; in: bigint }) {
    this.#raw = raw;
    this.out = counters.out;
    this.in = counters.in;
  }

  static async connect(exchange: ExchangeHandle, counters = { out: 1n, in: 1n }): Promise<ScriptedPeer> {
    return new ScriptedPeer(await RawClient.connect(exchange), counters);
  }

  /** A new connection for the same peer (its counters carry over, as after a drop). */
  async reconnect(exchange: ExchangeHandle): Promise<void> {
    this.#raw.destroy();
    await this.#raw.closed;
    this.#raw = await RawClient.connect(exchange);
    this.#taken = 0;
  }

  /** Sends `p` numbered `out` (or `seq` when given); `out` becomes that seq + 1. Returns the seq used. */
  send(p: UnsequencedPayload, seq: bigint = this.out): bigint {
    this.#raw.sendPayload(p, seq);
    this.out = seq + 1n;
    return seq;
  }

  /**
   * Sends bytes that are already framed (a golden frame); `out` follows the
   * seq they carry. Returns that seq.
   */
  sendFrame(frame: Uint8Array): bigint {
    let seq: bigint | undefined;
    new FrameDecoder({ frame: (body) => (seq = new IncomingPayload(body).seq) }).push(frame);
    if (seq === undefined) throw new Error("sendFrame: not one whole frame");
    this.#raw.send(frame);
    this.out = seq + 1n;
    return seq;
  }

  /** The exchange's next payload, in arrival order; `in` advances if it carries the seq expected. */
  async receive(): Promise<IncomingPayload> {
    const p = await this.#raw.inbox.take(() => true);
    this.#taken += 1;
    if (p.seq === this.in) this.in += 1n;
    return p;
  }

  /**
   * The `i`-th payload to arrive on this connection (from 0), whether received
   * or not: what the exchange put on the wire, in order.
   */
  async arrival(i: number): Promise<IncomingPayload> {
    await eventually(() => this.#raw.inbox.all.length > i);
    return this.#raw.inbox.all[i] as IncomingPayload;
  }

  /** `receive()`, checked to be of `name` with `seq` (and is_replay as given); its body. */
  async expect<N extends PayloadName>(name: N, seq: bigint, isReplay = false): Promise<{ p: IncomingPayload; body: PayloadMessages[N] }> {
    const p = await this.receive();
    if (p.name !== name || p.seq !== seq || p.isReplay !== isReplay) {
      throw new Error(`expected ${name} seq ${seq}${isReplay ? " (replay)" : ""}, got ${p.name} seq ${p.seq}${p.isReplay ? " (replay)" : ""}`);
    }
    return { p, body: payloadBody(name, p.payload) as PayloadMessages[N] };
  }

  /** Payloads that arrived but were not received yet. */
  get unread(): number {
    return this.#raw.inbox.all.length - this.#taken;
  }

  get closed(): Promise<void> {
    return this.#raw.closed;
  }

  destroy(): void {
    this.#raw.destroy();
  }
}

/** The exchange side of a table row: the session's two counters as the exchange reports them. */
export function serverCounters(exchange: ExchangeHandle, sessionId: string): { in: bigint; out: bigint } {
  const s: SessionInfo | undefined = exchange.sessions.get(sessionId);
  if (s === undefined) throw new Error(`the exchange has no session ${sessionId}`);
  return { in: s.nextInSeq, out: s.nextOutSeq };
}
