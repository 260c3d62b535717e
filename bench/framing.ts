// MICRO-BENCHMARK: the frame decoder alone, in-process.
// Framing throughput against protobuf decoding, in the same run:
//   (a) baseline: seto.Payload.decode alone over the pre-split payloads;
//   (b) FrameDecoder alone over the framed stream cut into 64 KiB chunks;
//   (c) both, as the client will run them.
// The ratio (b)/(a) says how many times faster framing is than decoding the
// payloads it yields, i.e. how little it adds.
// Run: npm run bench -- framing; or, built, node bench/build/framing.js

import { FrameDecoder } from "smarkets-streaming/internal";
import { seto } from "smarkets-streaming/protocol";
import { formatMegabytes, formatRate, measureDetailed } from "./harness.js";
import { buildStream, chunk, describeStream } from "./stream.js";

console.log(`micro-benchmark (frame decoder alone, in-process) — node ${process.version}`);

const FRAMES = 200_000;
const CHUNK = 64 * 1024;
const RUNS = { runs: 9, warmup: 3 };

const { payloads, bytes } = buildStream(FRAMES, 42);
const payloadBytes = payloads.reduce((sum, p) => sum + p.length, 0);
const chunks = chunk(bytes, CHUNK);
console.log(describeStream(payloads, bytes, chunks.length));

let sink = 0; // consumed by the output below, so no work is optimised away

const baseline = measureDetailed(
  "seto.Payload.decode",
  () => {
    for (const payload of payloads) sink += seto.Payload.decode(payload).type;
    return payloads.length;
  },
  RUNS,
);

const framing = measureDetailed(
  "FrameDecoder",
  () => {
    let frames = 0;
    const decoder = new FrameDecoder({ frame: (payload) => { frames++; sink += payload.length; } });
    for (const chunk of chunks) decoder.push(chunk);
    return frames;
  },
  RUNS,
);

const both = measureDetailed(
  "FrameDecoder + decode",
  () => {
    let frames = 0;
    const decoder = new FrameDecoder({ frame: (payload) => { frames++; sink += seto.Payload.decode(payload).type; } });
    for (const chunk of chunks) decoder.push(chunk);
    return frames;
  },
  RUNS,
);

for (const m of [baseline, framing, both]) {
  if (m.opsPerRun !== FRAMES) throw new Error(`${m.name} handled ${m.opsPerRun} frames, expected ${FRAMES}`);
}

const row = (label: string, framesPerSecond: number, bytesPerFrame: number) =>
  console.log(`${label.padEnd(40)} ${formatRate(framesPerSecond).padStart(12)} frames/s  ${formatMegabytes(framesPerSecond * bytesPerFrame).padStart(12)}`);
row("(a) seto.Payload.decode (payloads)", baseline.opsPerSecond, payloadBytes / FRAMES);
row("(b) FrameDecoder, 64 KiB chunks (stream)", framing.opsPerSecond, bytes.length / FRAMES);
row("(c) FrameDecoder + decode (stream)", both.opsPerSecond, bytes.length / FRAMES);
console.log(`ratio micro framing (b)/(a): ${(framing.opsPerSecond / baseline.opsPerSecond).toFixed(1)}x  (median of ${RUNS.runs} runs after ${RUNS.warmup} warm-up runs)`);
console.log(`checksum ${sink}`);
