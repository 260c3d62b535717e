// Which values must never reach a log, and a deep copy of settings with them
// masked. Matching is by key name so protocol fields and options added later
// are covered without anyone remembering to list them here.

/** What a secret is shown as. */
export const REDACTED = "<redacted>";

// Passwords, tokens, cookies, private keys and session ids. `^key$` is the TLS
// private key option; session is matched whole so `sessionTimeoutMs` stays visible.
const SECRET_KEY = /password|passwd|passphrase|cookie|token|secret|credential|api_?key|private_?key|^key$|^session(_?id)?$/i;

/** Whether a field or option named `key` holds a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

const MAX_DEPTH = 16;

/**
 * A copy of `settings` for logging, with every secret (see `isSecretKey`, at
 * any depth) replaced by `"<redacted>"`. Plain objects and arrays are copied;
 * other values (buffers, dates, class instances) are kept by reference.
 * Never throws: cycles become `"[circular]"`, unreadable properties `"[unreadable]"`.
 */
export function redactSettings(settings: object): Record<string, unknown> {
  return redactValue(settings, new Set(), 0) as Record<string, unknown>;
}

function redactValue(value: unknown, seen: Set<object>, depth: number): unknown {
  if (value === null || typeof value !== "object") return value;
  if (!Array.isArray(value) && !isPlainObject(value)) return value;
  if (seen.has(value)) return "[circular]";
  if (depth >= MAX_DEPTH) return "[too deep]";
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1));
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const field = readProperty(value, key);
      copy[key] = isSecretKey(key) && field !== undefined ? REDACTED : redactValue(field, seen, depth + 1);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A property's value, or a marker if reading it throws (a getter, a proxy). */
export function readProperty(obj: object, key: string): unknown {
  try {
    return (obj as Record<string, unknown>)[key];
  } catch {
    return "[unreadable]";
  }
}
