// A bot that survives kill -9: its session lives in a FileSessionStore. The
// bot (a child process here) places an order and is killed with SIGKILL
// before it reads the answer; a new process opens the same file, resumes the
// session, and the exchange's replay settles the order it had in flight.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FileSessionStore, StreamingAPIClient } from "smarkets-streaming";
import { startExchange } from "smarkets-streaming/exchange";

const [role, file, port] = process.argv.slice(2);
const endpoint = (p: string) => ({ username: "demo", password: "demo", host: "127.0.0.1", port: Number(p), tls: false });

if (role === "bot") {
  // The bot: log in (resuming whatever the file holds), place an order, and die before its answer is read.
  const client = new StreamingAPIClient(endpoint(port!), { store: new FileSessionStore(file!) });
  await client.login();
  client.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n, reference: 42n }).catch(() => undefined);
  while (client.trading.orders.byReference(42n) === undefined) await new Promise((resolve) => setImmediate(resolve));
  await client.flush(); // the order-create is saved in the file, then written to the socket
  process.kill(process.pid, "SIGKILL"); // kill -9, before its answer is read
} else {
  const exchange = await startExchange();
  const dir = mkdtempSync(join(tmpdir(), "bot-"));
  const store = join(dir, "bot.session");
  const bot = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "bot", store, String(exchange.port)], { stdio: "inherit" });
  const [, signal] = await new Promise<[number | null, string | null]>((resolve) => bot.on("exit", (code, sig) => resolve([code, sig])));
  console.log(`bot ended by ${signal}`);

  // The next process: same file, same session.
  const client = new StreamingAPIClient(endpoint(String(exchange.port)), { store: new FileSessionStore(store) });
  console.log(`the store held session ${client.restored?.sessionId}, order 42 ${client.trading.orders.byReference(42n)?.status}`);
  client.addGlobalHandler((_message, event) => {
    if (event.redelivered) console.log(`${event.name} seq ${event.seq} comes again (flagged redelivered)`);
  });
  const info = await client.login();
  await client.ping(); // everything the exchange queued before the pong has been handled
  console.log(`resumed: ${info.resumed}; order 42 ${client.trading.orders.byReference(42n)?.status}`);
  await client.logout();
  await exchange.close();
  rmSync(dir, { recursive: true, force: true });
}
