// A realistic incoming stream for benchmarks: mostly contract_quotes with a
// few quotes each, some order_accepted and order_executed, and eto heartbeats,
// each a seto.Payload encoded by the generated codec, then framed.
// Deterministic for a given seed, so runs are comparable.

import * as eto from "../generated/eto.js";
import * as seto from "../generated/seto.js";
import { encodeFrames } from "../runtime/framing/index.js";

export interface Stream {
  /** The encoded seto.Payload messages, in order. */
  payloads: Uint8Array[];
  /** The same payloads framed and concatenated: the bytes a socket would deliver. */
  bytes: Uint8Array;
}

export function buildStream(count: number, seed = 1): Stream {
  const random = mulberry32(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const seq = BigInt(i + 1);
    const roll = random();
    const message =
      roll < 0.85 ? contractQuotes(seq, int) : roll < 0.92 ? orderAccepted(seq, int) : roll < 0.97 ? orderExecuted(seq, int) : heartbeat(seq);
    payloads.push(seto.Payload.encode(message).finish());
  }
  return { payloads, bytes: encodeFrames(payloads) };
}

type Int = (low: number, high: number) => number;

// A non-eto seto message still carries an eto_payload holding only seq, as the exchange sends it.
function envelope(seq: bigint, type: seto.PayloadType): seto.Payload {
  return { type, etoPayload: { seq } };
}

function contractQuotes(seq: bigint, int: Int): seto.Payload {
  const quotes = (n: number, from: number, step: number): seto.Quote[] =>
    Array.from({ length: n }, (_, k) => ({ price: from + k * step, quantity: BigInt(int(1, 500) * 10000) }));
  const mid = int(200, 9800);
  return {
    ...envelope(seq, seto.PayloadType.PAYLOAD_CONTRACT_QUOTES),
    contractQuotes: {
      marketId: int(100_000, 9_999_999),
      contractId: int(100_000, 99_999_999),
      bids: quotes(int(0, 3), mid - 1, -int(1, 50)),
      offers: quotes(int(0, 3), mid + 1, int(1, 50)),
      executions: [],
    },
  };
}

function orderAccepted(seq: bigint, int: Int): seto.Payload {
  return {
    ...envelope(seq, seto.PayloadType.PAYLOAD_ORDER_ACCEPTED),
    orderAccepted: {
      seq: seq - 1n,
      orderId: BigInt(int(1, 2 ** 30)) * 4096n,
      reference: BigInt(int(1, 1_000_000)),
      price: int(100, 9900),
      quantity: BigInt(int(1, 1000) * 10000),
      marketId: int(100_000, 9_999_999),
      contractId: int(100_000, 99_999_999),
      side: int(0, 1) === 0 ? seto.Side.SIDE_BUY : seto.Side.SIDE_SELL,
      accountSequence64: seq,
    },
  };
}

function orderExecuted(seq: bigint, int: Int): seto.Payload {
  return {
    ...envelope(seq, seto.PayloadType.PAYLOAD_ORDER_EXECUTED),
    orderExecuted: {
      price: int(100, 9900),
      quantity: BigInt(int(1, 1000) * 10000),
      orderId: BigInt(int(1, 2 ** 30)) * 4096n,
      side: int(0, 1) === 0 ? seto.Side.SIDE_BUY : seto.Side.SIDE_SELL,
      marketId: int(100_000, 9_999_999),
      contractId: int(100_000, 99_999_999),
      accountSequence64: seq,
      availableBalance: int(0, 10_000_000),
      exposure: int(0, 1_000_000),
    },
  };
}

function heartbeat(seq: bigint): seto.Payload {
  return { type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { seq, type: eto.PayloadType.PAYLOAD_HEARTBEAT } };
}

/** A small, fast, seedable PRNG (mulberry32): uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
