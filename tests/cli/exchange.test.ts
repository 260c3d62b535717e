// smarkets exchange runs the standalone simulator: `listening on HOST:PORT`
// first, then it serves the other commands, and exits 0 on SIGINT.
import test from "ava";
import { LineReader, outcome, runCli, spawnCli } from "./helpers/cli.js";

test("it prints `listening on` first, serves a ping, and exits 0 on SIGINT", async (t) => {
  const child = spawnCli(["exchange", "--port", "0", "--log-level", "silent"]);
  t.teardown(() => child.kill("SIGKILL"));
  const reader = new LineReader(child);
  const done = outcome(child);
  const first = await reader.until(/./);
  const match = /^listening on 127\.0\.0\.1:(\d+)$/.exec(first);
  t.truthy(match, first);
  await reader.until(/^tls off/);
  t.true(reader.lines.includes("account demo (password demo, token demo-token)"));

  const ping = await runCli(["ping", "--count", "1", "--port", match![1]!, "--plain"]);
  t.is(ping.code, 0, ping.stderr);

  child.kill("SIGINT");
  const { code, stderr } = await done;
  t.is(code, 0);
  t.regex(stderr, /SIGINT: closing/);
});
