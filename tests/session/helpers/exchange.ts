// A minimal server role on the shared session core, as the simulated
// exchange will build one: it answers logins (new or resumed) and logouts.
// Used to drive the client Session end to end.
import * as eto from "../../../generated/eto.js";
import type { Clock } from "../../../runtime/clock.js";
import { loginResponsePayload, logoutPayload } from "../../../runtime/payload/encode.js";
import type { IncomingPayload } from "../../../runtime/payload/incoming.js";
import { SessionCore } from "../../../runtime/session/core.js";
import { MemoryOutgoingStore, type OutgoingStore } from "../../../runtime/session/outgoing-store.js";
import { Recorder, Wire } from "./fixtures.js";

export class MiniExchange {
  readonly wire = new Wire();
  readonly rec = new Recorder();
  readonly core: SessionCore;
  sessions = 0;
  sessionId: string | undefined;

  constructor(clock: Clock, store: OutgoingStore = new MemoryOutgoingStore(100_000)) {
    this.core = new SessionCore({
      clock,
      output: this.wire,
      sink: this.rec,
      listener: this.rec,
      store,
      nextInSeq: 1n,
      nextOutSeq: 1n,
      heartbeatIntervalMs: 30_000,
      deadAfterMs: 90_000,
      replayTimeoutMs: 1_000,
      maxHeldPayloads: 1_000,
      onLive: (p) => this.#onLive(p),
    });
  }

  #onLive(p: IncomingPayload): void {
    if (p.etoType === eto.PayloadType.PAYLOAD_LOGIN) {
      const asked = p.payload.etoPayload?.login?.session;
      if (asked === undefined || asked !== this.sessionId) {
        // A new session: both streams start over, the login being its first payload.
        this.sessionId = `session-${++this.sessions}`;
        this.core.restart(p.seq, 1n);
      }
      this.core.send(loginResponsePayload(this.sessionId), true);
      this.core.startMonitoring();
    } else if (p.etoType === eto.PayloadType.PAYLOAD_LOGOUT) {
      this.core.send(logoutPayload(eto.LogoutReason.LOGOUT_CONFIRMATION), true);
    }
  }
}
