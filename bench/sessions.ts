// Issue 9, goal 4: many sessions in one process. 1,000 clients of the
// compiled package (public API: `new StreamingAPIClient`, `login`,
// `trading.subscribe`), each logged in to the simulated exchange running in
// another process (support/sessions-exchange.ts) and keeping the book of one
// of its 20 markets, where simulated trading goes on. Reported:
// - memory per session: the growth of this process's RSS (and of its JS
//   heap, after a full GC) from before the first client to all of them
//   logged in and subscribed, divided by the number of sessions — against
//   the process before (the baseline), the target is < 256 KB per session;
// - CPU: this process's CPU time over a 10 s window of trading activity,
//   as a share of one core, and per payload received, against the bare
//   generated decoder's time per payload over payloads sampled from the
//   same window (the baseline measured in the same run).
//
// Run: npm run bench -- sessions; or, built, node --expose-gc bench/build/sessions.js
import { StreamingAPIClient } from "smarkets-streaming";
import { seto } from "smarkets-streaming/protocol";
import { isObject, startPeer } from "./support/peer-process.js";

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 1_000);
const MARKETS = 20;
const LOGINS_AT_ONCE = 50;
const WINDOW_S = Number(process.env.BENCH_WINDOW_S ?? 10);
const TARGET_PER_SESSION = 256 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

console.log(`node ${process.version}${gc === undefined ? " (no --expose-gc: heap figures include garbage)" : ""}`);
const exchange = await startPeer("sessions-exchange.js", [String(SESSIONS), String(MARKETS)]);
const exchangeCpu = async (): Promise<number> => {
  const answer = exchange.next((m) => (isObject(m) && typeof m.cpuSeconds === "number" ? m.cpuSeconds : undefined));
  exchange.process.send({ cpu: true });
  return answer;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let received = 0;
let sampling = false;
const sampled: Uint8Array[] = [];

gc?.();
const before = process.memoryUsage();
const started = process.hrtime.bigint();
const clients: StreamingAPIClient[] = [];
for (let first = 0; first < SESSIONS; first += LOGINS_AT_ONCE) {
  const batch = Array.from({ length: Math.min(LOGINS_AT_ONCE, SESSIONS - first) }, async (_, k) => {
    const i = first + k;
    const client = new StreamingAPIClient({ username: "bench", password: "bench", host: "127.0.0.1", port: exchange.port, tls: false });
    client.addHandler("seto.contract_quotes", (_m, event) => {
      received++;
      if (sampling && sampled.length < 50_000) sampled.push(event.bytes.slice());
    });
    await client.login();
    await client.trading.subscribe(1 + (i % MARKETS));
    clients.push(client);
  });
  await Promise.all(batch);
}
const loginSeconds = Number(process.hrtime.bigint() - started) / 1e9;
await sleep(2_000); // books filled, timers armed: the steady state
gc?.();
const after = process.memoryUsage();

// CPU over a window of activity.
const receivedBefore = received;
const exchangeBefore = await exchangeCpu();
sampling = true;
const cpu = process.cpuUsage();
const windowStart = process.hrtime.bigint();
await sleep(WINDOW_S * 1000);
const used = process.cpuUsage(cpu);
const windowSeconds = Number(process.hrtime.bigint() - windowStart) / 1e9;
sampling = false;
const exchangeUsed = (await exchangeCpu()) - exchangeBefore;
const payloads = received - receivedBefore;
const cpuSeconds = (used.user + used.system) / 1e6;

// Baseline: the bare decoder over payloads of the window.
let sink = 0;
const decodeStart = process.cpuUsage();
for (let round = 0; round < 5; round++) for (const bytes of sampled) sink += seto.Payload.decode(bytes).type;
const decodeUsed = process.cpuUsage(decodeStart);
const decodeMicros = (decodeUsed.user + decodeUsed.system) / (5 * sampled.length);

const stillIn = clients.filter((c) => c.state === "logged-in").length;
await Promise.all(clients.map((c) => c.close()));
await exchange.stop();
if (stillIn !== SESSIONS) throw new Error(`${SESSIONS - stillIn} of ${SESSIONS} sessions were no longer logged in at the end`);

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const rssPerSession = (after.rss - before.rss) / SESSIONS;
const heapPerSession = (after.heapUsed - before.heapUsed) / SESSIONS;
const externalPerSession = (after.external + after.arrayBuffers - before.external - before.arrayBuffers) / SESSIONS;
const clientMicros = (cpuSeconds * 1e6) / payloads;
console.log(`${SESSIONS.toLocaleString("en-US")} sessions logged in and subscribed (${MARKETS} markets) in ${loginSeconds.toFixed(1)} s, ${LOGINS_AT_ONCE} logins at a time`);
console.log(
  `memory: RSS ${mb(before.rss)} before → ${mb(after.rss)} after: ${kb(rssPerSession)} per session; ` +
    `JS heap ${kb(heapPerSession)} and buffers ${kb(externalPerSession)} per session (after a full GC)`,
);
console.log(
  `CPU over ${windowSeconds.toFixed(1)} s of trading: ${((cpuSeconds / windowSeconds) * 100).toFixed(1)}% of a core for ` +
    `${payloads.toLocaleString("en-US")} contract_quotes (${(payloads / windowSeconds).toFixed(0)}/s, heartbeats and timers besides): ` +
    `${clientMicros.toFixed(1)} µs per payload, against ${decodeMicros.toFixed(1)} µs for the bare decoder over ${sampled.length.toLocaleString("en-US")} of them; ` +
    `the exchange process used ${((exchangeUsed / windowSeconds) * 100).toFixed(0)}% of a core`,
);
console.log(`checksum ${sink}`);
console.log(
  `ratio sessions: ${kb(rssPerSession)} RSS per session (${mb(before.rss)} before, ${mb(after.rss)} with ${SESSIONS.toLocaleString("en-US")}) [target < ${kb(TARGET_PER_SESSION)}]  ` +
    `CPU per payload ${(clientMicros / decodeMicros).toFixed(2)}x the bare decoder's`,
);
