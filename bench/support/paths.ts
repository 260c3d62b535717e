// Where things are, from wherever a benchmark runs (compiled, it runs from
// bench/build/): the package's root is the nearest folder up whose
// package.json names this package.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: string }).name === "smarkets-streaming") return dir;
    if (dirname(dir) === dir) throw new Error(`no smarkets-streaming package.json above ${from}`);
  }
}

/** The package's root folder (package.json, dist/, bench/). */
export const packageRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** bench/ in the package (the sources; report-cpu.mjs lies there). */
export const benchSources = join(packageRoot, "bench");
