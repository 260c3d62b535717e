// The command line: `piqi-to-proto <in-dir> <out-dir>` writes <module>.proto
// files and exits 0; malformed input exits 1 with file:line:col on stderr; bad
// usage exits 2 saying what is wrong.
import test from "ava";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../helpers/shared.js";

const script = join(projectRoot, "scripts", "piqi-to-proto.ts");
const work = mkdtempSync(join(tmpdir(), "piqi-cli-"));
test.after.always(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...args], { cwd: projectRoot, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function inputDir(name: string, files: Record<string, string>): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

test("converts every .piqi of the input directory into the output directory", (t) => {
  const input = inputDir("good", {
    "eto.piqi": '.module eto\n.proto-package "smarkets.eto"\n.record [ .name payload .protobuf-name "Payload" .field [ .name seq .type uint64 ] ]',
    "seto.piqi": '.protobuf-package "smarkets.seto"\n.import [ .module eto ]\n.record [ .name payload .field [ .name eto-payload .type eto/payload ] ]',
    "notes.txt": "not piqi",
  });
  const output = join(work, "good-out", "nested");
  const run = cli(input, output);
  t.is(run.status, 0, run.stderr);
  t.deepEqual(readdirSync(output).sort(), ["eto.proto", "seto.proto"]);
  const seto = readFileSync(join(output, "seto.proto"), "utf8");
  t.true(seto.includes('import "eto.proto";'));
  t.true(seto.includes("required .smarkets.eto.Payload eto_payload = 1;"));
  t.is(run.stderr, "Warning: eto.piqi:2:16: .proto-package is deprecated; use .protobuf-package instead\n");
  t.is(run.stdout, `wrote ${join(output, "eto.proto")}\nwrote ${join(output, "seto.proto")}\n`);
});

test("malformed input exits 1 with the located message and writes nothing", (t) => {
  const input = inputDir("bad", { "a.piqi": ".record [\n    .name r\n    .field [ .name x .type nosuch ]\n]" });
  const output = join(work, "bad-out");
  const run = cli(input, output);
  t.is(run.status, 1);
  t.is(run.stderr, 'piqi-to-proto: a.piqi:3:28: unknown type "nosuch"\n');
  t.false(existsSync(output));
});

test("bad usage exits 2 and says what is wrong", (t) => {
  const noArgs = cli();
  t.is(noArgs.status, 2);
  t.true(noArgs.stderr.startsWith("piqi-to-proto: expected 2 arguments (<in-dir> <out-dir>), got 0\nusage: piqi-to-proto <in-dir> <out-dir>"));

  const missing = cli(join(work, "nowhere"), join(work, "out"));
  t.is(missing.status, 2);
  t.true(missing.stderr.startsWith(`piqi-to-proto: input directory not found: ${join(work, "nowhere")}\n`));

  const empty = cli(inputDir("empty", {}), join(work, "out"));
  t.is(empty.status, 2);
  t.true(empty.stderr.startsWith(`piqi-to-proto: ${join(work, "empty")}: no .piqi files found\n`));

  const fileAsOutput = join(work, "a-file");
  writeFileSync(fileAsOutput, "");
  const notDir = cli(inputDir("ok", { "a.piqi": "" }), fileAsOutput);
  t.is(notDir.status, 2);
  t.true(notDir.stderr.startsWith(`piqi-to-proto: output path is not a directory: ${fileAsOutput}\n`));
});

test("--help prints the usage and exits 0", (t) => {
  const run = cli("--help");
  t.is(run.status, 0);
  t.true(run.stdout.startsWith("usage: piqi-to-proto <in-dir> <out-dir>"));
});
