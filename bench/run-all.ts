// Runs every benchmark in bench/ in turn, each in its own process (so one's
// JIT state and heap do not colour the next), under `node --expose-gc` so the
// heap figures are complete, then prints a summary: each benchmark's status,
// time and its `ratio …` lines.
//
// A benchmark is a bench/*.ts file that exports nothing; files that export
// (harness.ts, stream.ts) are helpers. Run: npm run bench, or
// npx tsx bench/run-all.ts [name-filter…] to run only names containing a filter.

import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = dirname(benchDir);
const self = basename(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);

const benchmarks = readdirSync(benchDir)
  .filter((f) => f.endsWith(".ts") && f !== self)
  .filter((f) => !/^export\s/m.test(readFileSync(join(benchDir, f), "utf8")))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (benchmarks.length === 0) {
  console.error(`no benchmark in ${benchDir} matches ${filters.join(", ") || "anything"}`);
  process.exit(1);
}

interface Outcome {
  file: string;
  code: number | null;
  seconds: number;
  ratios: string[];
}

/** Runs one benchmark, echoing its output as it comes, and keeps the lines the summary shows. */
function run(file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", join("bench", file)], {
      cwd: root,
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (text: string) => {
      output += text;
      process.stdout.write(text);
    });
    const done = (code: number | null) =>
      resolve({
        file,
        code,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        ratios: output.split("\n").filter((line) => line.startsWith("ratio")),
      });
    child.on("error", (e) => {
      console.error(`${file}: could not start: ${e.message}`);
      done(null);
    });
    child.on("close", done);
  });
}

const outcomes: Outcome[] = [];
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  outcomes.push(await run(file));
}

console.log("\n=== summary ===");
const width = Math.max(...benchmarks.map((f) => f.length));
for (const o of outcomes) {
  const status = o.code === 0 ? "ok" : `FAILED (exit ${o.code ?? "?"})`;
  const [first = "", ...rest] = o.ratios;
  console.log(`${o.file.padEnd(width)}  ${status.padEnd(8)} ${o.seconds.toFixed(0).padStart(4)} s  ${first}`);
  for (const line of rest) console.log(`${"".padEnd(width + 18)}${line}`);
}
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;
