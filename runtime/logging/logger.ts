// The logging shape the client accepts. It is the subset of pino's API the
// client calls, so a pino instance (or anything shaped like it) can be passed
// in as is, and so can the small console logger in this folder.

/** One log method: pino's `(obj, msg?)` and `(msg)` call shapes. */
export interface LogFn {
  (obj: object, msg?: string): void;
  (msg: string): void;
}

/** Where the client logs: anything with pino's `debug/info/warn/error` (a pino instance fits). */
export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** A logger that adds `bindings` to every entry (pino's `child`); optional for user loggers. */
  child?(bindings: Record<string, unknown>): Logger;
}

/** Levels in increasing severity; `silent` logs nothing. */
export const logLevels = ["debug", "info", "warn", "error", "silent"] as const;
/** A logging threshold: `debug`, `info`, `warn`, `error` or `silent`. */
export type LogLevel = (typeof logLevels)[number];

/** Whether `value` is one of `logLevels` (for options that arrive untyped). */
export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === "string" && (logLevels as readonly string[]).includes(value);
}

const nothing = (): void => {};

/** Logs nothing: the default wherever a logger is optional. */
export const silentLogger: Logger = {
  debug: nothing,
  info: nothing,
  warn: nothing,
  error: nothing,
  child: () => silentLogger,
};
