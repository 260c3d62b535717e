// Turns the low-level reason a socket failed (an errno code, a TLS
// verification code, a timeout) into the "why" of a ConnectionError message.
import { TimeoutError } from "../errors.js";

/** Certificate verification failures reported by Node/OpenSSL. */
const CERTIFICATE_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_REVOKED",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "INVALID_CA",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

const REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused, nothing is listening there",
  ECONNRESET: "connection reset by the peer",
  ECONNABORTED: "connection aborted",
  EPIPE: "the peer closed the connection while we were writing",
  ENOTFOUND: "DNS knows no such host",
  EAI_AGAIN: "DNS lookup failed for now (temporary failure)",
  ETIMEDOUT: "the operating system timed the connection out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  EADDRNOTAVAIL: "address not available",
};

/** The `code` property Node puts on system and TLS errors, if any. */
export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}

/** A short human reason, ending with the error code when there is one. */
export function describeCause(err: unknown): string {
  if (err instanceof TimeoutError) return err.message;
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (code !== undefined && CERTIFICATE_CODES.has(code)) return `TLS certificate rejected: ${message} (${code})`;
  const reason = code === undefined ? undefined : REASONS[code];
  if (reason !== undefined) return `${reason} (${code})`;
  return code === undefined || message.includes(code) ? message : `${message} (${code})`;
}
