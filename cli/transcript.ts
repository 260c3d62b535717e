// How the demo shows what happened: numbered steps, prices as the ladder
// shows them (percent and decimal odds), quantities as payoff in pounds.
import { toPercentStr } from "../runtime/odds/index.js";
import type { ContractBookView } from "../runtime/trading/index.js";
import { pounds } from "./amounts.js";
import type { Out } from "./io.js";

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
