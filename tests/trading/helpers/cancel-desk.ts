// Answers order-cancels as an exchange that keeps up would: each with
// order-cancelled. The throttle keeps at most a burst of requests unanswered,
// so tests that push many requests through it must answer them.
import { cancelled, incoming } from "./events.js";
import type { FakePort } from "./fake-port.js";

export class CancelDesk {
  #next = 0;

  constructor(private readonly port: FakePort) {}

  /** Answers every order-cancel sent since the last call (not those its answers let go); returns how many. */
  answer(): number {
    let answered = 0;
    const end = this.port.sent.length;
    while (this.#next < end) {
      const p = this.port.sent[this.#next++]!;
      if (p.name !== "seto.order_cancel") continue;
      const body = p.body as { orderId: bigint; reference?: bigint };
      this.port.receive(incoming("seto.order_cancelled", cancelled({ orderId: body.orderId, reference: body.reference })));
      answered += 1;
    }
    return answered;
  }
}
