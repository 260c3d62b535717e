// Typed handler maps, a global handler, and the async iterators.
import { startExchange } from "smarkets-streaming/exchange";
import { StreamingAPIClient, type HandlerMap } from "smarkets-streaming";

const exchange = await startExchange();
const client = new StreamingAPIClient({ username: "demo", password: "demo", host: exchange.host, port: exchange.port, tls: false });

// Keys are checked against the protocol at compile time; each handler gets its own message type.
const handlers: HandlerMap = {
  "eto.login_response": (response) => console.log(`session ${response.session}`),
  "seto.throttle_limits_changed": (limits) => console.log(`throttle: ${limits.averageRatePs}/s, burst ${limits.burstSize}`),
};
client.addHandlers(handlers);
client.addGlobalHandler((_message, event) => console.log(`  #${event.seq} ${event.name}${event.isReplay ? " (replay)" : ""}`));

// Statuses and errors as async iterables (each iterator has its own bounded queue).
void (async () => {
  for await (const status of client.statuses()) console.log(`status: ${status.state}`);
})();
void (async () => {
  for await (const error of client.errors()) console.log(`error: ${error.name}: ${error.message}`);
})();

// Every incoming payload, in sequence order; narrowing on `name` types `message`.
const done = (async () => {
  for await (const event of client.payloads()) {
    if (event.name === "seto.market_quotes") console.log(`snapshot of market ${event.message.marketId}`);
  }
})();

await client.login();
client.subscribe(1);
await client.flush();
await client.ping();
await client.logout(); // ends the iterators
await done;
await exchange.close();
