// What `payloads()` yields: one received payload, named and typed, with the
// body decoded on first access.
import type { PayloadMessages, PayloadName } from "../../generated/payload-map.js";
import type * as seto from "../../generated/seto.js";
import type { PayloadEvent } from "../dispatch/handler-types.js";
import type { IncomingPayload } from "../payload/incoming.js";

/** A received payload; narrowing on `name` types `message`. */
export type IncomingEvent = {
  [N in PayloadName]: PayloadEvent<N> & { readonly message: PayloadMessages[N] };
}[PayloadName];

class LazyEvent {
  constructor(
    readonly name: PayloadName,
    readonly source: IncomingPayload,
  ) {}
  get seq(): bigint {
    return this.source.seq;
  }
  get isReplay(): boolean {
    return this.source.isReplay;
  }
  get bytes(): Uint8Array {
    return this.source.bytes;
  }
  get payload(): seto.Payload {
    return this.source.payload;
  }
  get message(): unknown {
    // Decodes only the body (shared with what handlers already decoded).
    return this.source.message(this.name);
  }
}

export function incomingEvent(name: PayloadName, source: IncomingPayload): IncomingEvent {
  return new LazyEvent(name, source) as unknown as IncomingEvent;
}
