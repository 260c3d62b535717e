// The engine's own failure domain. Rejections a trader can cause (bad price,
// no funds, unknown order) are events, never errors; these errors mean the
// caller (the network layer, a test, a fixture) handed the engine something it
// must not: a malformed configuration or a command naming an unknown account.
import { SmarketsError, type ErrorOptions } from "../../runtime/errors.js";

/** The engine configuration or catalogue is malformed (duplicate id, bad unit, unknown event). */
export class EngineConfigError extends SmarketsError {
  override readonly name = "EngineConfigError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A command or query the engine cannot act on: unknown account or market, an enum value out of range. */
export class EngineCommandError extends SmarketsError {
  override readonly name = "EngineCommandError";
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}
