// A logger that keeps what it is given, for tests that check what the
// exchange complained about (warnings and errors), if anything.
import type { Logger } from "../../../runtime/logging/index.js";

export interface Entry {
  readonly level: "debug" | "info" | "warn" | "error";
  readonly msg: string;
}

export function recordingLogger(): { logger: Logger; entries: Entry[]; complaints: () => string[] } {
  const entries: Entry[] = [];
  const at =
    (level: Entry["level"]) =>
    (a: object | string, b?: string): void => {
      entries.push({ level, msg: typeof a === "string" ? a : (b ?? "") });
    };
  const logger: Logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), child: () => logger };
  return { logger, entries, complaints: () => entries.filter((e) => e.level === "warn" || e.level === "error").map((e) => e.msg) };
}
