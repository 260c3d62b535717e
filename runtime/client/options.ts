// What a StreamingAPIClient can be given besides the SessionSettings.
import type { Clock } from "../clock.js";
import type { HandlerErrorPolicy } from "../dispatch/handler-types.js";
import type { Logger } from "../logging/index.js";
import type { SessionStore } from "../store/session-store.js";
import type { OverflowPolicy } from "../streams/index.js";
import type { Connection, TransportOptions } from "../transport/index.js";
import type { TradingOptions } from "../trading/options.js";
import type { ReconnectOptions } from "./reconnect-policy.js";

/** What a {@link StreamingAPIClient} can be given besides its {@link SessionSettings}: logger, reconnect policy, stream sizes, trading options, clock. */
export interface ClientOptions {
  /** Timers and time; tests inject a FakeClock. Default: the system clock. */
  clock?: Clock;
  /** Where the client logs; by default the console, warnings and errors only. A pino logger fits. */
  logger?: Logger;
  /** Log every payload in and out at debug level as readable text (secrets redacted). Costs a decode each. */
  logPayloads?: boolean;
  /**
   * Where the session's state is kept: the sent payloads (for the peer's
   * replay requests) and, in a durable store, the session id, both seqs, how
   * far delivery went and our orders, so that a new client given the same
   * store after a crash resumes the session. Default a MemorySessionStore
   * (`outgoingStoreSize`, `outgoingStoreBytes`); a FileSessionStore survives
   * kill -9. One client per store.
   */
  store?: SessionStore;
  /** Reconnect and resume the session after a dropped connection. Default off. Needs `autoRead`. */
  reconnect?: boolean | ReconnectOptions;
  /**
   * Read from the socket by itself (default true). With false, nothing is read
   * until the caller calls `read()`, as with the seed SDK's blocking loop.
   */
  autoRead?: boolean;
  /**
   * Queue size and overflow policy for each `payloads()` / `statuses()` /
   * `errors()` iterator; `maxBytes` also bounds each `payloads()` queue by
   * the bytes of the payloads waiting in it (default 64 MiB), so large
   * frames cannot make a subscriber that fell behind hold unbounded memory.
   */
  streams?: { capacity?: number; overflow?: OverflowPolicy; maxBytes?: number };
  /** Options of `client.trading` (request timeout, throttle queue, book depth, …); its clock is the client's. */
  trading?: Omit<TradingOptions, "clock">;
  /**
   * What a handler that throws does (see the README, "Handler errors"): by
   * default ("continue") the failure is reported and every other handler of
   * the payload still runs; with "stop" the client stops at that payload, its
   * incoming seq not advanced past it, so `resumeState` resumes from it.
   */
  onHandlerError?: HandlerErrorPolicy;
  /** Opens connections; tests and custom transports replace it. Default: TCP/TLS `connect`. */
  connect?: (options: TransportOptions) => Promise<Connection>;
}
