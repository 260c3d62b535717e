// Runs the real `smarkets` executable (bin/smarkets.mjs, which runs the
// compiled CLI in dist/) with plain node, as a user would, against a
// simulator the test starts in its own process. `npm test` builds dist/
// first (pretest); a test run without it fails here saying so.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { createInterface, type Interface } from "node:readline";
import { startExchange, type ExchangeHandle } from "../../../exchange/index.js";
import { silentLogger } from "../../../runtime/logging/index.js";
import { projectRoot } from "../../helpers/shared.js";

export const bin = join(projectRoot, "bin", "smarkets.mjs");
const compiled = join(projectRoot, "dist", "cli", "main.js");

/** A stuck child is killed after this long, so a broken command fails its test instead of hanging the run. */
const KILL_AFTER_MS = 30_000;

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The environment without the developer's own SMARKETS_* settings, plus `extra`. */
function environment(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("SMARKETS_")));
  return { ...env, ...extra };
}

export function spawnCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): ChildProcess {
  if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run "npm run build" (npm test does) before the tests that run the command`);
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? projectRoot,
    env: environment(options.env ?? {}),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), KILL_AFTER_MS);
  child.once("exit", () => clearTimeout(timer));
  return child;
}

/** Collects a child's output until it exits. */
export async function outcome(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += String(d)));
  child.stderr!.on("data", (d) => (stderr += String(d)));
  // "close", not "exit": a child may exit before everything it wrote has been read.
  const [code] = (await once(child, "close")) as [number | null];
  return { code, stdout, stderr };
}

export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  return outcome(spawnCli(args, options));
}

/** Reads a child's stdout line by line; `until` waits for a line matching `pattern` and returns it. */
export class LineReader {
  readonly lines: string[] = [];
  readonly #reader: Interface;
  readonly #closed: Promise<void>;

  constructor(child: ChildProcess) {
    this.#reader = createInterface({ input: child.stdout! });
    this.#reader.on("line", (l) => this.lines.push(l));
    this.#closed = once(this.#reader, "close").then(() => undefined);
  }

  /** Rejects if the output ends first, so a command that dies does not leave the test waiting. */
  async until(pattern: RegExp): Promise<string> {
    for (;;) {
      const found = this.lines.find((l) => pattern.test(l));
      if (found !== undefined) return found;
      const ended = await Promise.race([once(this.#reader, "line").then(() => false), this.#closed.then(() => true)]);
      if (ended && !this.lines.some((l) => pattern.test(l))) throw new Error(`the output ended without a line matching ${pattern}:\n${this.lines.join("\n")}`);
    }
  }
}

export interface TestExchange {
  readonly exchange: ExchangeHandle;
  /** The flags pointing a command at it: `--port P --plain`. */
  readonly flags: readonly string[];
}

/** A plain-TCP simulator on an ephemeral loopback port, no simulated traders. */
export async function testExchange(): Promise<TestExchange> {
  const exchange = await startExchange({ logger: silentLogger });
  return { exchange, flags: ["--port", String(exchange.port), "--plain"] };
}
