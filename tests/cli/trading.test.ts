// order, orders and cancel against simulators the test runs: an order is
// accepted (and listed while live), a cancel takes it off the list, a second
// cancel is refused; cancel --all cancels every order; a rejection or an
// invalid order exits 3 with the exchange's reason.
import test from "ava";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { runCli, testExchange, type TestExchange } from "./helpers/cli.js";

let ex: TestExchange;
test.before(async () => {
  ex = await testExchange();
});
test.after.always(async () => {
  await ex?.exchange.close();
});

const order = (...extra: string[]) => ["order", "--market", "1", "--contract", "2", "--side", "buy", "--quantity", "£12", ...extra, ...ex.flags];

test("order, orders, cancel, orders, cancel again", async (t) => {
  const placed = await runCli(order("--price", "25%", "--label", "cli-test", "--tif", "gtc"));
  t.is(placed.code, 0, placed.stderr);
  const match = /^accepted: order (\d+) \(buy £12\.00 payoff of contract 2 in market 1 at 25% \(4\.0\); reference \d+, account sequence \d+\)$/m.exec(placed.stdout);
  t.truthy(match, placed.stdout);
  const orderId = match![1]!;
  t.regex(placed.stdout, /^state: live: £0\.00 of £12\.00 executed, £12\.00 open$/m);

  // Listed from the account's event history, by a new session.
  const listed = await runCli(["orders", ...ex.flags]);
  t.is(listed.code, 0, listed.stderr);
  const [header, row, ...rest] = listed.stdout.trim().split("\n");
  t.regex(header!, /^order +market +contract +side +price +quantity +executed +open +status +label$/);
  t.regex(row!, new RegExp(`^${orderId} +1 +2 +buy +25% \\(4\\.0\\) +£12\\.00 +£0\\.00 +£12\\.00 +live +cli-test$`));
  t.deepEqual(rest, []);

  const cancelled = await runCli(["cancel", orderId, ...ex.flags]);
  t.is(cancelled.code, 0, cancelled.stderr);
  t.is(cancelled.stdout, `cancelled: order ${orderId} (ORDER_CANCELLED_MEMBER_REQUESTED)\n`);

  const after = await runCli(["orders", ...ex.flags]);
  t.is(after.code, 0, after.stderr);
  t.is(after.stdout, "no live orders\n");

  const again = await runCli(["cancel", orderId, ...ex.flags]);
  t.is(again.code, 3);
  t.is(again.stdout, `rejected: ORDER_CANCEL_REJECTED_NOT_LIVE (cancel of order ${orderId})\n`);
});

test("cancel --all --market 1 cancels every live order of the account there, listing each", async (t) => {
  const { exchange, flags } = await testExchange();
  t.teardown(() => exchange.close());
  const me = new StreamingAPIClient({ username: "demo", password: "demo", host: exchange.host, port: exchange.port, tls: false }, { logger: silentLogger });
  await me.login();
  const ids: bigint[] = [];
  for (const price of [2000, 1000]) ids.push((await me.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price, quantity: 10_000n })).orderId);
  await me.logout();
  const all = await runCli(["cancel", "--all", "--market", "1", ...flags]);
  t.is(all.code, 0, all.stderr);
  t.is(all.stdout, `cancel-all accepted in market 1: 2 order(s) cancelled\n${ids.map((id) => `cancelled: order ${id} (ORDER_CANCELLED_MEMBER_REQUESTED)\n`).join("")}`);
});

test("an order the exchange rejects: exit 3 with the reason", async (t) => {
  const { code, stdout } = await runCli(["order", "--market", "99", "--contract", "1", "--side", "sell", "--price", "2500", "--quantity", "10000", ...ex.flags]);
  t.is(code, 3);
  t.regex(stdout, /^rejected: ORDER_REJECTED_MARKET_NOT_FOUND \(sell £1\.00 payoff of contract 1 in market 99 at 25% \(4\.0\); reference \d+\)\n$/);
});

test("an order the exchange finds invalid (the simulator trades whole pounds): exit 3 with the reasons", async (t) => {
  const { code, stdout } = await runCli(["order", "--market", "1", "--contract", "1", "--side", "buy", "--price", "2500", "--quantity", "£1.50", ...ex.flags]);
  t.is(code, 3);
  t.is(stdout, "invalid: ORDER_INVALID_INVALID_QUANTITY (buy £1.50 payoff of contract 1 in market 1 at 25% (4.0))\n");
});
