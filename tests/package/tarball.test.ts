// What `npm pack` puts in the tarball: the compiled code, the command, the
// README, LICENSE and CHANGELOG — and no sources, tests, keys, benchmarks,
// scripts or CI files. Lists the files npm would pack from the current dist/
// (npm test builds it first).
import test from "ava";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { projectRoot } from "../helpers/shared.js";

const run = promisify(execFile);

test("the tarball holds dist/, bin/, README, LICENSE, CHANGELOG and package.json, and nothing else", async (t) => {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: projectRoot, maxBuffer: 64 * 1024 * 1024 });
  const files = (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((f) => f.path);
  for (const required of ["README.md", "LICENSE", "CHANGELOG.md", "package.json", "bin/smarkets.mjs", "dist/runtime/index.js", "dist/runtime/index.d.ts", "dist/cli/main.js"]) {
    t.true(files.includes(required), `${required} is packed`);
  }
  const outside = files.filter((f) => !f.startsWith("dist/") && !["README.md", "LICENSE", "CHANGELOG.md", "package.json", "bin/smarkets.mjs"].includes(f));
  t.deepEqual(outside, [], "nothing outside dist/ but the listed files");
  const forbidden = /(^|\/)(tests?|bench|scripts|examples|\.ci|fixtures|proto)(\/|$)|\.test\.|\.(pem|key|crt)$|\.ts$(?<!\.d\.ts)|tsbuildinfo/;
  t.deepEqual(files.filter((f) => forbidden.test(f)), [], "no tests, keys, benchmarks, scripts, CI files or TypeScript sources");
  for (const entry of ["runtime/index", "runtime/protocol", "runtime/internal", "exchange/index"]) {
    for (const ext of [".js", ".js.map", ".d.ts", ".d.ts.map"]) t.true(files.includes(`dist/${entry}${ext}`), `dist/${entry}${ext}`);
  }
});
