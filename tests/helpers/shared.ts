// Tests that need the upstream reference material read it from ../shared,
// which a user's clone does not have: those tests then skip, saying why.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestFn } from "ava";

export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const sharedRoot = resolve(projectRoot, "..", "shared");
export const protocolRoot = join(sharedRoot, "protocol");
export const hasShared = existsSync(join(protocolRoot, "versions"));
export const skipReason = `reference material not found at ${sharedRoot} (only a development checkout has ../shared)`;

/** `test` when ../shared is present, otherwise a skipped test whose title says why. */
export function withShared<C>(test: TestFn<C>): TestFn<C> {
  if (hasShared) return test;
  const skipped = ((title: string, ...rest: unknown[]) =>
    (test.skip as (t: string, ...r: unknown[]) => void)(`${title} [skipped: ${skipReason}]`, ...rest)) as unknown as TestFn<C>;
  return skipped;
}

export function sharedPath(...parts: string[]): string {
  return join(protocolRoot, ...parts);
}
