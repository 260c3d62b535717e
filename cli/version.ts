// `smarkets --version`: the version of the installed package, read from its
// package.json (found above this module, wherever it was compiled to).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE = "smarkets-streaming";

/** "smarkets-streaming 0.1.0"; the nearest package.json above this file that is ours. */
export function packageVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, "package.json");
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
      if (pkg.name === PACKAGE && typeof pkg.version === "string") return pkg.version;
    }
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json of ${PACKAGE} above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
}
