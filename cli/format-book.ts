// A market's books as text: per contract, bids and offers side by side, best
// first, with quantities as pounds of payoff and prices as percent and
// decimal odds (as the demo shows them).
import type { ContractBookView, Level, MarketBookView } from "../runtime/trading/index.js";
import { pounds, price } from "./amounts.js";

const QUANTITY_WIDTH = 14;
/** "99.99% (1.0001)", the widest price. */
const PRICE_WIDTH = 15;

function row(bid: Level | undefined, offer: Level | undefined): string {
  const bq = bid ? pounds(bid.quantity) : "";
  const bp = bid ? price(bid.price) : "";
  const op = offer ? price(offer.price) : "";
  const oq = offer ? pounds(offer.quantity) : "";
  return `  ${bq.padStart(QUANTITY_WIDTH)}  ${bp.padStart(PRICE_WIDTH)} | ${op.padEnd(PRICE_WIDTH)}  ${oq.padStart(QUANTITY_WIDTH)}`.trimEnd();
}

const HEADER = `  ${"bid quantity".padStart(QUANTITY_WIDTH)}  ${"bid".padStart(PRICE_WIDTH)} | ${"offer".padEnd(PRICE_WIDTH)}  ${"offer quantity".padStart(QUANTITY_WIDTH)}`;

export function contractLines(book: ContractBookView): string[] {
  const last = book.lastExecution;
  const title = `contract ${book.contractId}${last ? `  (last trade ${pounds(last.quantity)} at ${price(last.price)})` : ""}`;
  if (book.bids.length === 0 && book.offers.length === 0) return [title, "  no quotes"];
  const lines = [title, HEADER];
  for (let i = 0; i < Math.max(book.bids.length, book.offers.length); i++) lines.push(row(book.bids[i], book.offers[i]));
  return lines;
}

/** The whole market; `undefined` (not subscribed yet) shows as waiting. */
export function marketLines(marketId: number, market: MarketBookView | undefined): string[] {
  if (market === undefined) return [`market ${marketId}: waiting for the snapshot`];
  const volume = market.executedVolume === undefined ? "" : `, traded ${pounds(market.executedVolume)}`;
  const stale = market.stale ? " (stale: waiting for a fresh snapshot)" : "";
  const lines = [`market ${marketId}: ${market.contracts.length} contract(s)${volume}${stale}`];
  for (const c of market.contracts) lines.push(...contractLines(c));
  return lines;
}
