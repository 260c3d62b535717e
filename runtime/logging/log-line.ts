// One log entry as one line of text:
//   2024-05-01T12:00:00.000Z INFO  order sent market_id=12 label="my order" quote={"price":5000}
// Scalars are `key=value` (strings quoted only when needed), objects are JSON,
// errors are `Name: message (cause: …)`, and secrets are `<redacted>`.
import { safeJson } from "./safe-json.js";
import { isSecretKey, REDACTED } from "./secrets.js";
import { errorText, oneLine, quoteIfNeeded, scalarText } from "./text-value.js";

export type EntryLevel = "debug" | "info" | "warn" | "error";

export interface LogEntry {
  /** Wall-clock time, milliseconds since the epoch. */
  time: number;
  level: EntryLevel;
  msg: string | undefined;
  fields: readonly (readonly [string, unknown])[];
}

export function formatLogLine(entry: LogEntry): string {
  const parts = [timeText(entry.time), entry.level.toUpperCase().padEnd(5)];
  if (entry.msg !== undefined && entry.msg !== "") parts.push(oneLine(entry.msg));
  for (const [key, value] of entry.fields) {
    if (value === undefined) continue;
    parts.push(`${quoteIfNeeded(key)}=${isSecretKey(key) ? REDACTED : fieldText(value)}`);
  }
  return parts.join(" ");
}

function timeText(time: number): string {
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? `time(${String(time)})` : date.toISOString();
}

function fieldText(value: unknown): string {
  const scalar = scalarText(value);
  if (scalar !== undefined) return scalar;
  if (value instanceof Error) return quoteIfNeeded(errorText(value));
  return safeJson(value);
}
