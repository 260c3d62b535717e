import test from "ava";
import * as seto from "../../generated/seto.js";
import { SmarketsError } from "../../runtime/errors.js";
import {
  OrderCancelAllRejectedError,
  OrderCancelRejectedError,
  OrderCancelReplaceRejectedError,
  OrderInvalidError,
  OrderQuantityReduceRejectedError,
  OrderRejectedError,
  OrderValidationError,
  OutcomeUnknownError,
  RequestNotSentError,
  ThrottleQueueFullError,
  randomReference,
} from "../../runtime/trading/index.js";

test("every trading error is a SmarketsError with its own name and a message naming the reason and the keys", (t) => {
  const cases: [SmarketsError, string, RegExp][] = [
    [new OrderRejectedError(seto.OrderRejectedReason.ORDER_REJECTED_LIMIT_EXCEEDED, 3n, 4n), "OrderRejectedError", /seq 3, reference 4\): ORDER_REJECTED_LIMIT_EXCEEDED \(2\)/],
    [new OrderInvalidError([], 3n, undefined), "OrderInvalidError", /\(seq 3\): no reason given/],
    [
      new OrderCancelRejectedError(seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_TOO_LATE, 9n, 1n),
      "OrderCancelRejectedError",
      /^cancel rejected .*orderId 9, reference 1\): ORDER_CANCEL_REJECTED_TOO_LATE \(12\)/,
    ],
    [
      new OrderQuantityReduceRejectedError(seto.OrderQuantityReduceRejectedReason.ORDER_QUANTITY_REDUCE_REJECTED_NOT_FOUND, 9n, 5n, 1n),
      "OrderQuantityReduceRejectedError",
      /reduce to 5 .*ORDER_QUANTITY_REDUCE_REJECTED_NOT_FOUND \(1\)/,
    ],
    [
      new OrderCancelReplaceRejectedError(seto.OrderCancelReplaceRejectedReason.ORDER_CANCEL_REPLACE_REJECTED_MARKET_HALTED, 9n, 10n, 1n),
      "OrderCancelReplaceRejectedError",
      /origOrderId 9, orderId 10, reference 1\): ORDER_CANCEL_REPLACE_REJECTED_MARKET_HALTED \(5\)/,
    ],
    [
      new OrderCancelAllRejectedError(seto.OrderCancelAllRejectedReason.ORDER_CANCEL_ALL_REJECTED_UNKNOWN_ERROR, 1n),
      "OrderCancelAllRejectedError",
      /ORDER_CANCEL_ALL_REJECTED_UNKNOWN_ERROR \(1\)/,
    ],
    [
      new OutcomeUnknownError("placeOrder (reference 4)", 3n, 4n, "the session was lost"),
      "OutcomeUnknownError",
      /placeOrder \(reference 4\) was sent as seq 3, then the session was lost before its reply arrived/,
    ],
    [new RequestNotSentError("cancelOrder (order 1)", "the session was lost"), "RequestNotSentError", /cancelOrder \(order 1\) was not sent: the session was lost/],
    [new ThrottleQueueFullError("cancelOrder (order 1)", 10), "ThrottleQueueFullError", /queue capacity 10/],
    [new OrderValidationError("price bad", "price", 1), "OrderValidationError", /price bad/],
  ];
  for (const [error, name, message] of cases) {
    t.true(error instanceof SmarketsError, name);
    t.is(error.name, name);
    t.regex(error.message, message);
  }
});

test("an exchange reason outside the known enum is still reported, as UNRECOGNIZED with its number", (t) => {
  const error = new OrderRejectedError(99 as seto.OrderRejectedReason, undefined, undefined);
  t.is(error.reasonName, "UNRECOGNIZED");
  t.regex(error.message, /UNRECOGNIZED \(99\)/);
});

test("errors carry a cause when given one", (t) => {
  const cause = new Error("socket closed");
  t.is(new RequestNotSentError("x", "y", { cause }).cause, cause);
});

test("generated references are 53-bit (exact as numbers) and vary", (t) => {
  const seen = new Set<bigint>();
  for (let i = 0; i < 1000; i += 1) {
    const r = randomReference();
    t.true(r >= 0n && r <= BigInt(Number.MAX_SAFE_INTEGER));
    seen.add(r);
  }
  t.is(seen.size, 1000);
  // Drawn across refills of the random pool, and over all 53 bits (high and low words both vary).
  t.true([...seen].some((r) => r >= 2n ** 52n));
  t.is(new Set([...seen].map((r) => r & 0xffff_ffffn)).size, 1000);
});
