// The logging shape the session accepts: pino's call shapes, `(obj, msg?)` and
// `(msg)`. Structurally the same as runtime/logging's Logger, so the client's
// logger (or a pino instance) passes straight through.

export interface LogFn {
  (obj: object, msg?: string): void;
  (msg: string): void;
}

export interface Logger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

const nothing = (): void => {};

/** The default: this layer reports through its listener, and logs only when given a logger. */
export const silentLogger: Logger = { debug: nothing, info: nothing, warn: nothing, error: nothing };
