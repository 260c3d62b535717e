import type { PayloadMessages, PayloadName } from "../../generated/payload-map.js";
import type * as seto from "../../generated/seto.js";

/** What the dispatcher needs from an incoming payload: its header, bytes and a lazy decode. */
export interface DispatchablePayload {
  readonly setoType: number;
  readonly etoType: number | undefined;
  readonly seq: bigint;
  readonly isReplay: boolean;
  readonly bytes: Uint8Array;
  readonly payload: seto.Payload;
  /**
   * The body as payload `name` carries it, equal to `payloadBody(name, payload)`,
   * if the payload can produce it more cheaply than a whole decode (IncomingPayload can).
   */
  message?<N extends PayloadName>(name: N): PayloadMessages[N] | undefined;
}
