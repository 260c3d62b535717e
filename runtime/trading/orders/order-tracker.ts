// Our own orders, kept from every seto message that concerns them: queryable
// by id, by reference, resting or all, and observable as a stream of changes.
//
// Replays: every account event has an account sequence; a message whose
// sequence is not above the last one applied has been applied already (the
// exchange resends from the sequence a resuming login names) and is skipped.
//
// Refusals for speed: the trading layer sends an order-create refused with
// THROTTLE_EXCEEDED again (same reference, new seq). Such a refusal is no
// answer for the order: applied with `resending`, it changes nothing; the
// resend moves the pending order to its new seq (sent with `resend`); and
// only if the resend is given up does the order end rejected (withdrawn()).
//
// Lost sessions: an order still pending when its session was lost and could
// not be resumed (sessionLost()) may or may not have reached the exchange. It
// becomes `outcome-unknown`: still awaited by its reference, so the account
// events the new session's login has the exchange resend (from the last
// account sequence applied) settle it as they would have; if none does within
// `unknownOutcomeExpiryMs`, it ends `expired`.
//
// Memory: ended orders are kept for lookups, the most recent `retainEnded` of
// them; older ones are forgotten (a later message about one is then treated
// as news about an order first heard of, with `complete: false`).
//
// Durable stores: given a journal (order-journal.ts), every order that changes
// is noted there, for the client to save at its next commit; restore() brings
// back what an earlier process saved. A restored pending order is
// awaited again by reference and seq, so the replies the resumed session's
// replay brings settle it as they would have settled it in the dead process.
import type { PayloadMessages, PayloadName } from "../../../generated/payload-map.js";
import * as seto from "../../../generated/seto.js";
import { systemClock, type Clock } from "../../clock.js";
import { ArgumentError } from "../../errors.js";
import type { IntegerLike } from "../../integers.js";
import { Broadcaster, type BroadcasterOptions, type SubscribeOptions } from "../../streams/index.js";
import type { IncomingEvent } from "../../dispatch/handler-types.js";
import { AccountSequence, accountSequenceOf } from "./account-sequence.js";
import { EndedOrders } from "./ended-orders.js";
import { OrderIndex } from "./order-index.js";
import type { OrderRecord } from "./order-record.js";
import { isResting } from "./order-status.js";
import type { OrderView } from "./order-view.js";
import { acceptedElsewhere, adoptedFromExecution, adoptedRecord, replacementRecord, restoredRecord, sentRecord, type MidLife } from "./record-origins.js";
import type { OrderJournal } from "./order-journal.js";
import type { SavedOrder } from "./saved-order.js";
import * as t from "./transitions.js";

export type ApplyResult =
  /** It changed at least one order. */
  | "applied"
  /** Its account sequence was applied before: skipped. */
  | "duplicate"
  /** New, but it changed no order (not about orders, or nothing to change). */
  | "ignored";

/** One change of one of our orders, as `client.trading.orders.changes()` yields it. */
export interface OrderChange {
  readonly order: OrderView;
  /** The order before; undefined for an order first seen. */
  readonly previous: OrderView | undefined;
  /**
   * The payload that changed it ("seto.order_create" for a request this
   * client sent), or what happened without one: "session-lost" (its outcome
   * became unknown), "expired" (it stayed unknown too long).
   */
  readonly cause: PayloadName | "session-lost" | "expired";
  readonly isReplay: boolean;
}

/** An order-create this client sent, awaiting its answer. */
export interface SentOrder {
  readonly reference: bigint;
  readonly seq: bigint;
  readonly message: seto.OrderCreate;
  /** Sent again after a refusal for speed: the pending order with this reference moves to the new seq. */
  readonly resend?: boolean;
}

export interface ApplyOptions {
  /** The payload refuses, for speed, a request that is being sent again: it is no answer for any order (its account sequence still counts). */
  readonly resending?: boolean;
}

export interface OrderTrackerOptions {
  /** The last account sequence a previous run applied (older messages are then skipped). */
  lastAccountSequence?: IntegerLike;
  /** Ended orders kept for lookups; default 10,000. */
  retainEnded?: number;
  /** Defaults for change subscriptions (capacity 1024, overflow "error" unless given). */
  changes?: BroadcasterOptions;
  /** How long an order stays `outcome-unknown` after its session was lost before it ends `expired`; default 60 000 ms. */
  unknownOutcomeExpiryMs?: number;
  /** Times the expiry; default the system clock (the trading layer passes its own). */
  clock?: Clock;
  /** Where every change is noted for a durable session store (the client gives one when its store is durable). */
  journal?: OrderJournal;
}

/** Payloads carrying an account sequence (every account event). */
const sequenced: ReadonlySet<PayloadName> = new Set<PayloadName>([
  "seto.order_accepted",
  "seto.order_rejected",
  "seto.order_executed",
  "seto.order_cancelled",
  "seto.order_cancel_rejected",
  "seto.order_quantity_reduced",
  "seto.order_quantity_reduce_rejected",
  "seto.order_reduced",
  "seto.order_execute_voided",
  "seto.order_execute_confirmed",
  "seto.order_voided",
  "seto.order_pending_replace",
  "seto.order_cancel_replace_accepted",
  "seto.order_cancel_replace_rejected",
  "seto.order_cancel_all_accepted",
  "seto.order_cancel_all_rejected",
]);

type Transition = (r: OrderRecord) => boolean;

function sequenceOf(event: IncomingEvent): bigint | undefined {
  return accountSequenceOf(event.message as { accountSequence64?: bigint; accountSequence?: number });
}

/** What a change comes from: the payload (its name, whether replayed) and its account sequence. */
interface Cause {
  readonly name: OrderChange["cause"];
  readonly isReplay: boolean;
  readonly accountSequence: bigint | undefined;
}

/** The state of every order this session placed (`client.trading.orders`), kept from every message about it. */
export class OrderTracker {
  readonly #sequence: AccountSequence;
  readonly #retainEnded: number;
  readonly #index = new OrderIndex();
  /** Ended orders, in the order they ended, for retention. */
  readonly #ended = new EndedOrders<OrderRecord>();
  readonly #changes: Broadcaster<OrderChange>;
  readonly #clock: Clock;
  readonly #unknownOutcomeExpiryMs: number;
  readonly #journal: OrderJournal | undefined;

  constructor(options: OrderTrackerOptions = {}) {
    this.#sequence = new AccountSequence(options.lastAccountSequence);
    const retain = options.retainEnded ?? 10_000;
    if (!Number.isSafeInteger(retain) || retain < 0) throw new ArgumentError(`retainEnded must be a whole number ≥ 0, got ${String(retain)}`);
    this.#retainEnded = retain;
    const expiry = options.unknownOutcomeExpiryMs ?? 60_000;
    if (typeof expiry !== "number" || !(expiry > 0)) {
      throw new ArgumentError(`unknownOutcomeExpiryMs must be a positive number of milliseconds (or Infinity), got ${String(expiry)}`);
    }
    this.#unknownOutcomeExpiryMs = expiry;
    this.#clock = options.clock ?? systemClock;
    this.#changes = new Broadcaster(options.changes);
    this.#journal = options.journal;
  }

  /** The last account sequence applied: log in with it after a reconnect so the exchange resends what followed. */
  get lastAccountSequence(): bigint | undefined {
    return this.#sequence.last;
  }

  get(orderId: bigint): OrderView | undefined {
    return this.#index.byId(orderId)?.view();
  }

  /** The latest order created with `reference` (by order-create or cancel-replace). */
  byReference(reference: bigint): OrderView | undefined {
    return this.#index.byReference(reference)?.view();
  }

  /** Orders on the book (live or partially executed), oldest first. */
  live(): OrderView[] {
    return [...this.#index.records].filter((r) => isResting(r.status)).map((r) => r.view());
  }

  /** Every order kept, oldest first. */
  all(): OrderView[] {
    return [...this.#index.records].map((r) => r.view());
  }

  /** Every change from now on. */
  changes(options?: SubscribeOptions): AsyncIterable<OrderChange> {
    return this.#changes.subscribe(options ?? {});
  }

  /** Ends every change stream. */
  close(): void {
    this.#changes.close();
  }

  /**
   * Brings back the orders an earlier process saved (oldest first) and the
   * last account sequence it applied. Pending orders are awaited again (their
   * replies settle them), orders whose outcome was unknown stay so until an
   * account event settles them or they expire; ended ones are kept as
   * retention allows.
   */
  restore(orders: readonly SavedOrder[], lastAccountSequence: bigint | undefined): void {
    this.#sequence.restore(lastAccountSequence);
    const unknown: OrderRecord[] = [];
    for (const saved of orders) {
      const r = restoredRecord(saved.key, saved.order);
      if (r.status === "pending") {
        this.#index.await(r);
      } else if (r.status === "outcome-unknown") {
        this.#index.await(r);
        this.#index.sessionLost(r);
        unknown.push(r);
      } else {
        this.#index.add(r);
      }
      if (r.ended) this.#retire(r);
    }
    this.#expireLater(unknown);
  }

  /** An order-create this client has just sent: pending until answered (a resend moves the pending order to its new seq). */
  sent(order: SentOrder): void {
    const again = order.resend === true ? this.#index.awaited({ reference: order.reference }) : undefined;
    if (again !== undefined && again.status === "pending") {
      const previous = again.announced ? again.view() : undefined;
      this.#index.resent(again, order.seq);
      this.#announce(again, previous, "seto.order_create", false);
      return;
    }
    const r = sentRecord(order.reference, order.seq, order.message);
    this.#index.await(r);
    this.#announce(r, undefined, "seto.order_create", false);
  }

  /**
   * An order-create refused for speed, that was waiting to be sent again,
   * will not be (its caller gave up, or the session ended): the refusal
   * stands, and the order ends rejected with THROTTLE_EXCEEDED.
   */
  withdrawn(reference: bigint): void {
    const reason = seto.orderRejectedReasonToJSON(seto.OrderRejectedReason.ORDER_REJECTED_THROTTLE_EXCEEDED);
    const cause: Cause = { name: "seto.order_rejected", isReplay: false, accountSequence: undefined };
    this.#updateIf(cause, this.#index.awaited({ reference }), (x) => t.refused(x, "rejected", reason));
  }

  /**
   * The session was lost and could not be resumed: every order still pending
   * becomes `outcome-unknown` until the new session's account events settle
   * it, or ends `expired` after `unknownOutcomeExpiryMs`.
   */
  sessionLost(): void {
    const cause: Cause = { name: "session-lost", isReplay: false, accountSequence: undefined };
    const unknown: OrderRecord[] = [];
    for (const r of [...this.#index.records]) {
      if (r.status !== "pending") continue;
      this.#index.sessionLost(r);
      if (this.#update(cause, r, t.outcomeUnknown)) unknown.push(r);
    }
    this.#expireLater(unknown);
  }

  /** Ends `unknown` orders still of unknown outcome after unknownOutcomeExpiryMs. */
  #expireLater(unknown: OrderRecord[]): void {
    if (unknown.length === 0 || this.#unknownOutcomeExpiryMs === Infinity) return;
    const ms = this.#unknownOutcomeExpiryMs;
    const expired: Cause = { name: "expired", isReplay: false, accountSequence: undefined };
    const reason = `OUTCOME_UNKNOWN: no account event about it within ${ms} ms of the new session`;
    this.#clock.setTimer(ms, () => {
      for (const r of unknown) this.#update(expired, r, (x) => t.expired(x, reason));
    });
  }

  /** Whether `event` carries an account sequence applied before: apply() would skip it as a duplicate. */
  isDuplicate(event: IncomingEvent): boolean {
    return sequenced.has(event.name) && this.#sequence.seen(sequenceOf(event));
  }

  /** Applies one incoming payload (the trading layer's handlers call this for every payload about orders). */
  apply(event: IncomingEvent, options: ApplyOptions = {}): ApplyResult {
    let accountSequence: bigint | undefined;
    if (sequenced.has(event.name)) {
      accountSequence = sequenceOf(event);
      if (!this.#sequence.admit(accountSequence)) return "duplicate";
    }
    if (options.resending === true) return "ignored";
    const step = this.#steps[event.name] as ((m: unknown, c: Cause) => boolean) | undefined;
    return step !== undefined && step(event.message, { name: event.name, isReplay: event.isReplay, accountSequence }) ? "applied" : "ignored";
  }

  /** What each payload about orders does to them, by payload name; whether it changed an order. */
  readonly #steps: { readonly [N in PayloadName]?: (m: PayloadMessages[N], c: Cause) => boolean } = {
    "seto.order_accepted": (m, c) => {
      const index = this.#index;
      const r = index.awaited(m) ?? index.byId(m.orderId) ?? index.add(acceptedElsewhere(m.reference));
      return this.#update(c, r, (x) => t.accepted(x, m));
    },
    "seto.order_rejected": (m, c) =>
      this.#updateIf(c, this.#index.awaited(m), (x) => t.refused(x, "rejected", seto.orderRejectedReasonToJSON(m.reason))),
    "seto.order_invalid": (m, c) => {
      const reason = m.reasons.map((x) => seto.orderInvalidReasonToJSON(x)).join(", ");
      return this.#updateIf(c, this.#index.awaited(m), (x) => t.refused(x, "invalid", reason));
    },
    "seto.order_executed": (m, c) => this.#update(c, this.#index.byId(m.orderId) ?? this.#index.add(adoptedFromExecution(m)), (x) => t.executed(x, m)),
    "seto.order_cancelled": (m, c) => this.#onOrder(c, m, (x) => t.cancelled(x, m)),
    "seto.order_quantity_reduced": (m, c) => this.#onOrder(c, m, (x) => t.quantityReduced(x, m)),
    "seto.order_reduced": (m, c) => this.#onOrder(c, m, (x) => t.reduced(x, m)),
    "seto.order_voided": (m, c) => this.#onOrder(c, m, (x) => t.voided(x, m)),
    "seto.order_execute_voided": (m, c) => this.#onOrder(c, m, (x) => t.executionVoided(x, m)),
    // A repeat (no account sequence to tell) changes nothing.
    "seto.order_pending_replace": (m, c) => !this.#index.byId(m.orderId) && this.#update(c, this.#index.add(replacementRecord(m)), () => true),
    "seto.order_cancel_replace_accepted": (m, c) => {
      const index = this.#index;
      const original = this.#updateIf(c, index.byId(m.origOrderId), (x) => t.replaced(x, m.orderId));
      const replacement = this.#update(c, index.byId(m.orderId) ?? index.add(replacementRecord(m)), (x) => t.accepted(x, m));
      return original || replacement;
    },
    "seto.order_cancel_replace_rejected": (m, c) =>
      this.#updateIf(c, this.#index.byId(m.orderId), (x) => t.refused(x, "rejected", seto.orderCancelReplaceRejectedReasonToJSON(m.reason))),
    "seto.order_cancel_rejected": (m, c) => {
      // Only a refused cancel-replace ends an order: its replacement never began.
      const replacement = m.origOrderId !== undefined && m.orderId !== undefined ? this.#index.byId(m.orderId) : undefined;
      return this.#updateIf(c, replacement, (x) => t.refused(x, "rejected", seto.orderCancelRejectedReasonToJSON(m.reason)));
    },
  };

  /** A message about an order under way (one first heard of now is adopted). */
  #onOrder(c: Cause, m: MidLife, transition: Transition): boolean {
    return this.#update(c, this.#index.byId(m.orderId) ?? this.#index.add(adoptedRecord(m)), transition);
  }

  #updateIf(c: Cause, r: OrderRecord | undefined, transition: Transition): boolean {
    return r !== undefined && this.#update(c, r, transition);
  }

  /** Runs `transition`; if it changed the order, records the sequence, files it, announces it, and retires it if ended. */
  #update(c: Cause, r: OrderRecord, transition: Transition): boolean {
    // The snapshot before the change is for change streams only: made when one listens.
    const previous = r.announced && this.#changes.subscriberCount > 0 ? r.view() : undefined;
    if (!transition(r)) return false;
    if (c.accountSequence !== undefined) r.accountSequence = c.accountSequence;
    if (r.orderId !== undefined || r.ended) this.#index.answered(r);
    this.#announce(r, previous, c.name, c.isReplay);
    if (r.ended) this.#retire(r);
    return true;
  }

  #announce(r: OrderRecord, previous: OrderView | undefined, cause: OrderChange["cause"], isReplay: boolean): void {
    r.touched();
    r.announced = true;
    this.#journal?.changed(r);
    if (this.#changes.subscriberCount > 0) this.#changes.publish({ order: r.view(), previous, cause, isReplay });
  }

  /** Keeps the most recent `retainEnded` ended orders; forgets older ones. */
  #retire(r: OrderRecord): void {
    this.#ended.add(r);
    while (this.#ended.size > this.#retainEnded) {
      const oldest = this.#ended.shift()!;
      this.#index.forget(oldest);
      this.#journal?.forgotten(oldest);
    }
  }
}
