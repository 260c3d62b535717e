// Issue 9, goal 1 (and goal 5's figure): the client as a user runs it — the
// compiled package imported by name, `new StreamingAPIClient(...)`,
// `addHandler`, `login` — reading a 200,000-payload stream (firehose-stream.ts:
// 40% market_quotes snapshots, 40% contract_quotes, 15% order_executed, 5%
// heartbeats; 63 MB) that a server in another process writes to one loopback
// TCP connection as fast as the socket takes it. Against, in the same
// process and the same rounds:
//   (a) baseline: the bare generated decoder, `seto.Payload.decode`, over the
//       same payloads, pre-split, each in its own array;
//   (b) the client, handlers on the three common types (market_quotes,
//       contract_quotes, order_executed) reading one field each;
//   (c) the client, a handler on order_executed only (15% of the stream);
//   (d) the client keeping books: `trading.subscribe` of the stream's market,
//       its 8 contracts' books updated by every quote;
//   (e) for reference, the ceiling: a bare socket that logs in, subscribes
//       and reads the same stream without framing or decoding anything (no
//       client can read it faster on this machine; a ratio target above
//       (e)/(a) cannot be met here).
// A client run is timed from `new StreamingAPIClient` to the last payload's
// handler (connect, login and subscribe included: a millisecond); closing is
// not timed. Each case runs once per round, in turn; ratios are medians of
// the per-round ratio, in wall time and in CPU time (this process only).
// Then one more run of (b), untimed, counts the client's socket writes against
// the inbound chunks it read, and the server counts the heartbeat answers
// (goal 5: what is written while one chunk is handled goes out in one write).
//
// Targets: (b)/(a) >= 1.0, (c)/(a) >= 3.0; (d) is reported.
// Run: npm run bench -- firehose; or, built, node bench/build/firehose.js [a|b|c|d…]
import { connect, Socket } from "node:net";
import { StreamingAPIClient, type SmarketsError } from "smarkets-streaming";
import { eto, seto } from "smarkets-streaming/protocol";
import { encodeFrame, encodePayload } from "smarkets-streaming/internal";
import { readFileSync } from "node:fs";
import { formatBytes, formatMegabytes, formatRate, median, medianSpeedup, measureRoundsAsync, stopwatch, type RoundsMeasurement, type Timed } from "./harness.js";
import { firehoseFile, splitPayloads } from "./support/firehose-file.js";
import type { FirehoseReport } from "./support/firehose-server.js";
import { FIREHOSE_CONTRACTS, FIREHOSE_MARKET } from "./support/firehose-stream.js";
import { isObject, startPeer } from "./support/peer-process.js";

const FRAMES = 200_000;
const SEED = 9;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const LAST_SEQ = BigInt(FRAMES + 1); // the login response is seq 1

console.log(`node ${process.version}`);
const file = firehoseFile(FRAMES, SEED);
const framed = readFileSync(file.path);
const payloads = splitPayloads(framed);
if (payloads.length !== FRAMES) throw new Error(`the stream file holds ${payloads.length} payloads, not ${FRAMES}`);
const payloadBytes = payloads.reduce((sum, p) => sum + p.length, 0);
const counts = file.counts;
console.log(
  `stream: ${FRAMES.toLocaleString("en-US")} payloads, ${(framed.length / 1e6).toFixed(1)} MB framed: ` +
    Object.entries(counts)
      .map(([name, n]) => `${name} ${((n / FRAMES) * 100).toFixed(1)}%`)
      .join(", "),
);

const peer = await startPeer("firehose-server.js", [file.path]);
let sink = 0; // read at the end, so no handler's work is optimised away

function decodeAll(): Promise<Timed> {
  const watch = stopwatch();
  for (const payload of payloads) sink += seto.Payload.decode(payload).type;
  return Promise.resolve(watch.stop(FRAMES));
}

type Kind = "common" | "rare" | "books";

/** One client run over the whole stream; checks that every payload of a handled type arrived. */
async function clientRun(kind: Kind): Promise<Timed> {
  const watch = stopwatch();
  const client = new StreamingAPIClient({ username: "bench", password: "bench", host: "127.0.0.1", port: peer.port, tls: false });
  const errors: SmarketsError[] = [];
  void (async () => {
    for await (const e of client.errors()) errors.push(e);
  })();
  const seen = { market: 0, contract: 0, executed: 0 };
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  if (kind === "common") {
    client.addHandler("seto.market_quotes", (m) => {
      seen.market++;
      sink += m.marketId;
    });
    client.addHandler("seto.contract_quotes", (m) => {
      seen.contract++;
      sink += m.contractId;
    });
  }
  client.addHandler("seto.order_executed", (m, event) => {
    seen.executed++;
    sink += m.price;
    if (event.seq === LAST_SEQ) finish();
  });
  await client.login();
  if (kind === "books") {
    await client.trading.subscribe(FIREHOSE_MARKET);
  } else {
    client.subscribe(FIREHOSE_MARKET);
    await client.flush();
  }
  await finished;
  const timed = watch.stop(FRAMES);
  if (kind === "books") {
    for (const contract of FIREHOSE_CONTRACTS) {
      const book = client.trading.books.contract(FIREHOSE_MARKET, contract);
      if (book === undefined || book.bids.length === 0) throw new Error(`no book kept for contract ${contract}`);
      sink += book.bids[0]!.price;
    }
  }
  await client.close();
  if (errors.length > 0) throw errors[0];
  const expected = { market: kind === "common" ? counts["seto.market_quotes"] : 0, contract: kind === "common" ? counts["seto.contract_quotes"] : 0, executed: counts["seto.order_executed"] };
  if (seen.market !== expected.market || seen.contract !== expected.contract || seen.executed !== expected.executed) {
    throw new Error(`client (${kind}) handled ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`);
  }
  return timed;
}

/** Reads the stream off a bare socket: login, wait for its answer, subscribe, count bytes to the end. */
async function bareSocketRun(): Promise<Timed> {
  const watch = stopwatch();
  const socket = connect({ host: "127.0.0.1", port: peer.port, noDelay: true });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const login = encodePayload({ type: seto.PayloadType.PAYLOAD_LOGIN, etoPayload: { seq: 1n, type: eto.PayloadType.PAYLOAD_LOGIN }, login: { username: "bench", password: "bench" } });
  const subscribe = encodePayload({ type: seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE, etoPayload: { seq: 2n }, marketSubscribe: { marketId: FIREHOSE_MARKET } });
  const answered = new Promise<void>((resolve) => socket.once("data", () => resolve()));
  socket.write(encodeFrame(login));
  await answered; // the login response, alone: nothing else is sent before the subscribe
  let received = 0;
  await new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received >= framed.length) resolve();
    });
    socket.write(encodeFrame(subscribe));
  });
  const timed = watch.stop(FRAMES);
  socket.destroy();
  return timed;
}

const cases = [
  { key: "a", label: "(a) seto.Payload.decode, pre-split payloads", fn: decodeAll, bytes: payloadBytes },
  { key: "b", label: "(b) client, handlers on the 3 common types", fn: () => clientRun("common"), bytes: framed.length },
  { key: "c", label: "(c) client, a handler on order_executed only", fn: () => clientRun("rare"), bytes: framed.length },
  { key: "d", label: "(d) client, trading.subscribe books (8 contracts)", fn: () => clientRun("books"), bytes: framed.length },
  { key: "e", label: "(e) bare socket reading the stream (the ceiling)", fn: bareSocketRun, bytes: framed.length },
];
const only = process.argv[2];
const chosen = cases.filter((c) => only === undefined || only.includes(c.key));
const measured = await measureRoundsAsync(chosen.map((c) => ({ name: c.label, fn: c.fn })), { runs: RUNS, warmup: 1 });

const baseline = measured.find((m) => m.name.startsWith("(a)"));
const vs = (m: RoundsMeasurement, clock: "wall" | "cpu"): string => (baseline === undefined ? "n/a" : `${medianSpeedup(baseline, m, clock).toFixed(2)}x`);
console.log(`${"".padEnd(50)} ${"frames/s".padStart(10)} ${"MB/s".padStart(11)} ${"vs (a)".padStart(7)} ${"cpu vs (a)".padStart(10)} ${"GC share".padStart(8)} ${"alloc/frame".padStart(11)}`);
chosen.forEach((c, i) => {
  const m = measured[i]!;
  const gc = median(m.gcSeconds!.map((g, r) => g / m.seconds[r]!));
  const alloc = median(m.allocatedBytes!) / FRAMES;
  console.log(
    `${c.label.padEnd(50)} ${formatRate(m.opsPerSecond).padStart(10)} ${formatMegabytes((c.bytes / FRAMES) * m.opsPerSecond).padStart(11)} ` +
      `${vs(m, "wall").padStart(7)} ${vs(m, "cpu").padStart(10)} ${`${(gc * 100).toFixed(0)}%`.padStart(8)} ${formatBytes(alloc).padStart(11)}`,
  );
});
console.log(`median of ${RUNS} rounds (each case once per round, in turn) after a warm-up round; ratios: median of the per-round ratio`);

// Goal 5: writes per inbound chunk, counted on the socket itself (untimed).
async function countWrites(): Promise<string> {
  const proto = Socket.prototype as unknown as { write: (...a: unknown[]) => boolean; push: (chunk: unknown, ...rest: unknown[]) => boolean };
  const write = proto.write;
  const push = proto.push;
  let writes = 0;
  let chunks = 0;
  proto.write = function (this: unknown, ...args: unknown[]) {
    writes++;
    return write.apply(this, args);
  };
  proto.push = function (this: unknown, chunk: unknown, ...rest: unknown[]) {
    if (chunk !== null) chunks++;
    return push.call(this, chunk, ...rest);
  };
  const report = peer.next((m) => (isObject(m) && isObject(m.report) ? (m.report as unknown as FirehoseReport) : undefined));
  try {
    await clientRun("common");
  } finally {
    proto.write = write;
    proto.push = push;
  }
  const got = await report;
  const heartbeats = counts["eto.heartbeat"] ?? 0;
  if (got.heartbeats !== heartbeats) throw new Error(`the server received ${got.heartbeats} heartbeat answers, expected ${heartbeats}`);
  return (
    `writes: ${heartbeats.toLocaleString("en-US")} heartbeats answered (all received by the server) in ${writes.toLocaleString("en-US")} socket writes ` +
    `(login, subscribe and close included) over ${chunks.toLocaleString("en-US")} inbound chunks: ${(writes / chunks).toFixed(2)} writes per chunk\n` +
    `ratio outbound writes per inbound chunk: ${(writes / chunks).toFixed(2)} (${writes} writes, ${chunks} chunks, ${heartbeats} heartbeat answers) [target <= 1: one write per chunk at most]`
  );
}
if (only === undefined || only.includes("w")) console.log(await countWrites());

await peer.stop();
const ratio = (key: string, clock: "wall" | "cpu"): string => {
  const m = measured[chosen.findIndex((c) => c.key === key)];
  return m === undefined || baseline === undefined ? "n/a" : medianSpeedup(baseline, m, clock).toFixed(2);
};
const both = (key: string) => `${ratio(key, "wall")} (cpu ${ratio(key, "cpu")})`;
const base = baseline === undefined ? "n/a" : `${formatRate(baseline.opsPerSecond)}/s`;
console.log(`ratio firehose vs (a) bare decode ${base}: (b)/(a) common handlers: ${both("b")} [target >= 1.0]  (c)/(a) rare handler: ${both("c")} [target >= 3.0]  (d)/(a) books: ${both("d")}  (e)/(a) bare socket, the ceiling: ${both("e")}`);
console.log(`checksum ${sink}`);
