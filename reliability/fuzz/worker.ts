// A fuzz worker process: runs its share of the cases against the target,
// reporting each case as it starts (so a hang or a crash can be pinned on
// it), every failing case, and counts in batches. Started by the supervisor
// with `fork`; its RSS and event-loop blocks are those of the side under test.
import { ProcessGuard } from "../common/process-guard.js";
import { describeBlock, ResourceMonitor, mb } from "../common/resource-monitor.js";
import { Tally } from "../common/tally.js";
import { clientTarget } from "./client/client-target.js";
import type { Peak, WorkerJob, WorkerMessage } from "./messages.js";
import type { FuzzTarget } from "./target.js";

/**
 * A full garbage collection after every this many cases, before RSS is read:
 * a loop of cases is never idle, so V8 leaves the garbage of earlier clients
 * in a heap it keeps growing; the RSS then says how lazily it collects, not
 * what a case's client holds. (A case's own peak still shows: it is sampled
 * during the case too.)
 */
const GC_EVERY = 10;
const collect = (globalThis as { gc?: () => void }).gc;

/** A batch goes to the supervisor after this many cases, or this long. */
const BATCH_CASES = 200;
const BATCH_MS = 500;

const send = (m: WorkerMessage): Promise<void> => new Promise((resolve) => process.send!(m, undefined, undefined, () => resolve()));

async function targetFor(job: WorkerJob): Promise<FuzzTarget> {
  switch (job.target) {
    case "client":
      return clientTarget(job.hostileServer);
    case "exchange":
      return (await import("./exchange/exchange-target.js")).exchangeTarget(job.seed);
  }
}

async function work(job: WorkerJob): Promise<void> {
  // Tells the supervisor the event loop is turning, however long a case takes.
  setInterval(() => void send({ t: "alive" }), 1_000).unref();
  const guard = new ProcessGuard().install();
  const monitor = new ResourceMonitor().start();
  const target = await targetFor(job);
  // A first run of the first case, unmeasured: the process's start (modules
  // evaluated, code compiled on first use) is no block a peer caused. Its
  // failures still count: they are the case's own, and show again when run.
  guard.during = `case ${job.start} (warm-up)`;
  const warmUp = await target.run(job.seed, job.start);
  if (warmUp.violations.length > 0 || guard.caught.length > 0) {
    await send({ t: "case", k: job.start, kind: warmUp.kind, violations: [...warmUp.violations, ...guard.caught.map((c) => `${c.kind}: ${c.error}`)] });
  }
  // What the warm-up's last turns held the loop for is its own, not the first measured case's.
  monitor.excuse();
  let current = job.start;
  let rss: Peak = { value: monitor.sample(), k: job.start };
  let block: Peak = { value: 0, k: job.start };
  let errorsPerCase: Peak = { value: 0, k: job.start };
  let blocksOver: Peak[] = [];
  /** Blocks whose GC is not known yet (it is, a turn later): a batch waits for them. */
  const noting = new Set<Promise<void>>();
  monitor.reportOverMs = 0;
  monitor.onBlock = (b) => {
    const over = b.blockMs > job.maxBlockMs;
    if (b.blockMs <= block.value && !over) return;
    const seen: { value: number; k: number; note?: string } = { value: b.blockMs, k: current };
    if (seen.value > block.value) block = seen;
    if (over) blocksOver.push(seen);
    const noted = b.detail().then((d) => {
      seen.note = describeBlock(d);
      noting.delete(noted);
    });
    noting.add(noted);
  };
  let casesRun = 0;
  let kinds = new Tally();
  let outcomes = new Tally();
  let errors = new Tally();
  let lastBatch = performance.now();
  let sinceBatch = 0;
  const flush = async () => {
    await Promise.all(noting);
    await send({ t: "batch", batch: { kinds: kinds.toJSON(), outcomes: outcomes.toJSON(), errors: errors.toJSON() }, rss, block, blocksOver, errorsPerCase, toolErrors: target.toolErrors() });
    blocksOver = [];
    kinds = new Tally();
    outcomes = new Tally();
    errors = new Tally();
    sinceBatch = 0;
    lastBatch = performance.now();
  };

  for (let k = job.start; k < job.end; k += job.stride) {
    current = k;
    guard.during = `case ${k}`;
    const caught = guard.caught.length;
    void send({ t: "start", k });
    const r = await target.run(job.seed, k);
    const violations = [...r.violations, ...guard.caught.slice(caught).map((c) => `${c.kind}: ${c.error}`)];
    // Counted per worker: its case numbers go up by the stride, which `k % GC_EVERY` would skip for some workers always.
    if (++casesRun % GC_EVERY === 0 && collect) {
      collect();
      monitor.excuse();
    }
    const now = monitor.sample();
    if (now > rss.value) rss = { value: now, k };
    if (r.errorCount > errorsPerCase.value) errorsPerCase = { value: r.errorCount, k };
    if (violations.length > 0 || job.detail) await send({ t: "case", k, kind: r.kind, violations, ...(job.detail && r.detail ? { detail: r.detail } : {}) });
    kinds.add(r.kind);
    outcomes.merge(r.outcomes);
    errors.merge(r.errors);
    if (now > job.hardRssBytes) {
      await send({ t: "case", k, kind: r.kind, violations: [`worker RSS ${mb(now)} MB passed the hard limit of ${mb(job.hardRssBytes)} MB: stopped`] });
      await flush();
      process.exit(3);
    }
    if (++sinceBatch >= BATCH_CASES || performance.now() - lastBatch > BATCH_MS) await flush();
  }
  await flush();
  await target.close();
  monitor.stop();
  await send({ t: "done" });
  process.exit(0);
}

process.once("message", (job: WorkerJob) => void work(job));
