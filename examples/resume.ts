// Sessions survive a dropped connection: resume by hand with the saved state,
// or let the client reconnect (with backoff) and resume by itself.
import { startExchange } from "smarkets-streaming/exchange";
import { StreamingAPIClient } from "smarkets-streaming";

const exchange = await startExchange();
const endpoint = { username: "demo", password: "demo", host: exchange.host, port: exchange.port, tls: false };

// 1. By hand: keep resumeState, and give it to a new client later.
const first = new StreamingAPIClient(endpoint);
await first.login();
first.subscribe(1);
await first.flush();
const saved = first.resumeState; // { sessionId, nextInSeq, nextOutSeq }
await first.close(); // no logout: the session stays resumable

const second = new StreamingAPIClient({ ...endpoint, sessionId: saved.sessionId, inSeq: saved.nextInSeq, outSeq: saved.nextOutSeq });
const info = await second.login();
console.log(`resumed ${info.sessionId}: ${info.resumed}`); // anything missed in between is replayed
await second.logout();

// 2. Automatically: reconnect with exponential backoff and jitter; fatal logout
//    reasons (unauthorised, unverified, our own logout) stop it.
const client = new StreamingAPIClient(endpoint, { reconnect: { initialDelayMs: 100, maxDelayMs: 5_000 } });
void (async () => {
  for await (const s of client.statuses()) {
    if (s.state === "reconnecting") console.log(`reconnecting in ${s.delayMs.toFixed(0)} ms (attempt ${s.attempt})`);
    if (s.state === "logged-in") console.log(`logged in (${s.resumed ? "resumed" : "new session"})`);
  }
})();
const { sessionId } = await client.login();
exchange.faults.cutAfter(1, { sessionId }); // the exchange cuts the connection after its next frame
await client.ping().catch(() => undefined); // this ping's pong is the frame after which it cuts
await new Promise((resolve) => setTimeout(resolve, 500));
console.log(`same session: ${client.resumeState.sessionId === sessionId}`);
await client.logout();
await exchange.close();
