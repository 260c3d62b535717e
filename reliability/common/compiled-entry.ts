// Compiles a TypeScript entry point, with everything it imports, to one
// JavaScript file run by plain `node`: what a user's bot runs, and without
// tsx's loader (a second V8 isolate compiling on the fly, some 40 MB of RSS
// and a slower start) counted in the figures of a process under test.
// Packages stay imports, resolved from the clone's node_modules.
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Writes `entry` bundled to .tmp/reliability/`name`.mjs and returns that file's path. */
export async function compileEntry(entry: string, name: string): Promise<string> {
  const outfile = path.join(ROOT, ".tmp", "reliability", `${name}.mjs`);
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    packages: "external",
    sourcemap: "inline",
    logLevel: "warning",
  });
  return outfile;
}
