// Engine account events → the seto payloads that tell a session about them.
// Field names match (the engine names them after seto); what changes at this
// edge is money (bigint x 10000 → seto's doubles in currency), the account
// sequence (→ account_sequence_64, and account_sequence too while it fits its
// uint32: the protocol docs, and clients written to them, know only that
// one), and fields seto does not carry (dropped).
import type * as seto from "../../generated/seto.js";
import { setoPayload } from "../../generated/payload-map.js";
import type { AccountEvent } from "../engine/index.js";
import { moneyToCurrency } from "../engine/index.js";

/** The seto payload announcing `e` (without its eto seq: the session numbers it). */
export function accountPayload(e: AccountEvent): seto.Payload {
  const sequence = accountSequences(e.accountSequence);
  switch (e.kind) {
    case "order-accepted":
      return setoPayload("seto.order_accepted", {
        // Every accepted order answers a request; 0 only for an order made inside the exchange.
        seq: e.seq ?? 0n,
        ...sequence,
        reference: e.reference,
        price: e.price,
        quantity: e.quantity,
        orderId: e.orderId,
        availableBalance: moneyToCurrency(e.availableBalance),
        exposure: moneyToCurrency(e.exposure),
        contractId: e.contractId,
        side: e.side,
        marketId: e.marketId,
        label: e.label,
      });
    case "order-rejected":
      return setoPayload("seto.order_rejected", { seq: e.seq, reason: e.reason, ...sequence, reference: e.reference, label: e.label });
    case "order-invalid":
      return setoPayload("seto.order_invalid", { seq: e.seq ?? 0n, reasons: [...e.reasons], reference: e.reference });
    case "order-executed":
      return setoPayload("seto.order_executed", {
        price: e.price,
        quantity: e.quantity,
        orderId: e.orderId,
        side: e.side,
        marketId: e.marketId,
        contractId: e.contractId,
        ...sequence,
        totalExecutedQuantity: e.totalExecutedQuantity,
        executedAvgPrice: e.executedAvgPrice,
        availableQuantity: e.availableQuantity,
        origPrice: e.origPrice,
        availableBalance: moneyToCurrency(e.availableBalance),
        exposure: moneyToCurrency(e.exposure),
        label: e.label,
      });
    case "order-cancelled":
      return setoPayload("seto.order_cancelled", {
        reason: e.reason,
        ...sequence,
        reference: e.reference,
        orderId: e.orderId,
        executedQuantity: e.executedQuantity,
        executedAvgPrice: e.executedAvgPrice,
        marketId: e.marketId,
        contractId: e.contractId,
        side: e.side,
        origPrice: e.origPrice,
        availableBalance: moneyToCurrency(e.availableBalance),
        exposure: moneyToCurrency(e.exposure),
        label: e.label,
      });
    case "order-cancel-rejected":
      return setoPayload("seto.order_cancel_rejected", {
        reason: e.reason,
        ...sequence,
        reference: e.reference,
        orderId: e.orderId,
        label: e.label,
        origOrderId: e.origOrderId,
        marketId: e.marketId,
        contractId: e.contractId,
        side: e.side,
      });
    case "order-quantity-reduced":
      return setoPayload("seto.order_quantity_reduced", {
        orderId: e.orderId,
        reason: e.reason,
        reference: e.reference,
        newQuantity: e.newQuantity,
        ...sequence,
        marketId: e.marketId,
        contractId: e.contractId,
        side: e.side,
        origPrice: e.origPrice,
        executedQuantity: e.executedQuantity,
        executedAvgPrice: e.executedAvgPrice,
        label: e.label,
      });
    case "order-quantity-reduce-rejected":
      return setoPayload("seto.order_quantity_reduce_rejected", {
        orderId: e.orderId,
        reason: e.reason,
        reference: e.reference,
        newQuantity: e.newQuantity,
        ...sequence,
        label: e.label,
      });
    case "order-pending-replace":
      return setoPayload("seto.order_pending_replace", {
        orderId: e.orderId,
        origOrderId: e.origOrderId,
        price: e.price,
        quantity: e.quantity,
        ...sequence,
        reference: e.reference,
        label: e.label,
        marketId: e.marketId,
        contractId: e.contractId,
        side: e.side,
      });
    case "order-cancel-replace-accepted":
      return setoPayload("seto.order_cancel_replace_accepted", {
        orderId: e.orderId,
        origOrderId: e.origOrderId,
        price: e.price,
        quantity: e.quantity,
        quantityLeft: e.quantityLeft,
        ...sequence,
        reference: e.reference,
        label: e.label,
        marketId: e.marketId,
        contractId: e.contractId,
        side: e.side,
      });
    case "order-cancel-replace-rejected":
      return setoPayload("seto.order_cancel_replace_rejected", {
        orderId: e.orderId,
        origOrderId: e.origOrderId,
        reason: e.reason,
        ...sequence,
        reference: e.reference,
        label: e.label,
        marketId: e.marketId,
        contractId: e.contractId,
        side: e.side,
      });
    case "order-cancel-all-accepted":
      return setoPayload("seto.order_cancel_all_accepted", { ...sequence, reference: e.reference });
    case "balance-changed":
      return setoPayload("seto.balance_changed", {
        reason: e.reason,
        availableBalance: moneyToCurrency(e.availableBalance),
        exposure: moneyToCurrency(e.exposure),
      });
  }
}

const UINT32_MAX = 0xffff_ffffn;

/** Both account-sequence fields: the 64-bit one always, the 32-bit one while the value fits. */
function accountSequences(sequence: bigint): { accountSequence: number | undefined; accountSequence64: bigint } {
  return { accountSequence: sequence <= UINT32_MAX ? Number(sequence) : undefined, accountSequence64: sequence };
}
