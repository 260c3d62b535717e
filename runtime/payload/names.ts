// Human names for payload types, for logs and error messages.
import { lookupPayload } from "../../generated/payload-map.js";

/** The payload's name, e.g. `seto.order_accepted` or `eto.heartbeat`; unknown types are named by number. */
export function payloadName(setoType: number, etoType: number | undefined): string {
  const info = lookupPayload(setoType, etoType);
  if (info) return info.name;
  return etoType === undefined ? `seto.unknown(${setoType})` : `unknown(seto ${setoType}, eto ${etoType})`;
}
