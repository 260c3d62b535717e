// A TradingPort that records what is sent (with the fake clock's time) and
// numbers payloads as a session would; what it receives goes through a
// handler registry, where the trading layer registered its handlers, as in
// the client.
import type { PayloadMessages, SetoPayloadName } from "../../../generated/payload-map.js";
import type { Clock } from "../../../runtime/clock.js";
import { HandlerRegistry } from "../../../runtime/dispatch/handler-registry.js";
import type { SmarketsError } from "../../../runtime/errors.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import type { TradingPort } from "../../../runtime/trading/index.js";

export interface SentPayload {
  readonly name: SetoPayloadName;
  readonly body: unknown;
  readonly seq: bigint;
  readonly at: number;
}

export class FakePort implements TradingPort {
  readonly sent: SentPayload[] = [];
  flushes = 0;
  /** What the trading layer reported (problems in what the exchange sent). */
  readonly reports: SmarketsError[] = [];
  nextSeq = 1n;
  /** When set, send() throws it (as a session that is not logged in does). */
  refuse: Error | undefined;
  /** Without an error reporter: a handler's failure is thrown by receive(). */
  readonly handlers = new HandlerRegistry();

  constructor(private readonly clock: Clock) {}

  send<N extends SetoPayloadName>(name: N, body: PayloadMessages[N]): bigint {
    if (this.refuse) throw this.refuse;
    const seq = this.nextSeq++;
    this.sent.push({ name, body, seq, at: this.clock.now() });
    return seq;
  }

  report(error: SmarketsError): void {
    this.reports.push(error);
  }

  /** An incoming payload, delivered as the session delivers it. */
  receive(p: IncomingPayload): void {
    this.handlers.deliver(p);
  }

  flush(): Promise<void> {
    this.flushes += 1;
    return Promise.resolve();
  }

  /** The last payload sent, typed by the name expected. */
  last<N extends SetoPayloadName>(name: N): SentPayload & { body: PayloadMessages[N] } {
    const p = this.sent.at(-1);
    if (p === undefined || p.name !== name) throw new Error(`expected ${name} to be sent last, got ${p?.name ?? "nothing"}`);
    return p as SentPayload & { body: PayloadMessages[N] };
  }
}
