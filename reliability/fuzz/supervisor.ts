// Runs the fuzz's cases in worker processes and watches them: a worker that
// stops reporting (its event loop blocked: a hang) is killed, one that dies
// is noted, and either way the case it was on is a failure and the rest of
// its share goes on in a fresh worker. A worker also hands over to a fresh
// one after CASES_PER_WORKER cases, so the RSS measured is a case's own plus
// a bounded history (a process that ran 100 000 clients keeps heap pages and
// allocator fragments of them all; the soak is where one long-lived client's
// memory is watched). Adds up what the workers report.
import { fork, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { compileEntry } from "../common/compiled-entry.js";
import { Tally } from "../common/tally.js";
import { HOSTILE_SERVER_ENTRY } from "./client/hostile-server-link.js";
import type { Peak, WorkerJob, WorkerMessage } from "./messages.js";
import type { TargetName } from "./target.js";

/** A worker silent this long is taken as hung on its current case. */
const HANG_MS = 20_000;
/** Cases one worker process runs before a fresh one takes over. */
const CASES_PER_WORKER = 1_000;
/** Above this a worker stops itself (a runaway would take the whole machine's memory). */
const HARD_RSS_BYTES = 1536 * 1024 * 1024;

export interface FuzzOptions {
  readonly target: TargetName;
  readonly seed: number;
  /** Cases first..end-1. */
  readonly first: number;
  readonly end: number;
  readonly workers: number;
  readonly detail: boolean;
  /** Blocks over this are each reported. */
  readonly maxBlockMs: number;
}

export interface CaseFailure {
  readonly k: number;
  readonly kind: string;
  readonly violations: string[];
}

export class FuzzTotals {
  cases = 0;
  readonly kinds = new Tally();
  readonly outcomes = new Tally();
  readonly errors = new Tally();
  readonly failures: CaseFailure[] = [];
  readonly details: { k: number; lines: string[] }[] = [];
  readonly toolErrors: string[] = [];
  rss: Peak = { value: 0, k: -1 };
  block: Peak = { value: 0, k: -1 };
  /** Every block over the limit, in the order seen. */
  readonly blocksOver: Peak[] = [];
  errorsPerCase: Peak = { value: 0, k: -1 };
}

const WORKER = fileURLToPath(new URL("./worker.ts", import.meta.url));

export async function supervise(o: FuzzOptions, progress: (totals: FuzzTotals) => void): Promise<FuzzTotals> {
  const totals = new FuzzTotals();
  // Workers run compiled, with plain node: what is measured is the side under test, not a loader.
  // One file per run: runs side by side (both targets in CI) must not write each other's.
  const worker = await compileEntry(WORKER, `fuzz-worker-${process.pid}`);
  const hostileServer = o.target === "client" ? await compileEntry(HOSTILE_SERVER_ENTRY, `hostile-server-${process.pid}`) : undefined;
  const timer = setInterval(() => progress(totals), 5_000);
  try {
    await Promise.all(Array.from({ length: Math.min(o.workers, o.end - o.first) }, (_, w) => runShare(o, { worker, hostileServer }, o.first + w, totals)));
  } finally {
    clearInterval(timer);
    await rm(worker, { force: true });
    if (hostileServer !== undefined) await rm(hostileServer, { force: true });
  }
  return totals;
}

/** Runs cases start, start + workers, … in workers, restarting after a hang or a crash. */
async function runShare(o: FuzzOptions, entries: { worker: string; hostileServer: string | undefined }, start: number, totals: FuzzTotals): Promise<void> {
  let next = start;
  while (next < o.end) {
    const end = Math.min(o.end, next + o.workers * CASES_PER_WORKER);
    const job: WorkerJob = { target: o.target, seed: o.seed, start: next, end, stride: o.workers, detail: o.detail, hardRssBytes: HARD_RSS_BYTES, maxBlockMs: o.maxBlockMs, ...(entries.hostileServer ? { hostileServer: entries.hostileServer } : {}) };
    const ended = await runWorker(entries.worker, job, totals);
    // Done: the share goes on from the first of its cases at or past `end`.
    // Otherwise the case it was on failed (hang or crash); carry on after it.
    next = ended.done ? next + Math.ceil((end - next) / o.workers) * o.workers : (ended.current ?? next) + o.workers;
  }
}

function runWorker(worker: string, job: WorkerJob, totals: FuzzTotals): Promise<{ done: boolean; current: number | undefined }> {
  return new Promise((resolve) => {
    // Source maps only for a case rerun with details: they cost every error its stack's mapping and the
    // worker tens of MB, which a plain-node bot does not pay, and the run's figures are a bot's.
    const execArgv = [...(job.detail ? ["--enable-source-maps"] : []), "--expose-gc", "--max-old-space-size=1024"];
    const child: ChildProcess = fork(worker, [], { execArgv, stdio: ["ignore", "inherit", "pipe", "ipc"] });
    let current: number | undefined;
    let done = false;
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4_000)));
    let watchdog = setTimeout(() => hung(), HANG_MS);
    const hung = (): void => {
      totals.failures.push({ k: current ?? job.start, kind: "", violations: [`no sign of life for ${HANG_MS / 1000} s: the event loop was blocked (worker killed)`] });
      child.kill("SIGKILL");
    };
    child.on("message", (m: WorkerMessage) => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => hung(), HANG_MS);
      switch (m.t) {
        case "start":
          current = m.k;
          totals.cases++;
          break;
        case "case":
          if (m.violations.length > 0) totals.failures.push({ k: m.k, kind: m.kind, violations: m.violations });
          if (m.detail) totals.details.push({ k: m.k, lines: m.detail });
          break;
        case "batch":
          totals.kinds.merge(m.batch.kinds);
          totals.outcomes.merge(m.batch.outcomes);
          totals.errors.merge(m.batch.errors);
          totals.toolErrors.push(...m.toolErrors);
          if (m.rss.value > totals.rss.value) totals.rss = m.rss;
          if (m.block.value > totals.block.value) totals.block = m.block;
          totals.blocksOver.push(...m.blocksOver);
          if (m.errorsPerCase.value > totals.errorsPerCase.value) totals.errorsPerCase = m.errorsPerCase;
          break;
        case "done":
          done = true;
          break;
        case "alive":
          break;
      }
    });
    child.on("exit", (code, signal) => {
      clearTimeout(watchdog);
      if (!done && signal !== "SIGKILL" && code !== 3) {
        totals.failures.push({
          k: current ?? job.start,
          kind: "",
          violations: [`the worker process died (${signal ?? `exit code ${code}`}): ${stderr.trim().split("\n").slice(-3).join(" | ")}`],
        });
      }
      resolve({ done, current });
    });
    child.send(job);
  });
}
