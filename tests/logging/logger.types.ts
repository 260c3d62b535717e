// Type-level tests: compiled by `npm run typecheck` (tsc --noEmit), never run.
// A pino logger must be accepted where the client takes a Logger. pino is not
// a dependency, so this declares the shape of pino's Logger (v9 typings:
// overloaded LogFn, `level` string, child with options, many more members).
import type { Logger } from "../../runtime/logging/index.js";
import { consoleLogger, silentLogger } from "../../runtime/logging/index.js";
import type { Logger as SessionLogger } from "../../runtime/session/logger.js";

interface PinoLogFn {
  <T extends object>(obj: T, msg?: string, ...args: any[]): void;
  (obj: unknown, msg?: string, ...args: any[]): void;
  (msg: string, ...args: any[]): void;
}

interface PinoLikeLogger {
  level: string;
  fatal: PinoLogFn;
  error: PinoLogFn;
  warn: PinoLogFn;
  info: PinoLogFn;
  debug: PinoLogFn;
  trace: PinoLogFn;
  silent: PinoLogFn;
  child(bindings: Record<string, any>, options?: { level?: string; msgPrefix?: string }): PinoLikeLogger;
  isLevelEnabled(level: string): boolean;
  bindings(): Record<string, any>;
  flush(cb?: (err?: Error) => void): void;
}

declare const pino: PinoLikeLogger;

const acceptsLogger = (logger: Logger): Logger => logger;

acceptsLogger(pino);
acceptsLogger(pino.child({ conn: 1 }));
acceptsLogger(consoleLogger());
acceptsLogger(silentLogger);

// A minimal user logger without child() is fine too.
acceptsLogger({ debug() {}, info() {}, warn() {}, error() {} });
acceptsLogger(console);

// Call shapes the client uses compile against the interface.
const log: Logger = pino;
log.info("text");
log.info({ marketId: 1 }, "text");
log.error(new Error("x"), "failed");
log.child?.({ a: 1 }).warn("w");

// The console logger also fits the session layer's looser shape.
const session: SessionLogger = consoleLogger();
void session;

// @ts-expect-error a message must be a string
log.info({ a: 1 }, 42);
// @ts-expect-error a logger needs all four levels
acceptsLogger({ info() {}, warn() {}, error() {} });
// @ts-expect-error a number is neither an object nor a message
log.warn(5);
