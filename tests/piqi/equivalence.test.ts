// Equivalence with the real `piqi to-proto` (piqi 0.6.16): for every published
// version that has its reference output, our .proto files and the reference
// ones must compile (with buf) to the same definitions.
import test from "ava";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertPiqiDirectory, PiqiError } from "../../scripts/piqi/index.js";
import { hasShared, sharedPath, withShared } from "../helpers/shared.js";
import { buildDescriptors, definitionsOf, diffDefinitions, type Definitions } from "./descriptors.js";

const versions = hasShared ? readdirSync(sharedPath("versions")).filter((v) => existsSync(sharedPath("versions", v, "reference"))).sort() : [];
const work = mkdtempSync(join(tmpdir(), "piqi-equivalence-"));

/** Ours and the reference, built once for all tests (buf runs in parallel). */
const built: Promise<Map<string, { ours: Definitions; reference: Definitions }>> = (async () => {
  const entries = await Promise.all(
    versions.map(async (version) => {
      const outDir = mkdtempSync(join(work, `${version}-`));
      for (const file of convertPiqiDirectory(sharedPath("versions", version)).files) writeFileSync(join(outDir, file.fileName), file.content);
      const [ours, reference] = await Promise.all([
        buildDescriptors(outDir, join(work, `${version}-ours.binpb`)),
        buildDescriptors(sharedPath("versions", version, "reference"), join(work, `${version}-reference.binpb`)),
      ]);
      return [version, { ours: definitionsOf(ours), reference: definitionsOf(reference) }] as const;
    }),
  );
  return new Map(entries);
})();
built.catch(() => undefined); // reported by the tests that await it

test.after.always(() => rmSync(work, { recursive: true, force: true }));

withShared(test)("the sample covers every version folder with a reference", (t) => {
  t.deepEqual(versions, ["eto-HEAD", "v0.4.0", "v1.0.3", "v4.0.1", "v5.5.4", "v6.0.0", "v6.6.0"]);
});

for (const version of hasShared ? versions : ["(every version)"]) {
  withShared(test)(`${version}: our .proto compiles to the same definitions as piqi's`, async (t) => {
    const result = (await built).get(version)!;
    t.true(result.reference.types.size > 0);
    const diff = diffDefinitions(result.ours, result.reference);
    t.deepEqual(diff, [], `definitions differ from the reference:\n${diff.join("\n")}`);
  });
}

withShared(test)("the comparison notices a difference (v6.0.0 against v6.6.0's reference)", async (t) => {
  const all = await built;
  const diff = diffDefinitions(all.get("v6.0.0")!.ours, all.get("v6.6.0")!.reference);
  t.true(diff.includes("message smarkets.seto.OrderCancelReplace: only in the reference"));
  t.true(diff.some((line) => line.startsWith("enum smarkets.seto.PayloadType PAYLOAD_ORDER_CANCEL_REPLACE:")));
});

withShared(test)("v6.0.1 is refused exactly as the real tool refuses it", (t) => {
  const err = t.throws(() => convertPiqiDirectory(sharedPath("versions", "v6.0.1")), { instanceOf: PiqiError });
  t.is(err?.message, "seto.piqi:25:9: codes must be defined for either all or none fields");
  t.true(readFileSync(sharedPath("versions", "v6.0.1", "VERSION"), "utf8").includes(err?.message ?? "?"));
});

withShared(test)("warnings are the ones the real tool printed (per VERSION), each once", (t) => {
  for (const version of versions.filter((v) => v !== "eto-HEAD")) {
    const quoted = readFileSync(sharedPath("versions", version, "VERSION"), "utf8")
      .split("\n")
      .filter((line) => line.includes("Warning: "))
      .map((line) => line.slice(line.indexOf("Warning: ") + "Warning: ".length).replace(/^\.\//, ""));
    const ours = convertPiqiDirectory(sharedPath("versions", version)).warnings;
    t.deepEqual([...ours].sort(), [...new Set(quoted)].sort(), version);
    t.is(new Set(ours).size, ours.length, version);
  }
});
