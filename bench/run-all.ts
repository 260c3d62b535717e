// Runs every benchmark in bench/ in turn, each in its own process (so one's
// JIT state and heap do not colour the next), with plain node under
// --expose-gc, then prints a summary: each benchmark's status, time and its
// `ratio …` lines.
//
// What runs is compiled JavaScript importing the package by its own name:
// `npm run bench` first builds the package (`npm run build`: dist/, what a
// user installs) and the benchmarks (bench/tsconfig.json → bench/build/), so
// nothing is measured through tsx or from the sources.
//
// A benchmark is a bench/*.ts file that exports nothing; files that export
// (harness.ts, stream.ts) and bench/support/ are helpers. Run: npm run bench,
// or npm run bench -- NAME… to run only benchmarks whose file name contains a NAME.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchSources, packageRoot } from "./support/paths.js";

const built = join(benchSources, "build");
const self = basename(fileURLToPath(import.meta.url), ".js");
const filters = process.argv.slice(2);

const benchmarks = readdirSync(benchSources)
  .filter((f) => f.endsWith(".ts") && basename(f, ".ts") !== self)
  .filter((f) => !/^export\s/m.test(readFileSync(join(benchSources, f), "utf8")))
  .map((f) => basename(f, ".ts"))
  .filter((name) => filters.length === 0 || filters.some((x) => name.includes(x)))
  .sort();

if (benchmarks.length === 0) {
  console.error(`no benchmark in ${benchSources} matches ${filters.join(", ") || "anything"}`);
  process.exit(1);
}
for (const name of benchmarks) {
  if (!existsSync(join(built, `${name}.js`))) {
    console.error(`${name}.ts is not built: run npm run bench (it builds the package and the benchmarks first)`);
    process.exit(1);
  }
}

interface Outcome {
  name: string;
  code: number | null;
  seconds: number;
  ratios: string[];
}

/** Runs one benchmark, echoing its output as it comes, and keeps the lines the summary shows. */
function run(name: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ["--expose-gc", join(built, `${name}.js`)], {
      cwd: packageRoot,
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
        name,
        code,
        seconds: Number(process.hrtime.bigint() - started) / 1e9,
        ratios: output.split("\n").filter((line) => line.startsWith("ratio")),
      });
    child.on("error", (e) => {
      console.error(`${name}: could not start: ${e.message}`);
      done(null);
    });
    child.on("close", done);
  });
}

const outcomes: Outcome[] = [];
for (const name of benchmarks) {
  console.log(`\n=== ${name} ===`);
  outcomes.push(await run(name));
}

console.log("\n=== summary ===");
const width = Math.max(...benchmarks.map((f) => f.length));
for (const o of outcomes) {
  const status = o.code === 0 ? "ok" : `FAILED (exit ${o.code ?? "?"})`;
  const [first = "", ...rest] = o.ratios;
  console.log(`${o.name.padEnd(width)}  ${status.padEnd(8)} ${o.seconds.toFixed(0).padStart(4)} s  ${first}`);
  for (const line of rest) console.log(`${"".padEnd(width + 18)}${line}`);
}
process.exitCode = outcomes.every((o) => o.code === 0) ? 0 : 1;
