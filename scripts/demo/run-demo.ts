// The scripted session behind `npm start`, written with the awaitable API:
// login, ping, subscribe and show the book, place an order, see it accepted
// and executed, cancel the rest, logout.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { startExchange, type ExchangeHandle } from "../../exchange/index.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { consoleLogger, silentLogger } from "../../runtime/logging/index.js";
import { formatRational } from "../../runtime/odds/index.js";
import type { ContractBookView } from "../../runtime/trading/index.js";
import type { DemoArgs } from "./args.js";
import { pounds, price, Transcript, type Out } from "./transcript.js";
import { waitForOrder } from "./wait-for-order.js";

const STEP_TIMEOUT_MS = 10_000;
const FILL_WAIT_MS = 3_000;
/** £5 of payoff more than the best offer shows, so the order fills in part and rests in part. */
const EXTRA = 50_000n;

async function embeddedExchange(): Promise<ExchangeHandle> {
  const ex = await startExchange({ activity: false, logger: silentLogger });
  // Simulated traders quote for a while, so the book has depth to show and trade against.
  for (let i = 0; i < 40; i++) ex.stepActivity();
  return ex;
}

/** The contract with the deepest best offer: buying there fills at once. */
function pickOffer(books: (ContractBookView | undefined)[]): ContractBookView | undefined {
  return books
    .filter((b): b is ContractBookView => b?.bestOffer !== undefined)
    .sort((a, b) => (a.bestOffer!.quantity > b.bestOffer!.quantity ? -1 : 1))[0];
}

export async function runDemo(args: DemoArgs, out: Out): Promise<number> {
  const t = new Transcript(out);
  const started = performance.now();
  const ex = args.host === undefined ? await embeddedExchange() : undefined;
  const endpoint = ex ? { host: ex.host, port: ex.port, tls: false } : { host: args.host!, port: args.port, tls: args.tls };
  const credentials = ex ? { username: "demo", password: "demo" } : args.credentials!;
  t.line("Smarkets streaming client demo");
  t.line(
    ex
      ? `exchange: embedded simulator at ${ex.address} (plain TCP on loopback; account "demo")`
      : `exchange: ${endpoint.host}:${endpoint.port} (${endpoint.tls ? "TLS, certificate verified" : "plain TCP"})`,
  );
  t.line();
  const client = new StreamingAPIClient({ ...credentials, ...endpoint }, { logger: consoleLogger({ level: "warn" }) });
  const opts = { timeoutMs: STEP_TIMEOUT_MS };
  try {
    const info = await client.login(opts);
    t.step("login", `logged in, session ${info.sessionId} (${info.resumed ? "resumed" : "new"})`);

    const rtt = await client.ping(opts);
    t.step("ping", `round trip ${rtt.toFixed(2)} ms`);

    const snapshot = await client.trading.subscribe(args.marketId, opts);
    t.step("subscribe", `market ${args.marketId}: snapshot of ${snapshot.contractQuotes.length} contract(s)`);
    const books = snapshot.contractQuotes.map((c) => client.trading.books.contract(args.marketId, c.contractId));
    snapshot.contractQuotes.forEach((c, i) => t.book(books[i], c.contractId));

    const target = pickOffer(books);
    const contractId = target?.contractId ?? snapshot.contractQuotes[0]?.contractId ?? 1;
    const bps = target?.bestOffer?.price ?? 2500;
    const quantity = (target?.bestOffer?.quantity ?? 0n) + EXTRA;
    const accepted = await client.trading.placeOrder(
      { marketId: args.marketId, contractId, side: "buy", price: bps, quantity, label: "demo" },
      opts,
    );
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
    return 0;
  } catch (e) {
    const err = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    t.line(`demo stopped: ${err}`);
    await client.close();
    return 1;
  } finally {
    await ex?.close();
  }
}
