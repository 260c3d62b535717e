// smarkets watch prints the snapshot and then one book per update (stdout is
// a pipe here), stopping after --updates N; the updates come from orders a
// second client places while it watches.
import test from "ava";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { LineReader, outcome, spawnCli, testExchange } from "./helpers/cli.js";

test("watch --updates 2: the snapshot, two updated books, exit 0", async (t) => {
  const { exchange, flags } = await testExchange();
  t.teardown(() => exchange.close());
  const child = spawnCli(["watch", "1", "--updates", "2", ...flags]);
  const reader = new LineReader(child);
  const done = outcome(child);
  await reader.until(/^\[\d\d:\d\d:\d\d\] snapshot$/);

  const trader = new StreamingAPIClient({ username: "demo2", password: "demo2", host: exchange.host, port: exchange.port, tls: false }, { logger: silentLogger });
  await trader.login();
  await trader.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2000, quantity: 30_000n });
  await reader.until(/update 1: contract 1/);
  await trader.trading.placeOrder({ marketId: 1, contractId: 2, side: "sell", price: 5000, quantity: 70_000n });
  await trader.logout();

  const { code, stderr } = await done;
  t.is(code, 0, stderr);
  const books = reader.lines.join("\n").trim().split("\n\n");
  t.is(books.length, 3);
  t.regex(books[0]!, /snapshot\nmarket 1: 2 contract\(s\), traded £0\.00\ncontract 1\n  no quotes\ncontract 2\n  no quotes$/);
  t.regex(books[1]!, /update 1: contract 1\n.*\ncontract 1\n +bid quantity +bid \| offer +offer quantity\n +£3\.00 +20% \(5\.0\) \|\ncontract 2\n  no quotes$/);
  t.regex(books[2]!, /update 2: contract 2\n[^]*contract 2\n +bid quantity +bid \| offer +offer quantity\n +\| 50% \(2\.0\) +£7\.00$/);
  t.false(reader.lines.join("\n").includes("\x1b["), "no terminal escapes in a pipe");
  t.deepEqual(exchange.sessions.ofUser("demo"), [], "it logged out");
});

test("watch --seconds stops after that long even with no updates", async (t) => {
  const { exchange, flags } = await testExchange();
  t.teardown(() => exchange.close());
  const { code, stdout, stderr } = await outcome(spawnCli(["watch", "1", "--seconds", "0.5", ...flags]));
  t.is(code, 0, stderr);
  t.regex(stdout, /snapshot\nmarket 1/);
});

test("Ctrl-C (SIGINT) ends the watch with a logout and exit 0", async (t) => {
  const { exchange, flags } = await testExchange();
  t.teardown(() => exchange.close());
  const child = spawnCli(["watch", "1", ...flags]);
  const reader = new LineReader(child);
  const done = outcome(child);
  await reader.until(/snapshot/);
  child.kill("SIGINT");
  const { code, stderr } = await done;
  t.is(code, 0, stderr);
  t.deepEqual(exchange.sessions.ofUser("demo"), []);
});
