// The tracker's mutable state for one order, and the snapshot it shows.
import type * as seto from "../../../generated/seto.js";
import { rational } from "../../odds/rational.js";
import { isEnded, type OrderStatus } from "./order-status.js";
import type { OrderView } from "./order-view.js";

/** Where-and-what fields many order messages carry. */
export interface OrderWhere {
  marketId?: number | undefined;
  contractId?: number | undefined;
  side?: seto.Side | undefined;
  label?: string | undefined;
}

export class OrderRecord {
  /** The record's key in a durable store (assigned when it is filed; 0 until then). */
  key = 0;
  orderId: bigint | undefined;
  reference: bigint | undefined;
  seq: bigint | undefined;
  status: OrderStatus = "pending";
  marketId: number | undefined;
  contractId: number | undefined;
  side: seto.Side | undefined;
  price: number | undefined;
  quantity = 0n;
  executedQuantity = 0n;
  executedValue = 0n;
  remainingQuantity = 0n;
  voidedQuantity = 0n;
  label: string | undefined;
  replaces: bigint | undefined;
  replacedBy: bigint | undefined;
  reason: string | undefined;
  accountSequence: bigint | undefined;
  complete = true;
  /** Whether a change stream has been told of it (so the next change has a `previous`). */
  announced = false;
  #view: OrderView | undefined;

  get ended(): boolean {
    return isEnded(this.status);
  }

  /** Whether it can still execute or be changed: pending or on the book. */
  get open(): boolean {
    return !this.ended;
  }

  /** Fills in where-and-what fields a message carries and the record lacks. */
  learn(m: OrderWhere): void {
    this.marketId ??= m.marketId;
    this.contractId ??= m.contractId;
    this.side ??= m.side;
    this.label ??= m.label;
  }

  /** Ends the order with `status`: nothing stays open. */
  end(status: OrderStatus, reason?: string): void {
    this.status = status;
    this.remainingQuantity = 0n;
    if (reason !== undefined) this.reason = reason;
  }

  /**
   * After its quantities changed: an open order rests (with or without
   * executions) while something is open, and ends as `endedBy` when nothing is.
   */
  settle(endedBy: OrderStatus): void {
    if (this.ended) return;
    if (this.remainingQuantity > 0n) this.status = this.executedQuantity > 0n ? "partially-executed" : "live";
    else this.end(endedBy);
  }

  /** The snapshot (a new one after any change; the same object otherwise). */
  view(): OrderView {
    return (this.#view ??= Object.freeze({
      orderId: this.orderId,
      reference: this.reference,
      seq: this.seq,
      status: this.status,
      marketId: this.marketId,
      contractId: this.contractId,
      side: this.side,
      price: this.price,
      quantity: this.quantity,
      executedQuantity: this.executedQuantity,
      executedValue: this.executedValue,
      averagePrice: this.executedQuantity > 0n ? rational(this.executedValue, this.executedQuantity) : undefined,
      remainingQuantity: this.remainingQuantity,
      voidedQuantity: this.voidedQuantity,
      label: this.label,
      replaces: this.replaces,
      replacedBy: this.replacedBy,
      reason: this.reason,
      accountSequence: this.accountSequence,
      complete: this.complete,
    }));
  }

  /** Drops the cached snapshot; the next view() reflects the changes. */
  touched(): void {
    this.#view = undefined;
  }
}
