// How long `import "smarkets-streaming"` takes a user: plain node importing
// the compiled main entry (dist/, as the package ships it), against plain
// node starting and doing nothing (`node -e ""`), alternated in the same run
// so a busy machine slows both alike. Also the other entry points, and the
// compiled smarkets command answering --version. Wall time is the target
// (the main entry under 0.3 s); CPU time (user + system of the whole
// process) is shown beside it, as a busy machine disturbs it less.
//
// Needs dist/ (npm run build). Run: npm run bench -- import (builds, then runs it).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { benchSources, packageRoot as root } from "./support/paths.js";

const runs = Number(process.env.BENCH_RUNS ?? 15);
const TARGET_S = 0.3;

const entry = (path: string): string => pathToFileURL(join(root, "dist", path)).href;
const cases: { name: string; args: string[] }[] = [
  { name: "node -e \"\" (baseline)", args: ["-e", ""] },
  { name: "import smarkets-streaming", args: ["--input-type=module", "-e", `await import(${JSON.stringify(entry("runtime/index.js"))})`] },
  { name: "import .../protocol", args: ["--input-type=module", "-e", `await import(${JSON.stringify(entry("runtime/protocol.js"))})`] },
  { name: "import .../exchange", args: ["--input-type=module", "-e", `await import(${JSON.stringify(entry("exchange/index.js"))})`] },
  { name: "smarkets --version", args: [join(root, "bin", "smarkets.mjs"), "--version"] },
];

if (!existsSync(join(root, "dist", "runtime", "index.js"))) {
  console.error("dist/ is missing: run `npm run build` first");
  process.exit(1);
}

const reportCpu = pathToFileURL(join(benchSources, "report-cpu.mjs")).href;

/** Wall and CPU seconds of one `node …` run, from spawn to exit. */
function once(args: string[]): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ["--import", reportCpu, ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "" } });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = /cpu-us (\d+)/.exec(r.stderr);
  if (r.status !== 0 || !cpu) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return { wall, cpu: Number(cpu[1]) / 1e6 };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

for (const c of cases) once(c.args); // warm the file system cache
const samples = cases.map(() => [] as { wall: number; cpu: number }[]);
for (let r = 0; r < runs; r++) cases.forEach((c, i) => samples[i]!.push(once(c.args)));
const wall = samples.map((xs) => median(xs.map((x) => x.wall)));
const cpu = samples.map((xs) => median(xs.map((x) => x.cpu)));
const ms = (s: number): string => `${(s * 1000).toFixed(0).padStart(5)} ms`;

const base = wall[0]!;
console.log(`${runs} runs each, alternated; medians for the whole process (node ${process.version})`);
console.log(`  ${"".padEnd(28)}  wall time    over node    cpu time    over node`);
for (const [i, c] of cases.entries()) {
  const over = (xs: number[]): string => (i === 0 ? "".padEnd(8) : `+${ms(xs[i]! - xs[0]!).trim()}`.padStart(8));
  console.log(`  ${c.name.padEnd(28)}  ${ms(wall[i]!)}   ${over(wall)}    ${ms(cpu[i]!)}   ${over(cpu)}`);
}
const main = wall[1]!;
console.log(`ratio import-main/node-alone: ${(main / base).toFixed(2)}x (${(main * 1000).toFixed(0)} ms vs ${(base * 1000).toFixed(0)} ms; target < ${TARGET_S * 1000} ms: ${main < TARGET_S ? "met" : "NOT met"})`);
