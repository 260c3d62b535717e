// `npm run build` starts from an empty dist/, so a source file deleted or
// moved leaves no stale module behind in the package.
import { rmSync } from "node:fs";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
