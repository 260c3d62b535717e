// Errors of the trading layer. An exchange refusal carries its reason as the
// enum value (to branch on) and as its name (to read), and the message names
// both, with the keys that tie it to the request (seq, reference, order id).
import * as seto from "../../generated/seto.js";
import { SmarketsError, type ErrorOptions } from "../errors.js";

/** "ORDER_REJECTED_INSUFFICIENT_FUNDS (1)": the enum's name and number, so logs are readable and exact. */
function named(name: string, value: number): string {
  return `${name} (${value})`;
}

/** Keys of a request as message text, leaving out those not known. */
function keys(parts: Record<string, bigint | number | undefined>): string {
  const shown = Object.entries(parts)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k} ${String(v)}`);
  return shown.length > 0 ? ` (${shown.join(", ")})` : "";
}

/** The exchange refused an order-create (order-rejected). */
export class OrderRejectedError extends SmarketsError {
  override readonly name = "OrderRejectedError";
  readonly reasonName: string;
  constructor(
    readonly reason: seto.OrderRejectedReason,
    readonly seq: bigint | undefined,
    readonly reference: bigint | undefined,
    options?: ErrorOptions,
  ) {
    const reasonName = seto.orderRejectedReasonToJSON(reason);
    super(`order rejected by the exchange${keys({ seq, reference })}: ${named(reasonName, reason)}`, options);
    this.reasonName = reasonName;
  }
}

/** The exchange found an order-create (or cancel-replace) invalid (order-invalid): bad price or quantity. */
export class OrderInvalidError extends SmarketsError {
  override readonly name = "OrderInvalidError";
  readonly reasonNames: readonly string[];
  constructor(
    readonly reasons: readonly seto.OrderInvalidReason[],
    readonly seq: bigint | undefined,
    readonly reference: bigint | undefined,
    options?: ErrorOptions,
  ) {
    const reasonNames = reasons.map((r) => seto.orderInvalidReasonToJSON(r));
    const listed = reasons.length > 0 ? reasons.map((r, i) => named(reasonNames[i]!, r)).join(", ") : "no reason given";
    super(`order invalid${keys({ seq, reference })}: ${listed}`, options);
    this.reasonNames = reasonNames;
  }
}

/**
 * The exchange refused an order-cancel (order-cancel-rejected). A cancel-replace
 * can be refused this way too (its original is unknown, or the replacement
 * lacks funds): then `origOrderId` is set.
 */
export class OrderCancelRejectedError extends SmarketsError {
  override readonly name = "OrderCancelRejectedError";
  readonly reasonName: string;
  constructor(
    readonly reason: seto.OrderCancelRejectedReason,
    readonly orderId: bigint | undefined,
    readonly reference: bigint | undefined,
    readonly origOrderId: bigint | undefined = undefined,
    options?: ErrorOptions,
  ) {
    const reasonName = seto.orderCancelRejectedReasonToJSON(reason);
    const what = origOrderId === undefined ? "cancel" : "cancel-replace";
    super(`${what} rejected by the exchange${keys({ orderId, origOrderId, reference })}: ${named(reasonName, reason)}`, options);
    this.reasonName = reasonName;
  }
}

/** The exchange refused an order-quantity-reduce. */
export class OrderQuantityReduceRejectedError extends SmarketsError {
  override readonly name = "OrderQuantityReduceRejectedError";
  readonly reasonName: string;
  constructor(
    readonly reason: seto.OrderQuantityReduceRejectedReason,
    readonly orderId: bigint,
    readonly newQuantity: bigint,
    readonly reference: bigint | undefined,
    options?: ErrorOptions,
  ) {
    const reasonName = seto.orderQuantityReduceRejectedReasonToJSON(reason);
    super(`reduce to ${newQuantity} rejected by the exchange${keys({ orderId, reference })}: ${named(reasonName, reason)}`, options);
    this.reasonName = reasonName;
  }
}

/** The exchange refused an order-cancel-replace (order-cancel-replace-rejected); the original is untouched. */
export class OrderCancelReplaceRejectedError extends SmarketsError {
  override readonly name = "OrderCancelReplaceRejectedError";
  readonly reasonName: string;
  constructor(
    readonly reason: seto.OrderCancelReplaceRejectedReason,
    readonly origOrderId: bigint,
    /** The id the replacement would have had. */
    readonly orderId: bigint,
    readonly reference: bigint | undefined,
    options?: ErrorOptions,
  ) {
    const reasonName = seto.orderCancelReplaceRejectedReasonToJSON(reason);
    super(`cancel-replace rejected by the exchange${keys({ origOrderId, orderId, reference })}: ${named(reasonName, reason)}`, options);
    this.reasonName = reasonName;
  }
}

/** The exchange refused an order-cancel-all. */
export class OrderCancelAllRejectedError extends SmarketsError {
  override readonly name = "OrderCancelAllRejectedError";
  readonly reasonName: string;
  constructor(
    readonly reason: seto.OrderCancelAllRejectedReason,
    readonly reference: bigint | undefined,
    options?: ErrorOptions,
  ) {
    const reasonName = seto.orderCancelAllRejectedReasonToJSON(reason);
    super(`cancel-all rejected by the exchange${keys({ reference })}: ${named(reasonName, reason)}`, options);
    this.reasonName = reasonName;
  }
}

/**
 * A request was sent, then the session ended (and could not be resumed)
 * before its reply arrived: the exchange may or may not have acted on it.
 */
export class OutcomeUnknownError extends SmarketsError {
  override readonly name = "OutcomeUnknownError";
  constructor(
    /** The request, e.g. "placeOrder (reference 42)". */
    readonly request: string,
    readonly seq: bigint,
    readonly reference: bigint | undefined,
    /** What ended the wait, e.g. "the session was lost and could not be resumed". */
    readonly why: string,
    options?: ErrorOptions,
  ) {
    super(
      `${request} was sent as seq ${seq}, then ${why} before its reply arrived: ` +
        "the exchange may or may not have acted on it; reconcile (the account-sequence replay updates the order tracker) before retrying",
      options,
    );
  }
}

/** A request was never sent: the session was lost, or the trading layer closed, while it waited in the throttle queue. */
export class RequestNotSentError extends SmarketsError {
  override readonly name = "RequestNotSentError";
  constructor(
    readonly request: string,
    /** Why it could not go, e.g. "the session could not be resumed". */
    readonly why: string,
    options?: ErrorOptions,
  ) {
    super(`${request} was not sent: ${why}`, options);
  }
}

/** The client-side throttle's queue was full: the request was refused, nothing sent. */
export class ThrottleQueueFullError extends SmarketsError {
  override readonly name = "ThrottleQueueFullError";
  constructor(
    readonly request: string,
    readonly capacity: number,
    options?: ErrorOptions,
  ) {
    super(
      `${request} was refused: ${capacity} requests are already waiting for the exchange's rate limit (queue capacity ${capacity}); nothing was sent`,
      options,
    );
  }
}

/** A request's arguments failed the client-side checks; nothing was sent. */
export class OrderValidationError extends SmarketsError {
  override readonly name = "OrderValidationError";
  constructor(
    message: string,
    /** The offending argument, e.g. "price". */
    readonly field: string,
    /** Its value as given. */
    readonly value: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}
