// What the commands print: books side by side, orders as a table, and the
// live screen that redraws in place on a terminal and prints book after book
// elsewhere.
import test from "ava";
import { marketLines } from "../../cli/format-book.js";
import { orderState, ordersTable } from "../../cli/format-order.js";
import { LiveScreen } from "../../cli/live-screen.js";
import { table } from "../../cli/table.js";
import * as seto from "../../generated/seto.js";
import type { MarketBookView, OrderView } from "../../runtime/trading/index.js";

const market: MarketBookView = {
  marketId: 1,
  stale: false,
  executedVolume: 30_000n,
  contracts: [
    {
      marketId: 1,
      contractId: 1,
      bids: [{ price: 4950, quantity: 80_000n }, { price: 4902, quantity: 250_000n }],
      offers: [{ price: 5000, quantity: 30_000n }],
      bestBid: { price: 4950, quantity: 80_000n },
      bestOffer: { price: 5000, quantity: 30_000n },
      lastExecution: { price: 5000, quantity: 30_000n } as seto.Execution,
      tradedVolume: 0n,
      highPrice: undefined,
      lowPrice: undefined,
    },
    { marketId: 1, contractId: 2, bids: [], offers: [], bestBid: undefined, bestOffer: undefined, lastExecution: undefined, tradedVolume: 0n, highPrice: undefined, lowPrice: undefined },
  ],
};

test("a market's books: bids and offers side by side, best first, pounds and both price notations", (t) => {
  t.deepEqual(marketLines(1, market), [
    "market 1: 2 contract(s), traded £3.00",
    "contract 1  (last trade £3.00 at 50% (2.0))",
    "    bid quantity              bid | offer            offer quantity",
    "           £8.00     49.5% (2.02) | 50% (2.0)                 £3.00",
    "          £25.00    49.02% (2.04) |",
    "contract 2",
    "  no quotes",
  ]);
  t.deepEqual(marketLines(7, undefined), ["market 7: waiting for the snapshot"]);
  t.regex(marketLines(1, { ...market, stale: true })[0]!, /stale: waiting for a fresh snapshot/);
});

const order: OrderView = {
  orderId: 81n,
  reference: 5n,
  seq: 3n,
  status: "partially-executed",
  marketId: 1,
  contractId: 2,
  side: seto.Side.SIDE_BUY,
  price: 5000,
  quantity: 80_000n,
  executedQuantity: 30_000n,
  executedValue: 30_000n * 5000n,
  averagePrice: { num: 5000n, den: 1n },
  remainingQuantity: 50_000n,
  voidedQuantity: 0n,
  label: "demo",
  replaces: undefined,
  replacedBy: undefined,
  reason: undefined,
  accountSequence: 4n,
  complete: true,
};

test("an order's state in one line, and orders as a table", (t) => {
  t.is(orderState(order), "partially-executed: £3.00 of £8.00 executed at an average 50.00%, £5.00 open");
  t.is(orderState({ ...order, status: "cancelled", reason: "ORDER_CANCELLED_MEMBER_REQUESTED", remainingQuantity: 0n }), "cancelled (ORDER_CANCELLED_MEMBER_REQUESTED): £3.00 of £8.00 executed at an average 50.00%");
  t.deepEqual(ordersTable([order, { ...order, orderId: 82n, side: seto.Side.SIDE_SELL, label: undefined, quantity: 1_250_000n }]), [
    "order  market  contract  side  price      quantity  executed   open  status              label",
    "81     1       2         buy   50% (2.0)     £8.00     £3.00  £5.00  partially-executed  demo",
    "82     1       2         sell  50% (2.0)   £125.00     £3.00  £5.00  partially-executed",
  ]);
});

test("table: columns as wide as their widest cell, chosen ones right-aligned", (t) => {
  t.deepEqual(table(["a", "bb"], [["xxx", "1"], ["y", "22"]], new Set([1])), ["a    bb", "xxx   1", "y    22"]);
});

function recorder() {
  let text = "";
  return { out: { write: (s: string) => void (text += s) }, get text() { return text; } };
}

test("live screen, not a terminal: each block in turn, then a blank line; no escape codes", (t) => {
  const r = recorder();
  const screen = new LiveScreen(r.out, () => undefined);
  screen.show(["a", "b"]);
  screen.show(["c"]);
  screen.end();
  t.is(r.text, "a\nb\n\nc\n\n");
});

test("live screen, terminal: hides the cursor, redraws over the previous block, gives the cursor back", (t) => {
  const r = recorder();
  const screen = new LiveScreen(r.out, () => ({ rows: 24, columns: 80 }));
  screen.show(["a", "b", "c"]);
  screen.show(["d"]);
  screen.show(["e", "f"]);
  screen.end();
  t.is(r.text, "\x1b[?25la\nb\nc\n" + "\x1b[3F\x1b[Jd\n" + "\x1b[1F\x1b[Je\nf\n" + "\x1b[?25h");
});

test("live screen, small terminal: lines cut to its width and the block to its height, so redraws stay in place", (t) => {
  const r = recorder();
  const screen = new LiveScreen(r.out, () => ({ rows: 4, columns: 6 }));
  screen.show(["0123456789", "b", "c", "d", "e"]);
  screen.show(["x"]);
  t.is(r.text, "\x1b[?25l01234\nb\n… 3 m\n" + "\x1b[3F\x1b[Jx\n");
});
