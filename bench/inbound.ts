// MICRO-BENCHMARK: the session's inbound path in-process (no socket, no
// connection manager or link, no trading layer; small ~48-byte payloads),
// driven from the package's lower-level entry (smarkets-streaming/internal).
// What a user runs, over a real socket on realistic payloads, is
// firehose.ts (issue 9, goal 1); this one isolates the session path.
//
// The session's inbound path against bare protobuf decoding, in the same run:
//   (a) baseline: seto.Payload.decode alone over the pre-split payloads;
//   (b) chunks → FrameDecoder → logged-in Session (peek, sequence check) →
//       HandlerRegistry (the session's sink) → typed handlers for contract_quotes and
//       order_executed that read one field, so those bodies are decoded;
//   (c) the same with a handler only for balance_changed, a rare type, so
//       most bodies are never decoded;
//   (d) for reference, (a) over the same payloads as views into the framed
//       stream (contiguous in memory, as a splitter yields them), which the
//       decoder runs faster than over separately allocated payloads.
// The aim is (b)/(a) >= 1: the session path no slower than the generated
// decoder alone. All cases run in rounds (each once per round)
// so load on a shared machine hits them alike; ratios are medians over rounds.
//
// Run: npm run bench -- inbound; or, built, node --expose-gc bench/build/inbound.js
// Only some cases (e.g. to profile one): node bench/build/inbound.js b
// More rounds on a busy machine: BENCH_RUNS=21 node --expose-gc bench/build/inbound.js

import type { SmarketsError } from "smarkets-streaming";
import { encodePayload, FakeClock, FrameDecoder, HandlerRegistry, loginResponsePayload, Session, withSeq } from "smarkets-streaming/internal";
import { seto } from "smarkets-streaming/protocol";
import { formatBytes, formatMegabytes, formatRate, measureHeap, measureRounds, medianSpeedup, type RoundsMeasurement } from "./harness.js";
import { buildStream, chunk, describeStream, type StreamMix } from "./stream.js";

console.log(`micro-benchmark (in-process session path, no socket; the client over a socket is firehose.ts) — node ${process.version}`);

const FRAMES = 200_000;
const CHUNK = 64 * 1024;
const RUNS = { runs: Number(process.env.BENCH_RUNS ?? 9), warmup: 3 };
/** What one client sees: mostly quotes, its own order and balance events now and then, heartbeats. */
const MIX: StreamMix = { orderAccepted: 0.05, orderExecuted: 0.04, balanceChanged: 0.01, heartbeat: 0.03 };

// A login response takes seq 1 (see inboundPath); the stream goes on from seq 2.
const { payloads, bytes } = buildStream(FRAMES, 42, { mix: MIX, firstSeq: 2n });
const payloadBytes = payloads.reduce((sum, p) => sum + p.length, 0);
const chunks = chunk(bytes, CHUNK);
console.log(describeStream(payloads, bytes, chunks.length));

let sink = 0; // consumed by the output below, so no work is optimised away

/**
 * The client's inbound side for one case, built once and kept across runs as
 * a client keeps its Session for its whole life: a Session (FakeClock, no-op
 * output) delivering to a HandlerRegistry, fed by a
 * FrameDecoder. Each run is a reconnection on which the exchange starts a new
 * session: a login response at seq 1 naming a new session id, then the
 * stream from seq 2. Returns the run: frames delivered to the listener.
 */
function inboundPath(register: (registry: HandlerRegistry) => void): () => number {
  const registry = new HandlerRegistry();
  register(registry);
  const errors: SmarketsError[] = [];
  const session = new Session({
    settings: { username: "bench", password: "bench" },
    output: { write() {} },
    clock: new FakeClock(0),
    sink: registry,
    listener: {
      status() {},
      error(e) {
        errors.push(e);
      },
    },
  });
  const decoder = new FrameDecoder(session);
  let sessions = 0;
  return () => {
    if (session.state !== "disconnected") session.disconnected();
    decoder.reset();
    session.connected();
    session.login().catch(() => {}); // settled by the login response below
    session.receive(encodePayload(withSeq(loginResponsePayload(`bench-${++sessions}`), 1n)));
    if (session.state !== "logged-in") throw new Error(`bench session is ${session.state}, not logged-in`);
    const before = registry.delivered;
    for (const chunk of chunks) decoder.push(chunk);
    // Any error on the path invalidates the numbers: stop loudly.
    if (errors.length > 0) throw errors[0];
    const next = session.resumeState.nextInSeq;
    if (next !== BigInt(FRAMES + 2)) throw new Error(`session expects seq ${next} after the stream, not ${FRAMES + 2}`);
    return registry.delivered - before;
  };
}

const decodeAll = (list: readonly Uint8Array[]) => (): number => {
  for (const payload of list) sink += seto.Payload.decode(payload).type;
  return list.length;
};
// The same payloads as views into the framed stream, as a splitter hands them
// out: contiguous in memory, where the payloads above are separate arrays.
const views: Uint8Array[] = [];
new FrameDecoder({ frame: (payload) => views.push(payload) }).push(bytes);
const commonHandlers = (registry: HandlerRegistry): void => {
  registry.add("seto.contract_quotes", (quotes) => {
    sink += quotes.contractId;
  });
  registry.add("seto.order_executed", (executed) => {
    sink += executed.price;
  });
};
const rareHandler = (registry: HandlerRegistry): void => {
  registry.add("seto.balance_changed", (balance) => {
    sink += balance.availableBalance;
  });
};

const cases: { label: string; run: () => number; bytesPerFrame: number }[] = [
  { label: "(a) seto.Payload.decode (payloads)", run: decodeAll(payloads), bytesPerFrame: payloadBytes / FRAMES },
  { label: "(b) inbound path, common handlers", run: inboundPath(commonHandlers), bytesPerFrame: bytes.length / FRAMES },
  { label: "(c) inbound path, rare handler only", run: inboundPath(rareHandler), bytesPerFrame: bytes.length / FRAMES },
  { label: "(d) seto.Payload.decode (views of stream)", run: decodeAll(views), bytesPerFrame: payloadBytes / FRAMES },
];

const only = process.argv[2];
const chosen = cases.filter((c) => only === undefined || only.includes(c.label[1]!));
const measured = measureRounds(chosen.map((c) => ({ name: c.label, fn: c.run })), RUNS);
for (const m of measured) {
  if (m.opsPerRun !== FRAMES) throw new Error(`${m.name} handled ${m.opsPerRun} frames, expected ${FRAMES}`);
}
const heaps = chosen.map((c) => measureHeap(c.run));

const baseline = measured.find((m) => m.name.startsWith("(a)"));
const speedup = (m: RoundsMeasurement, clock: "wall" | "cpu") =>
  baseline === undefined ? "n/a" : `${medianSpeedup(baseline, m, clock).toFixed(2)}x`;
console.log(
  `${"".padEnd(42)} ${"frames/s".padStart(11)} ${"MB/s".padStart(11)}  ${"vs (a)".padStart(6)} ${"cpu vs (a)".padStart(10)}  ${"alloc/frame".padStart(11)} ${"kept/frame".padStart(10)}`,
);
chosen.forEach((c, i) => {
  const m = measured[i]!;
  const heap = heaps[i]!;
  const kept = heap.retainedPerOp === undefined ? "n/a" : formatBytes(heap.retainedPerOp);
  console.log(
    `${c.label.padEnd(42)} ${formatRate(m.opsPerSecond).padStart(11)} ${formatMegabytes(m.opsPerSecond * c.bytesPerFrame).padStart(11)}  ` +
      `${speedup(m, "wall").padStart(6)} ${speedup(m, "cpu").padStart(10)}  ${formatBytes(heap.allocatedPerOp).padStart(11)} ${kept.padStart(10)}`,
  );
});
console.log(
  `frames/s: median wall time of ${RUNS.runs} rounds (each case once per round) after ${RUNS.warmup} warm-up runs each; ` +
    `vs (a): median over rounds of the per-round ratio, wall and CPU time; heap: one more run of each`,
);
if (heaps.some((h) => h.retainedPerOp === undefined)) {
  console.log("kept/frame needs a GC hook: node --expose-gc bench/build/inbound.js");
}
const ratio = (of: string, to: string, clock: "wall" | "cpu") => {
  const m = measured.find((x) => x.name.startsWith(of));
  const base = measured.find((x) => x.name.startsWith(to));
  return m === undefined || base === undefined ? "n/a" : medianSpeedup(base, m, clock).toFixed(2);
};
const both = (of: string, to: string) => `${ratio(of, to, "wall")} (cpu ${ratio(of, to, "cpu")})`;
console.log(`ratio micro inbound (b)/(a): ${both("(b)", "(a)")}  ratio (c)/(a): ${both("(c)", "(a)")}  ratio (b)/(d): ${both("(b)", "(d)")}`);
console.log(`checksum ${sink}`);
