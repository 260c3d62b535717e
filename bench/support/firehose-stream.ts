// The firehose: what an exchange sends a busy client, as issue 9 describes
// it, seeded so every run (and both processes of a run) build the same bytes:
//
// - 40% market_quotes snapshots of one market's 8 contracts, 3 bids and 3
//   offers each, with the day's high and low (~680 bytes);
// - 40% contract_quotes for one of those contracts, 1–3 levels a side, ~30%
//   carrying 1–2 executions;
// - 15% order_executed: fills of our orders, each order filled in 1–4 parts
//   and then done, new order ids all the time, account sequences rising;
// - 5% eto heartbeats (each one the client answers).
//
// Seqs start at `firstSeq` (2: the login response takes 1). The last payload
// is always an order_executed, so a handler on that type sees the end of the
// stream whatever else is handled.
import { eto, seto } from "smarkets-streaming/protocol";

export interface FirehoseOptions {
  /** Payloads in the stream; default 200,000. */
  readonly count?: number;
  readonly seed?: number;
  /** Seq of the first payload; default 2. */
  readonly firstSeq?: bigint;
  /** Order ids start above this; default 1e9 (varies per chunk when a stream is built in parts). */
  readonly firstOrderId?: bigint;
  /** Account sequence of the first execution; default 1. */
  readonly firstAccountSequence?: bigint;
}

/** The market every quote is about, and its 8 contracts. */
export const FIREHOSE_MARKET = 4_100_321;
export const FIREHOSE_CONTRACTS: readonly number[] = Array.from({ length: 8 }, (_, i) => 17_800_001 + i);

/** Shares of each payload kind: cumulative thresholds on one draw. */
const TO_MARKET_QUOTES = 0.4;
const TO_CONTRACT_QUOTES = 0.8;
const TO_EXECUTED = 0.95;

export interface Firehose {
  /** Each payload encoded on its own, in order (what the bare-decoder baseline decodes). */
  readonly payloads: Uint8Array[];
  /** How many payloads of each kind, by payload name. */
  readonly counts: Readonly<Record<string, number>>;
  /** Where the next part of a longer stream continues (see `FirehoseGenerator`). */
  readonly next: { readonly seq: bigint; readonly orderId: bigint; readonly accountSequence: bigint };
}

/** The whole stream at once. */
export function buildFirehose(options: FirehoseOptions = {}): Firehose {
  const generator = new FirehoseGenerator(options);
  return generator.take(options.count ?? 200_000, true);
}

/**
 * The stream in parts, for streams too long to hold (the memory benchmark
 * plays millions of payloads): each `take` continues where the last ended.
 */
export class FirehoseGenerator {
  readonly #random: () => number;
  #seq: bigint;
  #nextOrderId: bigint;
  #accountSequence: bigint;
  /** Orders being filled: id, price, size left, filled so far (and its value, for the average). */
  readonly #open: { id: bigint; side: seto.Side; contract: number; price: number; left: bigint; filled: bigint; value: bigint }[] = [];
  /** Each contract's mid price, drifting. */
  readonly #mids: number[];

  constructor(options: FirehoseOptions = {}) {
    this.#random = mulberry32(options.seed ?? 9);
    this.#seq = options.firstSeq ?? 2n;
    this.#nextOrderId = options.firstOrderId ?? 1_000_000_000n;
    this.#accountSequence = options.firstAccountSequence ?? 1n;
    this.#mids = FIREHOSE_CONTRACTS.map(() => this.#int(2_000, 8_000));
  }

  /** The next `count` payloads; with `endOnExecution`, the last one is an order_executed. */
  take(count: number, endOnExecution = false): Firehose {
    const payloads: Uint8Array[] = [];
    const counts: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const roll = endOnExecution && i === count - 1 ? TO_CONTRACT_QUOTES : this.#random();
      const [name, message] =
        roll < TO_MARKET_QUOTES
          ? ["seto.market_quotes", this.#marketQuotes()]
          : roll < TO_CONTRACT_QUOTES
            ? ["seto.contract_quotes", this.#contractQuotes()]
            : roll < TO_EXECUTED
              ? ["seto.order_executed", this.#orderExecuted()]
              : ["eto.heartbeat", this.#heartbeat()];
      counts[name] = (counts[name] ?? 0) + 1;
      payloads.push(seto.Payload.encode(message).finish());
      this.#seq += 1n;
    }
    return { payloads, counts, next: { seq: this.#seq, orderId: this.#nextOrderId, accountSequence: this.#accountSequence } };
  }

  #int(low: number, high: number): number {
    return low + Math.floor(this.#random() * (high - low + 1));
  }

  #envelope(type: seto.PayloadType): seto.Payload {
    return { type, etoPayload: { seq: this.#seq } };
  }

  /** Moves a contract's mid a tick or two, within the price range. */
  #drift(i: number): number {
    const mid = Math.min(9_500, Math.max(500, this.#mids[i]! + this.#int(-2, 2) * 10));
    this.#mids[i] = mid;
    return mid;
  }

  #levels(n: number, from: number, step: number): seto.Quote[] {
    return Array.from({ length: n }, (_, k) => ({ price: from + k * step, quantity: BigInt(this.#int(1, 60_000) * 10_000) }));
  }

  #execution(price: number): seto.Execution {
    return {
      price,
      quantity: BigInt(this.#int(1, 500) * 10_000),
      liquidity: this.#int(0, 1) === 0 ? seto.Side.SIDE_BUY : seto.Side.SIDE_SELL,
      microseconds: 1_767_225_600_000_000n + BigInt(this.#int(0, 2 ** 30)),
    };
  }

  #contractBook(i: number, bids: number, offers: number, executions: number): seto.ContractQuotes {
    const mid = this.#drift(i);
    return {
      marketId: FIREHOSE_MARKET,
      contractId: FIREHOSE_CONTRACTS[i]!,
      bids: this.#levels(bids, mid - 10, -10),
      offers: this.#levels(offers, mid + 10, 10),
      executions: Array.from({ length: executions }, () => this.#execution(mid)),
      highPrice: mid + 200,
      lowPrice: mid - 200,
    };
  }

  #marketQuotes(): seto.Payload {
    return {
      ...this.#envelope(seto.PayloadType.PAYLOAD_MARKET_QUOTES),
      marketQuotes: {
        marketId: FIREHOSE_MARKET,
        priceType: seto.PriceType.PRICE_PERCENT_ODDS,
        quantityType: seto.QuantityType.QUANTITY_PAYOFF_CURRENCY,
        executedVolume: BigInt(this.#int(1, 1_000_000) * 10_000),
        contractQuotes: FIREHOSE_CONTRACTS.map((_, i) => this.#contractBook(i, 3, 3, 0)),
      },
    };
  }

  #contractQuotes(): seto.Payload {
    const i = this.#int(0, FIREHOSE_CONTRACTS.length - 1);
    const executions = this.#random() < 0.3 ? this.#int(1, 2) : 0;
    const book = this.#contractBook(i, this.#int(1, 3), this.#int(1, 3), executions);
    if (executions > 0) book.lastExecution = book.executions[executions - 1];
    return { ...this.#envelope(seto.PayloadType.PAYLOAD_CONTRACT_QUOTES), contractQuotes: book };
  }

  /** A fill of an order being filled, or of a new one; an order filled completely is done. */
  #orderExecuted(): seto.Payload {
    if (this.#open.length === 0 || (this.#open.length < 64 && this.#random() < 0.4)) {
      const contract = this.#int(0, FIREHOSE_CONTRACTS.length - 1);
      this.#open.push({
        id: this.#nextOrderId,
        side: this.#int(0, 1) === 0 ? seto.Side.SIDE_BUY : seto.Side.SIDE_SELL,
        contract,
        price: this.#mids[contract]!,
        left: BigInt(this.#int(1, 400) * 10_000),
        filled: 0n,
        value: 0n,
      });
      this.#nextOrderId += 4_096n;
    }
    const at = this.#int(0, this.#open.length - 1);
    const order = this.#open[at]!;
    // 1–4 parts: a fill takes a share of what is left, or all of it.
    const all = order.left <= 10_000n || this.#random() < 0.35;
    const quantity = all ? order.left : (order.left * BigInt(this.#int(20, 80))) / 100n;
    order.left -= quantity;
    order.filled += quantity;
    order.value += quantity * BigInt(order.price);
    if (order.left === 0n) this.#open.splice(at, 1);
    const accountSequence = this.#accountSequence;
    this.#accountSequence += 1n;
    return {
      ...this.#envelope(seto.PayloadType.PAYLOAD_ORDER_EXECUTED),
      orderExecuted: {
        price: order.price,
        quantity,
        orderId: order.id,
        side: order.side,
        marketId: FIREHOSE_MARKET,
        contractId: FIREHOSE_CONTRACTS[order.contract]!,
        accountSequence64: accountSequence,
        totalExecutedQuantity: order.filled,
        executedAvgPrice: Number(order.value / order.filled),
        availableQuantity: order.left,
        origPrice: order.price,
        availableBalance: this.#int(0, 100_000_000),
        exposure: this.#int(0, 10_000_000),
      },
    };
  }

  #heartbeat(): seto.Payload {
    return { type: seto.PayloadType.PAYLOAD_ETO, etoPayload: { seq: this.#seq, type: eto.PayloadType.PAYLOAD_HEARTBEAT } };
  }
}

/** A small, fast, seedable PRNG (mulberry32): uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
