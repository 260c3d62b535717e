// Rendering single values as log text: one line, unambiguous, never throwing.

// Characters that would break a one-line entry or make `key=value` ambiguous.
const NEEDS_QUOTES = /[\s"'=\\\p{Cc}\u2028\u2029]/u;
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]/gu;

/** A string as-is when it is a plain word, otherwise JSON-quoted (so spaces, `=` and newlines stay readable). */
export function quoteIfNeeded(text: string): string {
  return text !== "" && !NEEDS_QUOTES.test(text) ? text : jsonString(text);
}

/** JSON string literal that also escapes the Unicode line separators JSON allows raw. */
export function jsonString(text: string): string {
  return JSON.stringify(text).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

/** Free text (a log message) with control characters escaped, so an entry stays one line. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKING, (c) => {
    const escaped = JSON.stringify(c);
    return escaped.length > 3 ? escaped.slice(1, -1) : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}

/** A short description of bytes: their count, never their content (they may be a cookie). */
export function bytesText(bytes: Uint8Array): string {
  return `<${bytes.length} bytes>`;
}

/**
 * Text of a scalar (string, number, bigint as digits, boolean, null, undefined,
 * bytes), or undefined when `value` is an object that needs structural rendering.
 */
export function scalarText(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return quoteIfNeeded(value);
    case "number":
    case "bigint":
    case "boolean":
    case "undefined":
      return String(value);
    case "symbol":
      return value.toString();
    case "function":
      return `[function ${value.name || "anonymous"}]`;
    default:
      if (value === null) return "null";
      if (value instanceof Uint8Array) return bytesText(value);
      return undefined;
  }
}

/** `Name: message` of an error and its causes, on one line. */
export function errorText(err: Error, depth = 0): string {
  let text = `${err.name}: ${err.message}`;
  const cause: unknown = err.cause;
  if (cause !== undefined && depth < 4) {
    text += ` (cause: ${cause instanceof Error ? errorText(cause, depth + 1) : String(scalarText(cause) ?? "[object]")})`;
  }
  return oneLine(text);
}
