/** What the dispatcher needs from an incoming payload: its header, bytes and a lazy decode. */
export interface DispatchablePayload {
  readonly setoType: number;
  readonly etoType: number | undefined;
  readonly seq: bigint;
  readonly isReplay: boolean;
  readonly bytes: Uint8Array;
  readonly payload: import("../../generated/seto.js").Payload;
}
