// The session logs through the package's one Logger shape (pino-compatible);
// it stays silent unless given a logger, and reports through its listener.
export { type LogFn, type Logger, silentLogger } from "../logging/logger.js";
