// The kind a case draws, computed from the seed and the case number alone
// (for naming the case of a worker that hung or died before saying).
import { clientCaseKind } from "./client/client-case.js";
import { exchangeCaseKind } from "./exchange/exchange-target.js";
import type { TargetName } from "./target.js";

export function caseKind(target: TargetName, seed: number, k: number): string {
  return target === "client" ? clientCaseKind(seed, k) : exchangeCaseKind(seed, k);
}
