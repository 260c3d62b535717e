// The reliability tools' monitor: a block is seen, charged at most what the
// main thread spent, and comes with the garbage collections inside it.
import test from "ava";
import { describeBlock, ResourceMonitor, type BlockSeen } from "../../reliability/common/resource-monitor.js";

const turn = () => new Promise<void>((resolve) => setTimeout(resolve, 50));

test("a busy loop that allocates is reported as a block, with the scavenges in it", async (t) => {
  const monitor = new ResourceMonitor().start();
  const seen: BlockSeen[] = [];
  monitor.reportOverMs = 20;
  monitor.onBlock = (b) => seen.push(b);
  await turn();
  // 150 ms of CPU time allocating (by CPU, not the clock: the machine may be busy), new space filled many times over.
  const cpu = () => process.cpuUsage().user / 1000;
  const until = cpu() + 150;
  let keep: number[][] = [];
  while (cpu() < until) {
    keep.push(Array.from({ length: 64 }, (_, i) => i));
    if (keep.length > 1_000) keep = [];
  }
  await turn();
  const figures = monitor.stop();
  t.true(seen.length >= 1, "the block was reported");
  const block = seen.reduce((a, b) => (b.blockMs > a.blockMs ? b : a));
  t.true(block.blockMs >= 30, `block ${block.blockMs} ms`);
  t.true(block.blockMs <= block.delayMs + 1, "never charged more than the wall clock");
  const detail = await block.detail();
  t.true(detail.ms > 0, "collections were timed in it");
  t.regex(detail.kinds, /scavenge/);
  t.regex(describeBlock(detail), /^GC \d+ ms in its interval \(.*scavenge.*\)/);
  if (detail.faults !== undefined) t.true(detail.faults >= 0);
  t.is(figures.maxBlockMs, Math.max(...seen.map((b) => b.blockMs)));
  t.regex(describeBlock(figures.maxBlockDetail), /^GC \d+ ms in its interval/, "the longest block's collections are in the figures");
});

test("describeBlock says when no collection ran in a block, and the page faults where known", (t) => {
  t.is(describeBlock({ ms: 0, kinds: "", faults: undefined }), "no GC in it");
  t.is(describeBlock({ ms: 80.4, kinds: "mark-compact 80 ms", faults: 1987 }), "GC 80 ms in its interval (mark-compact 80 ms), 1,987 page faults");
});
