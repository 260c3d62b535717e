// The standalone command: spawned for real, it prints where it listens
// first, serves clients, and exits 0 on SIGINT; bad arguments exit 2.
import test from "ava";
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface } from "node:readline";
import * as eto from "../../generated/eto.js";
import { projectRoot } from "../helpers/shared.js";
import { TestClient } from "./helpers/test-client.js";

const script = join(projectRoot, "scripts", "exchange.ts");

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", script, ...args], { cwd: projectRoot, stdio: ["ignore", "pipe", "pipe"] });
}

async function output(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => (stdout += String(d)));
  child.stderr?.on("data", (d) => (stderr += String(d)));
  const [code] = (await once(child, "exit")) as [number | null];
  return { code, stdout, stderr };
}

test("it prints `listening on HOST:PORT` first, serves a demo login, and exits 0 on SIGINT", async (t) => {
  const child = run(["--port", "0", "--log-level", "warn"]);
  t.teardown(() => child.kill("SIGKILL"));
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await once(lines, "line")) as [string];
  const match = /^listening on (127\.0\.0\.1):(\d+)$/.exec(first);
  t.truthy(match, first);
  const client = new TestClient({ host: match![1]!, port: Number(match![2]) }, { username: "demo", password: "demo" });
  await client.login();
  await client.session.ping();
  const exited = once(child, "exit");
  child.kill("SIGINT");
  t.deepEqual(await client.next("eto.logout"), { reason: eto.LogoutReason.LOGOUT_DOWNTIME });
  await client.closed;
  const [code] = (await exited) as [number | null];
  t.is(code, 0);
});

test("it lists the demo accounts (their public credentials) and the markets", async (t) => {
  const child = run(["--port", "0", "--log-level", "silent"]);
  t.teardown(() => child.kill("SIGKILL"));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  reader.on("line", (l) => lines.push(l));
  while (!lines.some((l) => l.startsWith("tls "))) await once(reader, "line");
  t.true(lines.includes("account demo (password demo, token demo-token)"));
  t.true(lines.some((l) => l.startsWith('market 1 "Match winner" MARKET_STATE_OPEN')));
  child.kill("SIGTERM");
  const [code] = (await once(child, "exit")) as [number | null];
  t.is(code, 0);
});

test("configured accounts are listed without their secrets", async (t) => {
  const child = run(["--port", "0", "--log-level", "silent", "--account", "alice:s3cret", "--token", "alice:t0ken"]);
  t.teardown(() => child.kill("SIGKILL"));
  const lines: string[] = [];
  const reader = createInterface({ input: child.stdout! });
  reader.on("line", (l) => lines.push(l));
  while (!lines.some((l) => l.startsWith("tls "))) await once(reader, "line");
  t.true(lines.includes("account alice (password set, token set)"));
  t.false(lines.join("\n").includes("s3cret"));
  t.false(lines.join("\n").includes("t0ken"));
  child.kill("SIGINT");
  t.is(((await once(child, "exit")) as [number | null])[0], 0);
});

for (const [title, args, message] of [
  ["an unknown flag", ["--bogus"], /unknown argument "--bogus"/],
  ["a bad port", ["--port", "70000"], /--port must be an integer in 0\.\.65535, got 70000/],
  ["a key without a certificate", ["--tls-key", "k.pem"], /--tls-key and --tls-cert go together/],
  ["a missing value", ["--host"], /--host needs a value/],
] as const) {
  test(`${title} exits 2 saying what is wrong`, async (t) => {
    const { code, stderr, stdout } = await output(run([...args]));
    t.is(code, 2);
    t.regex(stderr, message);
    t.is(stdout, "");
  });
}

test("--help prints the usage and exits 0", async (t) => {
  const { code, stdout } = await output(run(["--help"]));
  t.is(code, 0);
  t.regex(stdout, /^usage: npx tsx scripts\/exchange\.ts/);
});
