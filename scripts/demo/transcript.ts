// How the demo shows what happened: numbered steps, prices as the ladder
// shows them (percent and decimal odds), quantities as payoff in pounds.
import type { ContractBookView } from "../../runtime/trading/index.js";
import { toDecimalStr, toPercentStr } from "../../runtime/odds/index.js";

export interface Out {
  write(text: string): void;
}

/** Quantity is payoff in minor units × 100: 10 000 = £1.00. */
export function pounds(quantity: bigint): string {
  const pence = quantity / 100n;
  return `£${pence / 100n}.${String(pence % 100n).padStart(2, "0")}`;
}

export function price(bps: number): string {
  return `${toPercentStr(bps)} (${toDecimalStr(bps)})`;
}

export class Transcript {
  #step = 0;
  constructor(readonly out: Out) {}

  line(text = ""): void {
    this.out.write(`${text}\n`);
  }

  step(title: string, detail: string): void {
    this.#step++;
    const label = `${this.#step}. ${title} `;
    this.line(`${label.padEnd(22, ".")} ${detail}`);
  }

  detail(text: string): void {
    this.line(`      ${text}`);
  }

  book(view: ContractBookView | undefined, contractId: number): void {
    if (!view || (view.bids.length === 0 && view.offers.length === 0)) {
      this.detail(`contract ${contractId}: no quotes`);
      return;
    }
    const side = (levels: ContractBookView["bids"]) =>
      levels.length === 0 ? "-" : levels.slice(0, 3).map((l) => `${toPercentStr(l.price)} ${pounds(l.quantity)}`).join(", ");
    this.detail(`contract ${contractId}  bids: ${side(view.bids)}  |  offers: ${side(view.offers)}`);
  }
}
