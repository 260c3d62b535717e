// Issue 9, goal 3: does anything in the client grow with the payloads or the
// orders it has seen? The compiled client, through its public API, keeps
// books (`trading.subscribe`) and has handlers on the quotes and executions
// while a server in another process (support/memory-server.ts) plays 5
// million payloads: the firehose's quotes and heartbeats, and executions of
// ever-new orders (each filled in 1–3 parts, then done), which the trading
// layer applies to `trading.orders`. The process's RSS after the first
// 100,000 payloads is the baseline; after all 5 million it must be within
// 20 MB of it. Each sample is taken after a full GC (run-all runs node with
// --expose-gc), so the heap figure is what is live.
//
// Run: npm run bench -- memory; or, built, node --expose-gc bench/build/memory.js
import { getHeapSpaceStatistics, getHeapStatistics } from "node:v8";
import { StreamingAPIClient, type SmarketsError } from "smarkets-streaming";
import { firehoseFile } from "./support/firehose-file.js";
import { FIREHOSE_MARKET } from "./support/firehose-stream.js";
import { startPeer } from "./support/peer-process.js";

const COUNT = Number(process.env.BENCH_PAYLOADS ?? 5_000_000);
const BASELINE_AT = 100_000;
const SAMPLE_EVERY = 500_000;
const LAST_SEQ = BigInt(COUNT + 1);
const gc = (globalThis as { gc?: () => void }).gc;

console.log(`node ${process.version}${gc === undefined ? " (no --expose-gc: samples are taken without a full GC first)" : ""}`);
const file = firehoseFile(200_000, 9);
const peer = await startPeer("memory-server.js", [file.path, String(COUNT)]);

interface Sample {
  readonly payloads: number;
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  /** V8's heap as the OS sees it (physical pages), and its young generation's share: RSS that is V8's sizing, not live data. */
  readonly heapPhysical: number;
  readonly youngPhysical: number;
  readonly orders: number;
  readonly seconds: number;
}
const samples: Sample[] = [];
const started = process.hrtime.bigint();
let nextSample = BASELINE_AT;

const client = new StreamingAPIClient({ username: "bench", password: "bench", host: "127.0.0.1", port: peer.port, tls: false });
const errors: SmarketsError[] = [];
void (async () => {
  for await (const e of client.errors()) errors.push(e);
})();
function sample(payloads: number): void {
  gc?.();
  const m = process.memoryUsage();
  samples.push({
    payloads,
    rss: m.rss,
    heapUsed: m.heapUsed,
    external: m.external + m.arrayBuffers,
    heapPhysical: getHeapStatistics().total_physical_size,
    youngPhysical: getHeapSpaceStatistics()
      .filter((space) => space.space_name === "new_space" || space.space_name === "new_large_object_space")
      .reduce((sum, space) => sum + space.physical_space_size, 0),
    orders: client.trading.orders.all().length,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  });
}
let sink = 0;
let finish!: () => void;
const finished = new Promise<void>((resolve) => (finish = resolve));
const seen = (seq: bigint): void => {
  const payloads = Number(seq) - 1;
  if (payloads >= nextSample) {
    sample(payloads);
    nextSample = nextSample === BASELINE_AT ? SAMPLE_EVERY : nextSample + SAMPLE_EVERY;
  }
};
client.addHandler("seto.market_quotes", (m, e) => {
  sink += m.marketId;
  seen(e.seq);
});
client.addHandler("seto.contract_quotes", (m, e) => {
  sink += m.contractId;
  seen(e.seq);
});
client.addHandler("seto.order_executed", (m, e) => {
  sink += m.price;
  seen(e.seq);
  if (e.seq === LAST_SEQ) finish();
});
await client.login();
await client.trading.subscribe(FIREHOSE_MARKET);
await finished;
if (samples[samples.length - 1]?.payloads !== COUNT) sample(COUNT);
await client.close();
await peer.stop();
if (errors.length > 0) throw errors[0];

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`${COUNT.toLocaleString("en-US")} payloads through the client (books kept, executions of ever-new orders applied); after a full GC at each point:`);
console.log(
  `${"payloads".padStart(10)} ${"seconds".padStart(8)} ${"RSS".padStart(10)} ${"heap used".padStart(10)} ${"external".padStart(10)} ` +
    `${"V8 heap".padStart(10)} ${"young gen".padStart(10)} ${"orders kept".padStart(12)}`,
);
for (const s of samples) {
  console.log(
    `${s.payloads.toLocaleString("en-US").padStart(10)} ${s.seconds.toFixed(1).padStart(8)} ${mb(s.rss).padStart(10)} ${mb(s.heapUsed).padStart(10)} ${mb(s.external).padStart(10)} ${mb(s.heapPhysical).padStart(10)} ${mb(s.youngPhysical).padStart(10)} ${s.orders.toLocaleString("en-US").padStart(12)}`,
  );
}
const first = samples[0]!;
const last = samples[samples.length - 1]!;
const growth = last.rss - first.rss;
console.log(`checksum ${sink}`);
console.log(
  `ratio memory: RSS ${mb(last.rss)} after ${COUNT.toLocaleString("en-US")} payloads vs ${mb(first.rss)} after ${BASELINE_AT.toLocaleString("en-US")}: ` +
    `${growth >= 0 ? "+" : ""}${mb(growth)} [target within 20 MB]; heap used ${mb(last.heapUsed)} vs ${mb(first.heapUsed)}; ` +
    `V8 heap pages ${mb(last.heapPhysical)} vs ${mb(first.heapPhysical)}`,
);
