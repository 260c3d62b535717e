// `smarkets demo` (what `npm start` runs): a short scripted session written
// with the awaitable API — login, ping, subscribe and show the book, place an
// order, see it accepted and executed, cancel the rest, logout — printed as a
// numbered transcript. Against a simulator started for it by default, or any
// exchange the connection options name.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { formatRational } from "../../runtime/odds/index.js";
import type { ContractBookView } from "../../runtime/trading/index.js";
import { integerArg } from "../args.js";
import { pounds, price } from "../amounts.js";
import { flagCommand, type Command } from "../command.js";
import { CONNECTION_FLAGS, CONNECTION_HELP, connectionArgs } from "../connection-args.js";
import { EXIT } from "../exit-codes.js";
import { withSession } from "../session.js";
import { Transcript } from "../transcript.js";
import { waitForOrder } from "../wait-for-order.js";

const FLAGS = { ...CONNECTION_FLAGS, "--market": "value" } as const;

const HELP = `usage: smarkets demo [--market ID] [connection options]

Runs a short scripted session and prints what happened: login, ping,
subscribe and show a book, place an order, see it accepted and executed,
cancel the rest, logout. ("npm start" in a clone runs it.)

  --market ID        the market to subscribe to and trade in (default 1)

${CONNECTION_HELP}`;

const FILL_WAIT_MS = 3_000;
/** £5 of payoff more than the best offer shows, so the order fills in part and rests in part. */
const EXTRA = 50_000n;

/** The contract with the deepest best offer: buying there fills at once. */
function pickOffer(books: (ContractBookView | undefined)[]): ContractBookView | undefined {
  return books
    .filter((b): b is ContractBookView => b?.bestOffer !== undefined)
    .sort((a, b) => (a.bestOffer!.quantity > b.bestOffer!.quantity ? -1 : 1))[0];
}

export const demoCommand: Command = flagCommand({
  name: "demo",
  summary: "a scripted session: login, book, order, execution, cancel, logout",
  help: HELP,
  flags: FLAGS,
  positionals: 0,
  async run(args, io) {
    const marketText = args.values.get("--market");
    const marketId = marketText === undefined ? 1 : integerArg("--market", marketText, 1, 0xffff_ffff);
    const conn = connectionArgs(args, io.env);
    const started = performance.now();
    const t = new Transcript(io.stdout);
    // The simulator's traders stay still while the demo trades, so the order it places fills as shown.
    const options = { liveActivity: false, quiet: true };
    return withSession(conn, io, options, async ({ client, where, username, timeoutMs, login, embedded }) => {
      const opts = { timeoutMs, signal: io.interrupted };
      t.line("Smarkets streaming client demo");
      t.line(embedded ? `exchange: embedded simulator at ${embedded.address} (plain TCP on loopback; account "${username}")` : `exchange: ${where}`);
      t.line();
      t.step("login", `logged in, session ${login.sessionId} (${login.resumed ? "resumed" : "new"})`);

      t.step("ping", `round trip ${(await client.ping(opts)).toFixed(2)} ms`);

      const snapshot = await client.trading.subscribe(marketId, opts);
      t.step("subscribe", `market ${marketId}: snapshot of ${snapshot.contractQuotes.length} contract(s)`);
      const books = snapshot.contractQuotes.map((c) => client.trading.books.contract(marketId, c.contractId));
      snapshot.contractQuotes.forEach((c, i) => t.book(books[i], c.contractId));

      const target = pickOffer(books);
      const contractId = target?.contractId ?? snapshot.contractQuotes[0]?.contractId ?? 1;
      const bps = target?.bestOffer?.price ?? 2500;
      const quantity = (target?.bestOffer?.quantity ?? 0n) + EXTRA;
      const accepted = await client.trading.placeOrder({ marketId, contractId, side: "buy", price: bps, quantity, label: "demo" }, opts);
      t.step("order", `BUY ${pounds(quantity)} payoff of contract ${contractId} at ${price(bps)}`);
      t.detail(`accepted: order ${accepted.orderId}, reference ${accepted.reference}, account sequence ${accepted.accountSequence ?? "-"}`);

      const filled = await waitForOrder(client, accepted.orderId, (o) => o.executedQuantity > 0n, FILL_WAIT_MS);
      if (filled?.averagePrice) {
        const avg = formatRational({ num: filled.averagePrice.num, den: filled.averagePrice.den * 100n }, 2);
        t.step("executed", `${pounds(filled.executedQuantity)} of ${pounds(quantity)} at an average ${avg}%`);
      } else {
        t.step("executed", `nothing filled within ${FILL_WAIT_MS / 1000} s (no matching offers); carrying on`);
      }

      const open = client.trading.orders.get(accepted.orderId);
      if (open && open.remainingQuantity > 0n) {
        const cancelled = await client.trading.cancelOrder(accepted.orderId, opts);
        t.step("cancel", `the remaining ${pounds(open.remainingQuantity)} cancelled (${seto.OrderCancelledReason[cancelled.reason]})`);
      } else {
        t.step("cancel", "nothing left to cancel: the order was filled in full");
      }

      const reason = await client.logout(opts);
      t.step("logout", reason === undefined ? "connection closed before the confirmation" : `confirmed (${eto.LogoutReason[reason]})`);
      t.line();
      t.line(`done in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      return EXIT.ok;
    });
  },
});
