// Awaitable orders, our orders' state, and live books (client.trading).
import { startExchange } from "smarkets-streaming/exchange";
import { OrderRejectedError, StreamingAPIClient, ids, odds } from "smarkets-streaming";

const exchange = await startExchange({ accounts: [{ username: "demo", password: "demo" }, { username: "other", password: "other" }] });
const connect = (username: string) =>
  new StreamingAPIClient({ username, password: username, host: exchange.host, port: exchange.port, tls: false });
const me = connect("demo");
const other = connect("other");
await Promise.all([me.login(), other.login()]);

// A resting offer from someone else: SELL £20 payoff at 40%.
await other.trading.placeOrder({ marketId: 1, contractId: 1, side: "sell", price: 4000, quantity: 200_000n });

// Subscribe: resolves with the snapshot; the book then follows every update.
await me.trading.subscribe(1);
console.log("best offer:", me.trading.books.contract(1, 1)?.bestOffer);

// Buy £30 payoff at up to 40%: £20 fills against the offer, £10 rests.
const order = await me.trading.placeOrder(
  { marketId: 1, contractId: 1, side: "buy", price: odds.fromPercent("40"), quantity: 300_000n, label: "example" },
  { timeoutMs: 5_000 },
);
console.log(`accepted: order ${order.orderId} (reference ${order.reference})`);
await me.ping(); // the executions arrived before the pong
const view = me.trading.orders.get(order.orderId)!;
console.log(`${view.status}: executed ${view.executedQuantity}, remaining ${view.remainingQuantity}`);

// Reduce, then cancel what is left; each resolves with the exchange's answer.
await me.trading.reduceOrder(order.orderId, 250_000n);
const cancelled = await me.trading.cancelOrder(order.orderId);
console.log(`cancelled, reason ${cancelled.reason}`);

// Refusals are typed errors carrying the exchange's reason.
try {
  await me.trading.placeOrder({ marketId: 99, contractId: 1, side: "buy", price: 2500, quantity: 10_000n });
} catch (e) {
  if (e instanceof OrderRejectedError) console.log(`rejected: ${e.reasonName}`);
}
// Bad input never reaches the wire: 2501 is not on the price ladder.
try {
  await me.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2501, quantity: 10_000n });
} catch (e) {
  console.log(`${(e as Error).name}: ${(e as Error).message}`);
}

// Order ids print as the seed's slugs too.
console.log(`order slug: ${ids.TaggedId.fromInt(order.orderId, "Order").toSlug()}`);

await Promise.all([me.logout(), other.logout()]);
await exchange.close();
