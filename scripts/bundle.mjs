// Second half of `npm run build`: the package's JavaScript. tsc has written
// the declarations (dist/**/*.d.ts, checked as it wrote them); esbuild now
// writes each entry point — the four of package.json's `exports` and the
// CLI — at the same path under dist/, with the code they share split into
// dist/chunks/ (one copy of each module, so an error class is the same class
// from every entry). A user's `import "smarkets-streaming"` then loads a
// handful of files instead of some 130 one-idea modules, which is most of
// what importing costs (bench/import.ts). Source maps carry the sources.
import { build } from "esbuild";

const entryPoints = ["runtime/index.ts", "runtime/protocol.ts", "runtime/internal.ts", "exchange/index.ts", "cli/main.ts"];

await build({
  entryPoints,
  outdir: "dist",
  outbase: ".",
  bundle: true,
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20.19",
  // Dependencies (@bufbuild/protobuf) stay imports, resolved in the user's node_modules.
  packages: "external",
  sourcemap: true,
  sourcesContent: true,
  legalComments: "none",
  logLevel: "warning",
});
