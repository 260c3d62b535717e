// A long kill -9 run outside the test suite (the suite runs 50 points):
//
//   npm run kill9 -- [--points N] [--seed S]
//
// Needs the compiled package (npm run build), which the bot processes load.
// Prints each kill, then the figures; exits 1 if any guarantee broke.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { runKillRounds } from "../tests/store/kill/harness.js";

const { values } = parseArgs({ options: { points: { type: "string", default: "500" }, seed: { type: "string", default: String(Date.now() % 1_000_000) } } });
const points = Number(values.points);
const seed = Number(values.seed);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smk-kill9-"));
console.log(`kill -9 run: ${points} points, seed ${seed}, logs in ${dir}`);
const report = await runKillRounds({ points, seed, dir, progress: (line) => console.log(line) });
const { failures, ...figures } = report;
console.log(JSON.stringify(figures, null, 2));
if (failures.length > 0) {
  console.log(`${failures.length} failures:`);
  for (const f of failures.slice(0, 50)) console.log(`  ${f}`);
  process.exitCode = 1;
} else {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log("passed");
}
