// The bot the kill -9 test crashes: trades and receives quotes against the
// simulated exchange through the package's compiled entry (plain node, as a
// user runs it), keeping its session in a FileSessionStore. It logs every
// payload its handlers saw (with its seq and whether it was flagged
// redelivered) and every order it placed, each line written synchronously so
// the log survives the kill; then, at the point its plan names, it kills
// itself with SIGKILL (the parent kills the "timer" ones from outside).
//
//   node bot.mjs <store file> <host> <port> <log file> <plan JSON>
//   plan: { kind: "create-sync" | "create-later" | "accepted" | "executed" | "quotes" | "timer", nth, seed }
//
// Log lines: S <restored session> <next in seq> <delivered below> <orders> <recovered?>
//            O <reference> <status>      (an order the store held)
//            R <session>                 (a login response: the stream's session)
//            L <session> <resumed 0|1>
//            D <seq> <redelivered 0|1> <is_replay 0|1> <name>
//            P <reference>
//            K <point>                   (about to kill itself)
import * as fs from "node:fs";
import { FileSessionStore, odds, silentLogger, StreamingAPIClient } from "smarkets-streaming";

const [storeFile, host, port, logFile, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);
const log = fs.openSync(logFile, "a");
const line = (text) => fs.writeSync(log, `${text}\n`);
const die = (point) => {
  line(`K ${point}`);
  process.kill(process.pid, "SIGKILL");
};

let seed = plan.seed >>> 0;
/** mulberry32: the plan's seed decides every order. */
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

let client;
try {
  client = new StreamingAPIClient(
    { username: "demo", password: "demo", host, port: Number(port), tls: false },
    { store: new FileSessionStore(storeFile), logger: silentLogger, trading: { requestTimeoutMs: 120_000 } },
  );
} catch (e) {
  line(`X ${e.name}: ${e.message}`);
  process.exit(3);
}
const r = client.restored;
line(`S ${r?.sessionId ?? "-"} ${r?.nextInSeq ?? 1n} ${r?.deliveredBelow ?? 1n} ${r?.orders.length ?? 0} ${r?.recovered === undefined ? "-" : "recovered"}`);
for (const o of r?.orders ?? []) line(`O ${o.order.reference ?? "-"} ${o.order.status}`);

const counts = { accepted: 0, executed: 0, quotes: 0, create: 0 };
const kindOf = { "seto.order_accepted": "accepted", "seto.order_executed": "executed", "seto.contract_quotes": "quotes" };
client.addGlobalHandler((_message, event) => {
  if (event.name === "eto.login_response") line(`R ${event.message.session}`);
  line(`D ${event.seq} ${event.redelivered ? 1 : 0} ${event.isReplay ? 1 : 0} ${event.name}`);
  // After the log line: the handlers of this payload ran, its seq is not saved yet.
  const kind = kindOf[event.name];
  if (kind !== undefined && plan.kind === kind && ++counts[kind] === plan.nth) die(`${kind} ${event.seq}`);
});

const info = await client.login();
line(`L ${info.sessionId} ${info.resumed ? 1 : 0}`);
client.trading.subscribe(1).catch(() => undefined);

const aggressive = { buy: odds.ticksAbove(5000, 12).at(-1), sell: odds.ticksBelow(5000, 12).at(-1) };
const passive = { buy: odds.ticksBelow(5000, 20).at(-1), sell: odds.ticksAbove(5000, 20).at(-1) };
setInterval(() => {
  if (client.state !== "logged-in") return;
  const side = random() < 0.5 ? "buy" : "sell";
  const price = random() < 0.5 ? aggressive[side] : passive[side];
  const reference = BigInt(Math.floor(random() * 2 ** 52)) + 1n;
  line(`P ${reference}`);
  client.trading
    .placeOrder({ marketId: 1, contractId: random() < 0.5 ? 1 : 2, side, price, quantity: 10_000n * BigInt(1 + Math.floor(random() * 4)), reference })
    .catch(() => undefined);
  if ((plan.kind === "create-sync" || plan.kind === "create-later") && ++counts.create === plan.nth) {
    // Sync: stamped and stored, not committed, not sent. Later: committed and written to the socket.
    if (plan.kind === "create-sync") die(`create-sync ${reference}`);
    else setImmediate(() => die(`create-later ${reference}`));
  }
  const live = client.trading.orders.live();
  if (live.length > 6 || (live.length > 0 && random() < 0.15)) {
    client.trading.cancelOrder(live[Math.floor(random() * live.length)].orderId).catch(() => undefined);
  }
}, 4);
