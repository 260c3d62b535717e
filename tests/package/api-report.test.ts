// The API report: each entry point's exported names are recorded in
// tests/package/api/<entry>.api.txt. A name that appears or disappears
// without the report being updated (`npx tsx scripts/api-surface.ts --write`,
// then review the diff) fails here, as does a name without a TSDoc comment,
// and the compiled entry (dist/) must export at run time exactly the values
// the report lists.
import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { apiSurface, reportDir, reportText } from "../../scripts/api-surface.js";
import { projectRoot } from "../helpers/shared.js";

const surface = apiSurface();
const TYPE_ONLY = new Set(["interface", "type"]);

for (const [entry, names] of surface) {
  const label = `smarkets-streaming${entry.subpath.slice(1)}`;

  test(`${label}: the exported names are the ones the report lists`, (t) => {
    const committed = readFileSync(join(reportDir, `${entry.report}.api.txt`), "utf8");
    t.is(reportText(names), committed, `${label} changed: run "npx tsx scripts/api-surface.ts --write" and review the diff`);
  });

  test(`${label}: every exported name has a TSDoc comment`, (t) => {
    t.deepEqual(names.filter((n) => !n.documented).map((n) => `${n.kind} ${n.name}`), []);
  });

  test(`${label}: the compiled entry exports exactly the report's values`, async (t) => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { exports: Record<string, { default: string }> };
    const compiled = join(projectRoot, pkg.exports[entry.subpath]!.default);
    const module = (await import(pathToFileURL(compiled).href)) as Record<string, unknown>;
    const values = names.filter((n) => !TYPE_ONLY.has(n.kind) && !(n.kind === "class" && isTypeOnlyClass(entry.source, n.name))).map((n) => n.name);
    t.deepEqual(Object.keys(module).sort(), values.sort());
  });
}

/** `export type { Trading }`: a class named for its type only, not a value of the entry. */
function isTypeOnlyClass(source: string, name: string): boolean {
  const text = readFileSync(source, "utf8");
  return new RegExp(`export type \\{[^}]*\\b${name}\\b[^}]*\\}`).test(text);
}

test("the main entry keeps the lower-level building blocks off it", (t) => {
  const main = [...surface].find(([e]) => e.subpath === ".")![1].map((n) => n.name);
  for (const internal of ["SessionCore", "InboundSequencer", "guardListener", "BoundedQueue", "Broadcaster", "FakeClock", "FrameDecoder", "HandlerRegistry", "Connection"]) {
    t.false(main.includes(internal), `${internal} is not on the main entry`);
  }
  for (const error of ["OrderRejectedError", "OrderValidationError", "OutcomeUnknownError", "ThrottleQueueFullError", "LoginError", "SocketDisconnected"]) {
    t.true(main.includes(error), `${error} is on the main entry`);
  }
});
