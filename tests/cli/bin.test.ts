// The executable itself: plain node runs bin/smarkets.mjs (the compiled CLI
// in dist/) from any directory; --version and help for every command exit 0;
// wrong arguments exit 2 with a message on stderr naming the flag and the value.
import test from "ava";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "../helpers/shared.js";
import { COMMANDS } from "../../cli/dispatch.js";
import { runCli } from "./helpers/cli.js";

test("smarkets --help, from outside the project, lists the commands", async (t) => {
  const { code, stdout, stderr } = await runCli(["--help"], { cwd: tmpdir() });
  t.is(code, 0, stderr);
  t.regex(stdout, /^usage: smarkets <command> \[options\]/);
  for (const c of COMMANDS) t.true(stdout.includes(`  ${c.name.padEnd(10)} ${c.summary}`), c.name);
});

test("smarkets --version prints the package's version", async (t) => {
  const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
  for (const flag of ["--version", "-V"]) {
    const { code, stdout, stderr } = await runCli([flag], { cwd: tmpdir() });
    t.is(code, 0, stderr);
    t.is(stdout, `${version}\n`);
  }
});

for (const name of COMMANDS.map((c) => c.name)) {
  test(`smarkets ${name} --help`, async (t) => {
    const { code, stdout, stderr } = await runCli([name, "--help"]);
    t.is(code, 0, stderr);
    t.regex(stdout, new RegExp(`^usage: smarkets ${name}`));
    t.is(stderr, "");
  });
}

for (const [argv, message] of [
  [["ping", "--count", "many"], /^smarkets ping: --count must be a whole number from 1 to 10000, got "many"\n\(see "smarkets ping --help"\)\n$/],
  [["order", "--market", "1", "--contract", "1", "--side", "buy", "--price", "2501", "--quantity", "£1"], /^smarkets order: --price 2501 bps is not on the odds ladder; the nearest ticks are 2500 \(25%, 4\.0\) and 2532 \(25\.32%, 3\.95\)/],
  [["exchange", "--bogus"], /^smarkets exchange: unknown option "--bogus"/],
  [["frobnicate"], /^smarkets: unknown command "frobnicate"/],
] as const) {
  test(`exit 2: smarkets ${argv.join(" ")}`, async (t) => {
    const { code, stdout, stderr } = await runCli(argv);
    t.is(code, 2);
    t.regex(stderr, message);
    t.is(stdout, "");
  });
}
