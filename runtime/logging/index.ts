// Logging: the Logger shape the client accepts (pino-compatible), a console
// logger, and secret-safe renderings of payloads and settings.
export { type LogFn, type Logger, type LogLevel, logLevels, isLogLevel, silentLogger } from "./logger.js";
export { consoleLogger, type ConsoleLogger, type ConsoleLoggerOptions, type LogStream, type LooseLogFn } from "./console-logger.js";
export { formatPayload } from "./format-payload.js";
export { payloadKindName } from "./payload-kind.js";
export { redactSettings, isSecretKey, REDACTED } from "./secrets.js";
