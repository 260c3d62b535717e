// The client's login: what it sends and what the answer means.
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import type { UnsequencedPayload } from "../payload/encode.js";

/** What `login()` resolves with: the session id, whether it was resumed, and what the exchange reported. */
export interface LoginInfo {
  /** The session id to quote when resuming. */
  readonly sessionId: string;
  /** True when the exchange resumed the session named in the login. */
  readonly resumed: boolean;
  /** The outgoing seq the exchange told us to continue from, when it sent one. */
  readonly reset: bigint | undefined;
  readonly email: string | undefined;
  /** The account id the exchange reported, if any. */
  readonly accountId: bigint | undefined;
}

/** What a login authenticates with: user name and password, or a token. */
export interface LoginCredentials {
  readonly username: string | undefined;
  readonly password: string | undefined;
  readonly token: string | undefined;
}

/** The session a login asks to resume and the sequence numbers to resume from. */
export interface LoginResume {
  /** The earlier session to resume (eto login `session`). */
  readonly sessionId: string | undefined;
  /** Resend account events from here (seto login `account_sequence_64`). */
  readonly accountSequence: bigint | undefined;
}

const utf8 = new TextEncoder();

/**
 * The login payload. A token goes as the seto `cookie`; an account sequence
 * goes as `account_sequence_64` beside `account_sequence = 0`, as the
 * reference Python SDK sends it.
 */
export function loginPayload(credentials: LoginCredentials, resume: LoginResume): UnsequencedPayload {
  const login: seto.Login = {
    username: credentials.username,
    password: credentials.password,
    cookie: credentials.token === undefined ? undefined : utf8.encode(credentials.token),
    accountSequence: resume.accountSequence === undefined ? undefined : 0,
    accountSequence64: resume.accountSequence,
  };
  return {
    type: seto.PayloadType.PAYLOAD_LOGIN,
    etoPayload: {
      type: eto.PayloadType.PAYLOAD_LOGIN,
      login: resume.sessionId === undefined ? undefined : { session: resume.sessionId },
    },
    login,
  };
}

/** A logout reason for messages, e.g. `LOGOUT_UNAUTHORISED (7)`. */
export function describeLogoutReason(reason: eto.LogoutReason | undefined): string {
  if (reason === undefined) return "no reason";
  return `${eto.logoutReasonToJSON(reason)} (${reason})`;
}
