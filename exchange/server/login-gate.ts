// Decides what a connection's first payload gets: a new session, the resumed
// one it names, or a logout saying why not. Rules, checked in this order:
// - it must be a login (seto and eto type login), not flagged is_replay, and
//   for a new session have seq 1: else LOGOUT_LOGIN_NOT_FIRST_SEQ;
// - its credentials (username and password, or token as `cookie`) must be
//   right: else LOGOUT_UNAUTHORISED;
// - a resume must name a live session of the same account: else
//   LOGOUT_UNKNOWN_SESSION (another account's session is not revealed).
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";
import type { Authenticated, CredentialBook } from "./credentials.js";
import type { ServerSession } from "./server-session.js";
import type { SessionRegistry } from "./session-registry.js";

export type Admission =
  | { readonly kind: "refuse"; readonly reason: eto.LogoutReason; readonly why: string }
  | { readonly kind: "new"; readonly account: Authenticated; readonly accountSequence: bigint | undefined }
  | { readonly kind: "resume"; readonly session: ServerSession; readonly accountSequence: bigint | undefined };

const refuse = (reason: eto.LogoutReason, why: string): Admission => ({ kind: "refuse", reason, why });

export function admit(first: Uint8Array, credentials: CredentialBook, sessions: SessionRegistry): Admission {
  const NOT_FIRST = eto.LogoutReason.LOGOUT_LOGIN_NOT_FIRST_SEQ;
  let p: IncomingPayload;
  try {
    p = new IncomingPayload(first);
  } catch (e) {
    return refuse(NOT_FIRST, `the first payload is unreadable (${e instanceof Error ? e.message : String(e)})`);
  }
  if (p.setoType !== seto.PayloadType.PAYLOAD_LOGIN || p.etoType !== eto.PayloadType.PAYLOAD_LOGIN) {
    return refuse(NOT_FIRST, `the first payload is ${p.name}, not a login`);
  }
  if (p.isReplay) return refuse(NOT_FIRST, "the login is flagged is_replay");
  let payload: seto.Payload;
  try {
    payload = p.payload;
  } catch (e) {
    return refuse(eto.LogoutReason.LOGOUT_UNAUTHORISED, `the login does not decode (${e instanceof Error ? e.message : String(e)})`);
  }
  const resumeId = payload.etoPayload?.login?.session;
  if (resumeId === undefined && p.seq !== 1n) return refuse(NOT_FIRST, `a new session's login has seq ${p.seq}, not 1`);
  const login = payload.login ?? {};
  const account = credentials.authenticate(login);
  if (account === undefined) return refuse(eto.LogoutReason.LOGOUT_UNAUTHORISED, "wrong or missing credentials");
  const accountSequence = login.accountSequence64 ?? (login.accountSequence ? BigInt(login.accountSequence) : undefined);
  if (resumeId === undefined) return { kind: "new", account, accountSequence };
  const session = sessions.get(resumeId);
  if (session === undefined || session.account.accountId !== account.accountId || session.ended !== undefined) {
    return refuse(eto.LogoutReason.LOGOUT_UNKNOWN_SESSION, "the login resumes a session that does not exist (or is over)");
  }
  return { kind: "resume", session, accountSequence };
}
