// What the session tells its listener about itself. Most entries are states
// (connected, logging-in, logged-in, logging-out, logged-out, disconnected);
// the rest are events that leave the state as it was (gap, gap-filled,
// replaying, throttle-exceeded, dead).
import type { LogoutReason } from "../../generated/eto.js";

/** A session state or event (logged-in, gap, replaying, logged-out, …); narrow on `state`. */
export type SessionStatus =
  /** The transport is up; nothing has been sent yet. */
  | { readonly state: "connected" }
  /** A login was sent; `resuming` when it names an earlier session. */
  | { readonly state: "logging-in"; readonly resuming: boolean }
  /** The peer accepted the login. */
  | { readonly state: "logged-in"; readonly sessionId: string; readonly resumed: boolean }
  /** A logout was sent; waiting for the peer's confirmation. */
  | { readonly state: "logging-out" }
  /** The peer sent a logout: a refused login, a confirmation, or its own decision (`reason` says which). */
  | { readonly state: "logged-out"; readonly reason: LogoutReason }
  /** The transport went down (the session can be resumed on a new connection). */
  | { readonly state: "disconnected"; readonly cause?: unknown }
  /** Event: incoming payloads `from`..`to` are missing; a replay from `from` was requested. */
  | { readonly state: "gap"; readonly from: bigint; readonly to: bigint }
  /** Event: every missing incoming payload has arrived; `next` is the next seq expected. */
  | { readonly state: "gap-filled"; readonly next: bigint }
  /** Event: resending our payloads `from`..`to` because the peer asked for a replay. */
  | { readonly state: "replaying"; readonly from: bigint; readonly to: bigint }
  /** Event: the peer says we are sending too fast (payload `seq` was its notice). */
  | { readonly state: "throttle-exceeded"; readonly seq: bigint }
  /** Event: nothing arrived for `silentForMs`; the connection should be closed (and maybe reopened). */
  | { readonly state: "dead"; readonly silentForMs: number };

/** The `state` names a {@link SessionStatus} can have. */
export type SessionState = SessionStatus["state"];
