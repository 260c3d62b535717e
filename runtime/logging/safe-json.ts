// JSON text of any value for a log line: bigints as digits, bytes as a count,
// errors as name and message, secrets masked, cycles and depth cut short.
// Unlike JSON.stringify it never throws.
import { isSecretKey, readProperty, REDACTED } from "./secrets.js";
import { bytesText, jsonString } from "./text-value.js";

const MAX_DEPTH = 8;

export function safeJson(value: unknown): string {
  return render(value, new Set(), 0);
}

function render(value: unknown, seen: Set<object>, depth: number): string {
  switch (typeof value) {
    case "string":
      return jsonString(value);
    case "number":
      return Number.isFinite(value) ? String(value) : jsonString(String(value));
    case "bigint":
      return value.toString();
    case "boolean":
      return String(value);
    case "undefined":
      return "null";
    case "symbol":
      return jsonString(value.toString());
    case "function":
      return jsonString(`[function ${value.name || "anonymous"}]`);
  }
  if (value === null) return "null";
  const obj = value as object;
  if (obj instanceof Uint8Array) return jsonString(bytesText(obj));
  if (obj instanceof Date) return jsonString(Number.isNaN(obj.getTime()) ? "Invalid Date" : obj.toISOString());
  if (seen.has(obj)) return jsonString("[circular]");
  if (depth >= MAX_DEPTH) return jsonString("[too deep]");
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return `[${obj.map((item) => render(item, seen, depth + 1)).join(",")}]`;
    if (obj instanceof Map) return renderEntries([...obj].map(([k, v]) => [String(k), v]), seen, depth);
    if (obj instanceof Set) return render([...obj], seen, depth);
    const entries = new Map<string, unknown>();
    // An error's name, message and cause are (mostly) not enumerable, and are what a reader needs.
    if (obj instanceof Error) {
      entries.set("name", obj.name).set("message", obj.message);
      if (obj.cause !== undefined) entries.set("cause", obj.cause);
    }
    for (const key of Object.keys(obj)) if (!entries.has(key)) entries.set(key, readProperty(obj, key));
    return renderEntries([...entries], seen, depth);
  } catch {
    return jsonString("[unserialisable]");
  } finally {
    seen.delete(obj);
  }
}

function renderEntries(entries: [string, unknown][], seen: Set<object>, depth: number): string {
  const parts: string[] = [];
  for (const [key, item] of entries) {
    if (item === undefined) continue;
    const text = isSecretKey(key) ? jsonString(REDACTED) : render(item, seen, depth + 1);
    parts.push(`${jsonString(key)}:${text}`);
  }
  return `{${parts.join(",")}}`;
}
