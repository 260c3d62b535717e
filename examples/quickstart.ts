// Connect, log in, subscribe, place an order with a typed handler, log out.
// Runs against the embedded simulated exchange: `npx tsx examples/quickstart.ts`.
import { eto, seto } from "smarkets-streaming/protocol";
import { startExchange } from "smarkets-streaming/exchange";
import { StreamingAPIClient } from "smarkets-streaming";

const exchange = await startExchange(); // 127.0.0.1, ephemeral port, account demo/demo
const client = new StreamingAPIClient({
  username: "demo",
  password: "demo",
  host: exchange.host,
  port: exchange.port,
  tls: false, // the simulator speaks plain TCP unless given a key and certificate
});

client.addHandler("seto.order_accepted", (accepted, event) => {
  console.log(`order ${accepted.orderId} accepted (request seq ${accepted.seq}, payload seq ${event.seq})`);
});
client.addHandler("seto.market_quotes", (quotes) => {
  console.log(`market ${quotes.marketId}: ${quotes.contractQuotes.length} contracts`);
});

const { sessionId } = await client.login();
console.log(`logged in: session ${sessionId}`);
console.log(`ping: ${(await client.ping()).toFixed(2)} ms`);

client.subscribe(1);
client.order({ marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY, price: 2500, quantity: 400_000n });
await client.flush(); // both go out in one write

await client.ping(); // by the time the pong is back, the replies before it have been handled
const reason = await client.logout();
console.log(`logout: ${reason === undefined ? "no confirmation" : eto.LogoutReason[reason]}`);
await exchange.close();
