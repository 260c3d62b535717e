// Which fields of the protocol messages hold enums or nested messages, so a
// decoded payload (where enums are bare numbers) can be logged with names.
// Only such fields are listed: everything else renders from its value alone.
// tests/logging/payload-schema.test.ts checks this table against proto/*.proto.
import type { PayloadName } from "../../generated/payload-map.js";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";

/** A TypeScript numeric enum object (it maps numbers back to names). */
export type EnumObject = Readonly<Record<string | number, string | number>>;

export type FieldSchema = { readonly enum: EnumObject } | { readonly message: MessageSchema };

/** Enum and message fields of one message, by TypeScript property name. */
export type MessageSchema = Readonly<Record<string, FieldSchema>>;

const side = { enum: seto.Side };
const quantityType = { enum: seto.QuantityType };
const priceType = { enum: seto.PriceType };

const quote: MessageSchema = {};
const execution: MessageSchema = { liquidity: side };
const contractQuotes: MessageSchema = {
  bids: { message: quote },
  offers: { message: quote },
  executions: { message: execution },
  lastExecution: { message: execution },
};
const contractState: MessageSchema = { state: { enum: seto.ContractStateType }, reduceType: { enum: seto.ReduceType } };

/** Schema of each payload type's body; types whose body has only scalar fields are absent. */
export const bodySchemas: Partial<Record<PayloadName, MessageSchema>> = {
  "eto.logout": { reason: { enum: eto.LogoutReason } },
  "seto.order_create": {
    type: { enum: seto.OrderCreateType },
    side,
    quantityType,
    priceType,
    tif: { enum: seto.TimeInForceType },
  },
  "seto.order_rejected": { reason: { enum: seto.OrderRejectedReason } },
  "seto.order_accepted": { side },
  "seto.order_executed": { quantityType, side },
  "seto.order_cancelled": { reason: { enum: seto.OrderCancelledReason }, side },
  "seto.order_invalid": { reasons: { enum: seto.OrderInvalidReason } },
  "seto.market_quotes": { contractQuotes: { message: contractQuotes }, priceType, quantityType },
  "seto.contract_quotes": contractQuotes,
  "seto.order_cancel_rejected": { reason: { enum: seto.OrderCancelRejectedReason }, side },
  "seto.order_execute_voided": { quantityType, side },
  "seto.market_state": { state: { enum: seto.MarketStateType }, contracts: { message: contractState } },
  "seto.runningball_notification": { state: { enum: seto.RunningballState }, period: { enum: seto.RunningballPeriod } },
  "seto.market_managed_state": { managedState: { enum: seto.MarketManagementType } },
  "seto.order_quantity_reduced": { reason: { enum: seto.OrderQuantityReducedReason }, side },
  "seto.order_quantity_reduce_rejected": { reason: { enum: seto.OrderQuantityReduceRejectedReason } },
  "seto.order_reduced": { side },
  "seto.order_cancel_all_rejected": { reason: { enum: seto.OrderCancelAllRejectedReason } },
  "seto.order_voided": { side },
  "seto.order_cancel_replace": { priceType, quantityType },
  "seto.order_pending_replace": { side },
  "seto.order_cancel_replace_accepted": { side },
  "seto.order_cancel_replace_rejected": { reason: { enum: seto.OrderCancelReplaceRejectedReason }, side },
};

/** The name of `value` in `enumObject`, or undefined if it is not one of its members. */
export function enumName(enumObject: EnumObject, value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
  const name = enumObject[value];
  // UNRECOGNIZED (-1) is ts-proto's placeholder, not a protocol value: show the number.
  return typeof name === "string" && name !== "UNRECOGNIZED" ? name : undefined;
}
