// convertPiqiDirectory: the API the generate script uses. It converts every
// .piqi file of a directory, naming files in messages relative to it.
import test from "ava";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertPiqiDirectory, PiqiError } from "../../scripts/piqi/index.js";

const work = mkdtempSync(join(tmpdir(), "piqi-dir-"));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

function dir(name: string, files: Record<string, string>): string {
  const path = join(work, name);
  mkdirSync(path, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
  return path;
}

test("converts each .piqi file of the directory, with the header on every file", (t) => {
  const path = dir("ok", {
    "eto.piqi": '.protobuf-package "e"\n.record [ .name r ]',
    "seto.piqi": ".import [ .module eto ]\n.record [ .name s .field [ .type eto/r ] ]",
    "README": "ignored",
  });
  mkdirSync(join(path, "sub.piqi")); // a directory, not a source
  const result = convertPiqiDirectory(path, { header: ["DO NOT EDIT"] });
  t.deepEqual(
    result.files.map((f) => f.fileName),
    ["eto.proto", "seto.proto"],
  );
  t.is(result.files[1]!.content, '// DO NOT EDIT\nsyntax = "proto2";\n\nimport "eto.proto";\n\nmessage s {\n    required .e.r r = 1;\n}\n');
  t.deepEqual(result.warnings, []);
});

test("errors name the file relative to the directory", (t) => {
  const path = dir("bad", { "seto.piqi": ".record [ .name s .field [ .type eto/r ] ]" });
  const err = t.throws(() => convertPiqiDirectory(path), { instanceOf: PiqiError });
  t.is(err?.message, 'seto.piqi:1:34: unknown type "eto/r"');
});

test("a missing or empty directory is a PiqiError saying so", (t) => {
  const missing = join(work, "missing");
  t.regex(t.throws(() => convertPiqiDirectory(missing), { instanceOf: PiqiError })?.message ?? "", /^\/.*missing: cannot read \(ENOENT/);
  const empty = dir("empty", { "notes.txt": "" });
  t.is(t.throws(() => convertPiqiDirectory(empty), { instanceOf: PiqiError })?.message, `${empty}: no .piqi files found`);
});
