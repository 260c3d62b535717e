#!/usr/bin/env node
// The `smarkets` command: the compiled CLI (dist/cli), run by plain node.
// In a clone, dist/ exists once `npm run build` (or `npm test`) has run.
const main = new URL("../dist/cli/main.js", import.meta.url);
try {
  await import(main.href);
} catch (e) {
  if (e?.code === "ERR_MODULE_NOT_FOUND" && String(e.message).includes(main.pathname)) {
    process.stderr.write(`smarkets: ${main.pathname} is missing: in a clone of the project, run "npm run build" first\n`);
    process.exit(1);
  }
  throw e;
}
