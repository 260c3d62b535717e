// Side and time in force, as callers write them ("buy", "keep-in-play") or as
// the generated enums; anything else is refused before it reaches the wire,
// where an unknown enum value would fail to encode or be misread.
import * as seto from "../../../generated/seto.js";
import { OrderValidationError } from "../errors.js";
import { show } from "./fields.js";

/** "buy" backs the outcome, "sell" lays it. */
export type SideInput = "buy" | "sell" | seto.Side;

/** An order's time in force, by name or as the generated enum. */
export type TimeInForceInput =
  | "good-til-cancelled"
  | "immediate-or-cancel"
  | "keep-in-play"
  | "good-till-halted"
  | seto.TimeInForceType;

const sides: ReadonlyMap<unknown, seto.Side> = new Map<unknown, seto.Side>([
  ["buy", seto.Side.SIDE_BUY],
  ["sell", seto.Side.SIDE_SELL],
  [seto.Side.SIDE_BUY, seto.Side.SIDE_BUY],
  [seto.Side.SIDE_SELL, seto.Side.SIDE_SELL],
]);

const timesInForce: ReadonlyMap<unknown, seto.TimeInForceType> = new Map<unknown, seto.TimeInForceType>([
  ["good-til-cancelled", seto.TimeInForceType.GOOD_TIL_CANCELLED],
  ["immediate-or-cancel", seto.TimeInForceType.IMMEDIATE_OR_CANCEL],
  ["keep-in-play", seto.TimeInForceType.KEEP_IN_PLAY],
  ["good-till-halted", seto.TimeInForceType.GOOD_TILL_HALTED],
  [seto.TimeInForceType.GOOD_TIL_CANCELLED, seto.TimeInForceType.GOOD_TIL_CANCELLED],
  [seto.TimeInForceType.IMMEDIATE_OR_CANCEL, seto.TimeInForceType.IMMEDIATE_OR_CANCEL],
  [seto.TimeInForceType.KEEP_IN_PLAY, seto.TimeInForceType.KEEP_IN_PLAY],
  [seto.TimeInForceType.GOOD_TILL_HALTED, seto.TimeInForceType.GOOD_TILL_HALTED],
]);

export function checkSide(value: unknown, field = "side"): seto.Side {
  const side = sides.get(value);
  if (side === undefined) {
    throw new OrderValidationError(`${field} must be "buy", "sell", Side.SIDE_BUY (1) or Side.SIDE_SELL (2), got ${show(value)}`, field, value);
  }
  return side;
}

export function checkTimeInForce(value: unknown, field = "timeInForce"): seto.TimeInForceType {
  const tif = timesInForce.get(value);
  if (tif === undefined) {
    throw new OrderValidationError(
      `${field} must be "good-til-cancelled", "immediate-or-cancel", "keep-in-play", "good-till-halted" or a TimeInForceType (1..4), got ${show(value)}`,
      field,
      value,
    );
  }
  return tif;
}
