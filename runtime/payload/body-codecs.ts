// The generated codec of each seto body, by its property on seto.Payload,
// so one body can be decoded without its envelope. The mapped type makes the
// table complete and each entry's message type match the property's;
// tests/payload/body-codecs.test.ts checks each entry is the very codec the
// envelope's own decoder calls for that field.
import type { BinaryReader } from "@bufbuild/protobuf/wire";
import { payloadInfo, payloadNames, type PayloadInfo } from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";

/** Properties of seto.Payload that hold a seto body (all but the type and the eto_payload). */
export type SetoBodyProperty = Exclude<keyof seto.Payload, "type" | "etoPayload">;

/** What decoding a body needs from a generated codec. */
export interface BodyDecoder<T> {
  decode(input: BinaryReader | Uint8Array, length?: number): T;
}

export const setoBodyCodecs: { readonly [P in SetoBodyProperty]-?: BodyDecoder<NonNullable<seto.Payload[P]>> } = {
  login: seto.Login,
  orderCreate: seto.OrderCreate,
  orderRejected: seto.OrderRejected,
  orderAccepted: seto.OrderAccepted,
  orderExecuted: seto.OrderExecuted,
  orderCancel: seto.OrderCancel,
  orderCancelled: seto.OrderCancelled,
  orderInvalid: seto.OrderInvalid,
  marketSubscribe: seto.MarketSubscribe,
  marketUnsubscribe: seto.MarketUnsubscribe,
  marketQuotes: seto.MarketQuotes,
  contractQuotes: seto.ContractQuotes,
  orderCancelRejected: seto.OrderCancelRejected,
  orderExecuteVoided: seto.OrderExecutedVoid,
  marketState: seto.MarketState,
  eventSubscribe: seto.EventSubscribe,
  eventUnsubscribe: seto.EventUnsubscribe,
  runningballNotification: seto.RunningballNotification,
  marketManagedState: seto.MarketManagedState,
  priceFeedSubscribe: seto.PriceFeedSubscribe,
  priceFeedUnsubscribe: seto.PriceFeedUnsubscribe,
  orderExecuteConfirmed: seto.OrderExecuteConfirmed,
  marketFeedSubscribe: seto.MarketFeedSubscribe,
  marketFeedUnsubscribe: seto.MarketFeedUnsubscribe,
  orderQuantityReduce: seto.OrderQuantityReduce,
  orderQuantityReduced: seto.OrderQuantityReduced,
  orderQuantityReduceRejected: seto.OrderQuantityReduceRejected,
  orderReduced: seto.OrderReduced,
  orderCancelAll: seto.OrderCancelAll,
  orderCancelAllAccepted: seto.OrderCancelAllAccepted,
  orderCancelAllRejected: seto.OrderCancelAllRejected,
  throttleLimitsChanged: seto.ThrottleLimitsChanged,
  settings: seto.Settings,
  settingsAccepted: seto.SettingsAccepted,
  balanceChanged: seto.BalanceChanged,
  orderVoided: seto.OrderVoided,
  orderCancelReplace: seto.OrderCancelReplace,
  orderPendingReplace: seto.OrderPendingReplace,
  orderCancelReplaceAccepted: seto.OrderCancelReplaceAccepted,
  orderCancelReplaceRejected: seto.OrderCancelReplaceRejected,
};

/** A seto body field: the property holding it and the codec decoding it. */
export interface SetoBodyField {
  readonly property: SetoBodyProperty;
  readonly codec: BodyDecoder<unknown>;
}

/** The seto bodies by field number of seto.Payload, for an indexed lookup on the hot path. */
export const setoBodyByField: readonly (SetoBodyField | undefined)[] = (() => {
  const byField: (SetoBodyField | undefined)[] = [];
  for (const name of payloadNames) {
    const info: PayloadInfo = payloadInfo[name];
    if (info.layer !== "seto" || info.property === undefined || info.fieldNumber === undefined) continue;
    const property = info.property as SetoBodyProperty;
    byField[info.fieldNumber] = { property, codec: setoBodyCodecs[property] };
  }
  return byField;
})();
