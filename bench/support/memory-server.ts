// The memory benchmark's server, run in a process of its own by
// bench/memory.ts: on the client's market subscribe it plays COUNT payloads
// (seqs from 2) as fast as the socket takes them: the firehose's quotes and
// heartbeats over and over, re-numbered (resequence.ts), and in the
// firehose's order_executed slots fresh executions of ever-new orders (each
// filled in 1–3 parts, then done), with rising account sequences. The last
// payload is an execution, so a handler on them sees the end.
//
// Run by the benchmark: node bench/build/support/memory-server.js STREAM_FILE COUNT
import { readFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { eto, seto } from "smarkets-streaming/protocol";
import { encodeFrame, encodePayload, FrameDecoder, loginResponsePayload, peekPayload, withSeq } from "smarkets-streaming/internal";
import { splitPayloads } from "./firehose-file.js";
import { FIREHOSE_CONTRACTS, FIREHOSE_MARKET, mulberry32 } from "./firehose-stream.js";
import { frameSize, template, writeFrameAt, type Template } from "./resequence.js";

const [file, countArg] = process.argv.slice(2);
if (file === undefined || countArg === undefined) throw new Error("usage: memory-server.js STREAM_FILE COUNT");
const COUNT = Number(countArg);
const templates = splitPayloads(readFileSync(file)).map(template);
const EXECUTED = seto.PayloadType.PAYLOAD_ORDER_EXECUTED;
// The body field's tag, as the generated encoder writes it (one byte).
const EXECUTED_TAG = template(
  encodePayload({ type: EXECUTED, etoPayload: { seq: 1n }, orderExecuted: { price: 1, quantity: 1n, orderId: 1n, side: seto.Side.SIDE_BUY, marketId: 1, contractId: 1 } }),
).body[0]!;

/** Fresh executions: each order filled in 1–3 parts, then the next order. */
class Executions {
  readonly #random = mulberry32(77);
  #orderId = 5_000_000_000n;
  #accountSequence = 1n;
  #order: { id: bigint; contract: number; price: number; left: bigint; filled: bigint; value: bigint } | undefined;

  next(): Template {
    const r = this.#random;
    const order = (this.#order ??= {
      id: (this.#orderId += 4_096n),
      contract: FIREHOSE_CONTRACTS[Math.floor(r() * FIREHOSE_CONTRACTS.length)]!,
      price: 2_000 + Math.floor(r() * 600) * 10,
      left: BigInt(1 + Math.floor(r() * 400)) * 10_000n,
      filled: 0n,
      value: 0n,
    });
    const quantity = order.left <= 10_000n || r() < 0.4 ? order.left : order.left / 2n;
    order.left -= quantity;
    order.filled += quantity;
    order.value += quantity * BigInt(order.price);
    if (order.left === 0n) this.#order = undefined;
    const body = seto.OrderExecuted.encode({
      price: order.price,
      quantity,
      orderId: order.id,
      side: seto.Side.SIDE_BUY,
      marketId: FIREHOSE_MARKET,
      contractId: order.contract,
      accountSequence64: this.#accountSequence++,
      totalExecutedQuantity: order.filled,
      executedAvgPrice: Number(order.value / order.filled),
      availableQuantity: order.left,
      origPrice: order.price,
      availableBalance: Math.floor(r() * 1e8),
      exposure: Math.floor(r() * 1e7),
    }).finish();
    const field = new Uint8Array(1 + 5 + body.length);
    field[0] = EXECUTED_TAG;
    let at = 1;
    let length = body.length;
    for (; length >= 0x80; length >>>= 7) field[at++] = (length & 0x7f) | 0x80;
    field[at++] = length;
    field.set(body, at);
    return { setoType: EXECUTED, etoType: -1, body: field.subarray(0, at + body.length) };
  }
}

async function play(socket: Socket): Promise<void> {
  const executions = new Executions();
  const BATCH = 256 * 1024;
  let buffer = new Uint8Array(BATCH);
  let used = 0;
  for (let i = 0; i < COUNT; i++) {
    const seq = i + 2;
    const t = i === COUNT - 1 || templates[i % templates.length]!.setoType === EXECUTED ? executions.next() : templates[i % templates.length]!;
    if (used + frameSize(t, seq) > BATCH) {
      if (!socket.write(buffer.subarray(0, used))) await new Promise((resolve) => socket.once("drain", resolve));
      if (socket.destroyed) return;
      buffer = new Uint8Array(BATCH);
      used = 0;
    }
    used = writeFrameAt(t, seq, buffer, used);
  }
  socket.write(buffer.subarray(0, used));
}

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let playing = false;
  const decoder = new FrameDecoder({
    frame(payload) {
      const header = peekPayload(payload);
      if (header.etoType === eto.PayloadType.PAYLOAD_LOGIN) {
        socket.write(encodeFrame(encodePayload(withSeq(loginResponsePayload(`memory-${process.pid}`), 1n))));
      } else if (header.setoType === seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE && !playing) {
        playing = true;
        void play(socket);
      }
    },
  });
  socket.on("data", (chunk) => decoder.push(chunk));
  socket.on("error", () => undefined);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address !== null ? address.port : 0 });
});
process.on("disconnect", () => process.exit(0));
