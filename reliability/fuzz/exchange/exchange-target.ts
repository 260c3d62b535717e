// The exchange fuzz: garbage clients against the simulated exchange. It
// reuses the exchange's own soak clients (scripts/exchange-soak), which are
// not on this branch yet.
import { ArgumentError } from "../../../runtime/errors.js";
import type { FuzzTarget } from "../target.js";

export async function exchangeTarget(_seed: number): Promise<FuzzTarget> {
  throw new ArgumentError("--target exchange is not available yet: it runs the exchange's garbage clients (scripts/exchange-soak)");
}
