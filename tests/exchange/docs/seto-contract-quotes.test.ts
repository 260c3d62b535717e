// seto/contract-quotes.txt: a depth view (five offers, five bids) and four
// updates — a new best bid, a sell that trades and rests, a buy that trades
// through two prices, a bid level cancelled — walked row by row against the
// exchange, as a subscribed client sees them: each contract_quotes numbered in
// turn, carrying the quotes and executions the doc lists, and leaving a client
// that follows the doc (apply the changed quotes, drop zeros, keep the best
// five per side) with the depth row the doc shows next.
//
// Where the doc is older than the protocol: its whole-percent prices predate
// the current decimal-odds ladder (51% is no longer a tick), so each is mapped
// to the nearest tick, which keeps their order; and one row's execution
// quantity is corrected (see ERRATA). The setup adds what the doc describes in
// words: the 45% bid growing while out of view, the 55% offer gone before the
// third update, a 40% bid waiting outside the view.
import test from "ava";
import * as seto from "../../../generated/seto.js";
import { setoPayload } from "../../../generated/payload-map.js";
import { allTicks } from "../../../runtime/odds/index.js";
import type { ExchangeAccount } from "../../../exchange/index.js";
import { setup } from "../helpers/setup.js";
import { ScriptedPeer } from "../helpers/scripted-peer.js";
import { CONTRACT_QUOTES_TABLE, corrected } from "./doc-tables.js";
import { accountLogin } from "./prepare.js";

const MAKER: ExchangeAccount = { username: "maker", password: "maker-pw", balance: 10_000 };
const SELLER: ExchangeAccount = { username: "seller", password: "seller-pw", balance: 10_000 };
const BUYER: ExchangeAccount = { username: "buyer", password: "buyer-pw", balance: 10_000 };
const VIEWER: ExchangeAccount = { username: "viewer", password: "viewer-pw", balance: 10_000 };
const DEPTH = 5;

const TICKS = allTicks;
/** The ladder tick nearest a doc price given in basis points of the old whole-percent ladder. */
function tick(docBps: number): number {
  return TICKS.reduce((best, p) => (Math.abs(p - docBps) < Math.abs(best - docBps) ? p : best));
}

interface Level {
  readonly price: number;
  readonly quantity: bigint;
}
interface View {
  /** Best (lowest) first. */
  readonly offers: Level[];
  /** Best (highest) first. */
  readonly bids: Level[];
}

/** A depth row: `| 55%100000 | … |`, five offers (worst to best) then five bids (best to worst); `-` is empty. */
function parseDepthRow(row: string): View {
  const cells = row.split("|").slice(1, -1).map((c) => c.trim());
  const level = (c: string): Level | undefined => {
    const m = /^(\d+)%(\d+)$/.exec(c);
    return m ? { price: tick(Number(m[1]) * 100), quantity: BigInt(m[2] as string) } : undefined;
  };
  const present = (l: Level | undefined): l is Level => l !== undefined;
  return { offers: cells.slice(0, DEPTH).map(level).filter(present).reverse(), bids: cells.slice(DEPTH).map(level).filter(present) };
}

interface DocUpdate {
  readonly bids: Level[];
  readonly offers: Level[];
  readonly executions: { price: number; quantity: bigint; liquidity: seto.Side }[];
}

/** The `contract_quotes{ … }` an update row lists. */
function parseUpdate(row: string): DocUpdate {
  const list = (field: string): string => new RegExp(`${field} = \\[([^\\]]*)\\]`).exec(row)?.[1] ?? "";
  const quotes = (field: string): Level[] =>
    [...list(field).matchAll(/quote\{ price = (\d+), quantity = (\d+) \}/g)].map((m) => ({ price: tick(Number(m[1])), quantity: BigInt(m[2] as string) }));
  const executions = [...list("executions").matchAll(/execution\{ price = (\d+), quantity = (\d+), liquidity = (buy|sell) \}/g)].map((m) => ({
    price: tick(Number(m[1])),
    quantity: BigInt(m[2] as string),
    liquidity: m[3] === "buy" ? seto.Side.SIDE_BUY : seto.Side.SIDE_SELL,
  }));
  return { bids: quotes("bids"), offers: quotes("offers"), executions };
}

/** A client following the doc: set each changed level, drop emptied ones, keep the best DEPTH per side. */
function applyAsDocClient(view: View, update: seto.ContractQuotes): View {
  const side = (levels: Level[], changes: seto.Quote[], better: (a: number, b: number) => number): Level[] => {
    const byPrice = new Map(levels.map((l) => [l.price, l.quantity]));
    for (const q of changes) byPrice.set(q.price, q.quantity);
    return [...byPrice]
      .filter(([, quantity]) => quantity > 0n)
      .map(([price, quantity]) => ({ price, quantity }))
      .sort((a, b) => better(a.price, b.price))
      .slice(0, DEPTH);
  };
  return { offers: side(view.offers, update.offers, (a, b) => a - b), bids: side(view.bids, update.bids, (a, b) => b - a) };
}

const sorted = (levels: readonly Level[]): Level[] => [...levels].map((l) => ({ price: l.price, quantity: l.quantity })).sort((a, b) => a.price - b.price);

test("seto/contract-quotes.txt: each update's quotes and executions, its seq, and the depth view after it", async (t) => {
  const rows = CONTRACT_QUOTES_TABLE.rows.map(corrected);
  const views = [0, 3, 6, 9, 12].map((i) => parseDepthRow(rows[i] as string));
  const updates = [1, 4, 7, 10].map((i) => parseUpdate(rows[i] as string));

  const { exchange } = await setup(t, { accounts: [MAKER, SELLER, BUYER, VIEWER] });
  const id = (a: ExchangeAccount): number => exchange.accounts.find((x) => x.username === a.username)?.accountId as number;
  const order = (a: ExchangeAccount, side: seto.Side, docPercent: number, quantity: bigint) => {
    const result = exchange.engine.createOrder({ accountId: id(a), marketId: 1, contractId: 1, side, price: tick(docPercent * 100), quantity });
    exchange.publish(result);
    const accepted = result.events.find((e) => e.kind === "order-accepted");
    t.truthy(accepted, `the ${seto.sideToJSON(side)} at ${docPercent}% is accepted`);
    return accepted && "orderId" in accepted ? accepted.orderId : 0n;
  };
  const cancel = (orderId: bigint) => exchange.publish(exchange.engine.cancelOrder({ accountId: id(MAKER), orderId }));

  // The first depth row, plus what lies outside it: a sell at 55% (pushed out in step 2, gone by step 3)
  // and a bid at 40% (coming into view in step 4).
  const resting = new Map<number, bigint>();
  for (const p of [55, 54, 53, 52, 51]) resting.set(p, order(MAKER, seto.Side.SIDE_SELL, p, 100_000n));
  for (const p of [49, 48, 47, 46, 45]) resting.set(p, order(MAKER, seto.Side.SIDE_BUY, p, 100_000n));
  order(MAKER, seto.Side.SIDE_BUY, 40, 30_000n);

  const peer = await ScriptedPeer.connect(exchange);
  peer.send(accountLogin(VIEWER));
  await peer.expect("eto.login_response", 1n);
  await peer.expect("seto.throttle_limits_changed", 2n);
  const subscribeSeq = peer.send(setoPayload("seto.market_subscribe", { marketId: 1 }));
  t.is(subscribeSeq, 2n);
  const { body: snapshot } = await peer.expect("seto.market_quotes", 3n);
  const first = snapshot.contractQuotes.find((c) => c.contractId === 1) as seto.ContractQuotes;
  let view: View = { offers: first.offers, bids: first.bids };
  t.deepEqual(view, views[0], "the snapshot shows the first depth row");

  const steps: (() => void)[] = [
    // "Contract updated with a new buy price at 50%".
    () => order(MAKER, seto.Side.SIDE_BUY, 50, 100_000n),
    // 45% "has updated since it fell off the end" (unseen: outside the view); then "a sell order comes in at 50%".
    () => {
      order(MAKER, seto.Side.SIDE_BUY, 45, 300_000n);
      order(SELLER, seto.Side.SIDE_SELL, 50, 400_000n);
    },
    // The 55% sell leaves while out of view ("no more liquidity worse than 54%"); then "a buy order at 51%".
    () => {
      cancel(resting.get(55) as bigint);
      order(BUYER, seto.Side.SIDE_BUY, 51, 380_000n);
    },
    // "All 48% is cancelled".
    () => cancel(resting.get(48) as bigint),
  ];
  for (const [i, step] of steps.entries()) {
    const doc = updates[i] as DocUpdate;
    const at = `update ${i + 1}`;
    const expectedSeq = peer.in;
    step();
    const { body: update } = await peer.expect("seto.contract_quotes", expectedSeq);
    t.is(peer.in, expectedSeq + 1n, `${at}: the client's In moves on`);
    t.is(exchange.sessions.list()[0]?.nextOutSeq, expectedSeq + 1n, `${at}: the exchange's Out moves on`);
    t.is(update.contractId, 1);
    const next = views[i + 1] as View;
    // Exactly the quotes the doc lists (in whatever order): a level pushed out of view is not among them.
    t.deepEqual(sorted(update.bids), sorted(doc.bids), `${at}: bids`);
    t.deepEqual(sorted(update.offers), sorted(doc.offers), `${at}: offers`);
    t.deepEqual(
      update.executions.map((e) => ({ price: e.price, quantity: e.quantity, liquidity: e.liquidity })),
      doc.executions,
      `${at}: executions`,
    );
    view = applyAsDocClient(view, update);
    t.deepEqual(view, next, `${at}: a client following the doc shows the next depth row`);
    t.deepEqual(
      { bids: sorted(exchange.engine.marketQuotes(1)?.contracts[0]?.bids ?? []), offers: sorted(exchange.engine.marketQuotes(1)?.contracts[0]?.offers ?? []) },
      { bids: sorted(next.bids), offers: sorted(next.offers) },
      `${at}: the exchange's own view agrees`,
    );
  }
  t.is(peer.unread, 0, "nothing else was sent to the viewer");
  peer.destroy();
});
