// "smarkets-streaming/protocol": the generated protocol layer — the eto
// (session) and seto (trading) message types and enums, produced by
// `npm run generate` from Smarkets' piqi definitions — and the payload map
// that ties each payload name to its message type. Nothing here is written
// by hand except this list.
/**
 * The generated protocol layer: the eto and seto message types, enums and codecs, and the payload map.
 *
 * @module smarkets-streaming/protocol
 */
import { protocolSource as generatedSource } from "../generated/protocol-version.js";

/**
 * The session layer (`eto.piqi`): an interface per message (`eto.Login`,
 * `eto.LoginResponse`, …), a TypeScript enum per piqi enum
 * (`eto.LogoutReason`, `eto.PayloadType`) and a codec per message
 * (`eto.Login.encode(message).finish()`, `eto.Login.decode(bytes)`).
 * 64-bit integers are `bigint`.
 */
export * as eto from "../generated/eto.js";

/**
 * The trading layer (`seto.piqi`): an interface per message
 * (`seto.OrderCreate`, `seto.OrderAccepted`, `seto.MarketQuotes`, …), a
 * TypeScript enum per piqi enum (`seto.Side`, `seto.OrderRejectedReason`, …)
 * and a codec per message, `seto.Payload` being the envelope every frame
 * carries. 64-bit integers are `bigint`.
 */
export * as seto from "../generated/seto.js";

export {
  setoPayload,
  payloadBody,
  payloadNames,
  isPayloadName,
  type PayloadMessages,
  type PayloadName,
  type EtoPayloadName,
  type SetoPayloadName,
  type BodyPayloadName,
} from "../generated/payload-map.js";

/**
 * Which upstream protocol definitions the generated code was built from:
 * the source directory, the seto and eto module versions and the sha256 of
 * each piqi file, one per line (e.g. `"seto: smk_api_common v6.6.0"`).
 */
export const protocolSource: readonly string[] = generatedSource;
