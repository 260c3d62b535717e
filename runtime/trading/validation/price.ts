// An order's price must be a tick of the Smarkets ladder, or the exchange
// answers order-invalid. Checked here first, and the error names the ticks on
// either side so the caller can pick one (or snap with snapToTick).
import { isTick, MAX_PRICE_BPS, MIN_PRICE_BPS, ticksAbove, ticksBelow } from "../../odds/index.js";
import { OrderValidationError } from "../errors.js";
import { show } from "./fields.js";

export function checkOrderPrice(value: unknown, field = "price"): number {
  if (isTick(value)) return value;
  if (typeof value !== "number" || !Number.isInteger(value) || value < MIN_PRICE_BPS || value > MAX_PRICE_BPS) {
    throw new OrderValidationError(
      `${field} must be a whole number of basis points within ${MIN_PRICE_BPS}..${MAX_PRICE_BPS} (0.01%..99.99%) on the odds ladder, got ${show(value)}`,
      field,
      value,
    );
  }
  // 1 and 9999 are ticks, so an in-range non-tick has a tick on each side.
  const below = ticksBelow(value, 1)[0];
  const above = ticksAbove(value, 1)[0];
  throw new OrderValidationError(
    `${field} ${value} bps is not on the odds ladder; the nearest ticks are ${String(below)} (below) and ${String(above)} (above)`,
    field,
    value,
  );
}
