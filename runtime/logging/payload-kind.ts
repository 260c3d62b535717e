// A payload's kind as text, e.g. `seto.order_create` or `eto.heartbeat`,
// derived from the PayloadType enums so every protocol type is named.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { enumName } from "./payload-schema.js";

/** `seto.<type>` for trading payloads, `eto.<type>` for session payloads; unknown numbers as `seto.unknown(99)`. */
export function payloadKindName(setoType: unknown, etoType: unknown): string {
  if (setoType === seto.PayloadType.PAYLOAD_ETO) return kind("eto", enumName(eto.PayloadType, etoType), etoType);
  return kind("seto", enumName(seto.PayloadType, setoType), setoType);
}

function kind(layer: string, typeName: string | undefined, value: unknown): string {
  if (typeName === undefined) return `${layer}.unknown(${String(value)})`;
  return `${layer}.${typeName.replace(/^PAYLOAD_/, "").toLowerCase()}`;
}
