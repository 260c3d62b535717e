// A dependency-free logger: one line per entry to stderr (or a given stream),
// entries below the chosen level dropped. Enough for scripts and the demo;
// services pass their own pino logger instead.
import { ArgumentError } from "../errors.js";
import { formatLogLine, type EntryLevel } from "./log-line.js";
import { isLogLevel, logLevels, type Logger, type LogLevel } from "./logger.js";

/** Where lines go: anything with `write(string)`, such as `process.stderr`. */
export interface LogStream {
  write(text: string): unknown;
}

/** Level, stream and clock of a {@link consoleLogger}. */
export interface ConsoleLoggerOptions {
  /** Least severe level written; default `"info"`. */
  level?: LogLevel;
  /** Default `process.stderr`. */
  stream?: LogStream;
  /** Wall-clock milliseconds for the timestamp; default `Date.now` (tests pass a fixed one). */
  now?: () => number;
}

/** Log method accepting anything, so it also satisfies looser logger shapes. */
export type LooseLogFn = (objOrMsg: unknown, msg?: string) => void;

export interface ConsoleLogger extends Logger {
  readonly level: LogLevel;
  debug: LooseLogFn;
  info: LooseLogFn;
  warn: LooseLogFn;
  error: LooseLogFn;
  child(bindings: Record<string, unknown>): ConsoleLogger;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: Infinity };

/** A dependency-free {@link Logger} writing one line per entry to stderr (or `options.stream`), from `options.level` up. */
export function consoleLogger(options: ConsoleLoggerOptions = {}): ConsoleLogger {
  const level = options.level ?? "info";
  if (!isLogLevel(level)) {
    throw new ArgumentError(`log level must be one of ${logLevels.join(", ")}; got ${JSON.stringify(level)}`);
  }
  return makeLogger(level, options.stream ?? process.stderr, options.now ?? Date.now, []);
}

function makeLogger(
  level: LogLevel,
  stream: LogStream,
  now: () => number,
  bindings: readonly (readonly [string, unknown])[],
): ConsoleLogger {
  const threshold = rank[level];
  const method =
    (entryLevel: EntryLevel): LooseLogFn =>
    (objOrMsg, msg) => {
      if (rank[entryLevel] < threshold) return;
      const { text, fields } = splitArguments(objOrMsg, msg === undefined ? undefined : safeString(msg));
      const line = formatLogLine({ time: now(), level: entryLevel, msg: text, fields: [...bindings, ...fields] });
      try {
        stream.write(`${line}\n`);
      } catch {
        // A broken log stream must not take trading down with it, and has nowhere to report to.
      }
    };
  return {
    level,
    debug: method("debug"),
    info: method("info"),
    warn: method("warn"),
    error: method("error"),
    child: (more) => makeLogger(level, stream, now, [...bindings, ...Object.entries(more ?? {})]),
  };
}

/** pino's call shapes: `(msg)`, `(obj, msg?)`, and `(err, msg?)` which logs the error under `err`. */
function splitArguments(objOrMsg: unknown, msg: string | undefined): { text: string | undefined; fields: [string, unknown][] } {
  if (typeof objOrMsg === "string") return { text: objOrMsg, fields: [] };
  if (objOrMsg instanceof Error) return { text: msg ?? objOrMsg.message, fields: [["err", objOrMsg]] };
  if (objOrMsg !== null && typeof objOrMsg === "object") {
    try {
      return { text: msg, fields: Object.entries(objOrMsg) };
    } catch {
      return { text: msg, fields: [["fields", "[unreadable]"]] };
    }
  }
  // Untyped callers may pass a number or undefined; keep it rather than lose it.
  return { text: msg, fields: objOrMsg === undefined ? [] : [["value", objOrMsg]] };
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return "[unprintable]";
  }
}
