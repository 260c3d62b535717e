// What a caller may pass to Session.send: a known payload type, not one the
// session sends itself, and without the session's own flags.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { lookupPayload } from "../../generated/payload-map.js";
import { ArgumentError } from "../errors.js";
import type { UnsequencedPayload } from "../payload/encode.js";

const SESSION_ONLY: ReadonlySet<number | undefined> = new Set([
  eto.PayloadType.PAYLOAD_LOGIN, // login()
  eto.PayloadType.PAYLOAD_LOGOUT, // logout()
  eto.PayloadType.PAYLOAD_PING, // ping(): its pong must find it
  eto.PayloadType.PAYLOAD_GAPFILL, // only in replays
]);

/** Throws ArgumentError for a payload callers may not send. */
export function checkSendable(p: UnsequencedPayload): void {
  const info = lookupPayload(p.type, p.etoPayload?.type);
  if (info === undefined) {
    throw new ArgumentError(`unknown payload type: seto ${p.type}, eto ${String(p.etoPayload?.type)}`);
  }
  if (p.etoPayload?.isReplay !== undefined) {
    throw new ArgumentError(`${info.name}: is_replay is set by the session (on replays), not by callers`);
  }
  if (p.type === seto.PayloadType.PAYLOAD_LOGIN || SESSION_ONLY.has(p.etoPayload?.type)) {
    throw new ArgumentError(`${info.name} cannot be sent with send(): use login(), logout() or ping() (gapfills only occur in replays)`);
  }
}
