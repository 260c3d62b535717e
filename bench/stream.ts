// A realistic incoming stream for benchmarks: mostly contract_quotes with a
// few quotes each, some order_accepted and order_executed, optionally a few
// balance_changed, and eto heartbeats, each a seto.Payload encoded by the
// generated codec, then framed. Deterministic for a given seed and mix, so
// runs are comparable.

import { encodeFrames } from "smarkets-streaming/internal";
import { eto, seto } from "smarkets-streaming/protocol";
import { mulberry32 } from "./support/firehose-stream.js";

export interface Stream {
  /** The encoded seto.Payload messages, in order. */
  payloads: Uint8Array[];
  /** The same payloads framed and concatenated: the bytes a socket would deliver. */
  bytes: Uint8Array;
}

/** Shares of each payload kind (0..1); contract_quotes take what is left. */
export interface StreamMix {
  readonly orderAccepted: number;
  readonly orderExecuted: number;
  readonly balanceChanged: number;
  readonly heartbeat: number;
}

/** The mix `buildStream` uses unless told otherwise (no balance_changed). */
export const DEFAULT_MIX: StreamMix = { orderAccepted: 0.07, orderExecuted: 0.05, balanceChanged: 0, heartbeat: 0.03 };

export interface StreamOptions {
  /** Payload kinds and their shares; default DEFAULT_MIX. */
  readonly mix?: StreamMix;
  /** Seq of the first payload; default 1 (e.g. 2 when a login response took seq 1). */
  readonly firstSeq?: bigint;
}

export function buildStream(count: number, seed = 1, options: StreamOptions = {}): Stream {
  const mix = options.mix ?? DEFAULT_MIX;
  const firstSeq = options.firstSeq ?? 1n;
  // Cumulative thresholds on one uniform draw per payload.
  const toAccepted = 1 - mix.orderAccepted - mix.orderExecuted - mix.balanceChanged - mix.heartbeat;
  const toExecuted = toAccepted + mix.orderAccepted;
  const toBalance = toExecuted + mix.orderExecuted;
  const toHeartbeat = toBalance + mix.balanceChanged;
  if (!(toAccepted >= 0)) throw new RangeError(`stream mix shares add up to more than 1: ${JSON.stringify(mix)}`);
  const random = mulberry32(seed);
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const payloads: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const seq = firstSeq + BigInt(i);
    const roll = random();
    const message =
      roll < toAccepted
        ? contractQuotes(seq, int)
        : roll < toExecuted
          ? orderAccepted(seq, int)
          : roll < toBalance
            ? orderExecuted(seq, int)
            : roll < toHeartbeat
              ? balanceChanged(seq, int)
              : heartbeat(seq);
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

function balanceChanged(seq: bigint, int: Int): seto.Payload {
  return {
    ...envelope(seq, seto.PayloadType.PAYLOAD_BALANCE_CHANGED),
    balanceChanged: { reason: "order executed", availableBalance: int(0, 10_000_000), exposure: int(0, 1_000_000) },
  };
}

function heartbeat(seq: bigint): seto.Payload {
  return { type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { seq, type: eto.PayloadType.PAYLOAD_HEARTBEAT } };
}

/** `bytes` cut into chunks of `size` (views, no copy), as a socket hands a stream over. */
export function chunk(bytes: Uint8Array, size: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
  return chunks;
}

/** One line describing a stream, for a benchmark's output. */
export function describeStream(payloads: readonly Uint8Array[], bytes: Uint8Array, chunks: number): string {
  const payloadBytes = payloads.reduce((sum, p) => sum + p.length, 0);
  return (
    `stream: ${payloads.length.toLocaleString("en-US")} frames, ${(bytes.length / 1e6).toFixed(2)} MB framed ` +
    `(${(payloadBytes / payloads.length).toFixed(1)} payload bytes per frame on average), ${chunks} chunks of 64 KiB`
  );
}
