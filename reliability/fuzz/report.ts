// The fuzz's printed report: what ran, how calls ended, the peaks and the
// cases that failed, each with the command that reruns it.
import { mb } from "../common/resource-monitor.js";
import { Tally } from "../common/tally.js";
import { caseKind } from "./case-kind.js";
import type { FuzzOptions, FuzzTotals } from "./supervisor.js";

export interface Limits {
  readonly maxRssMb: number;
  readonly maxBlockMs: number;
}

const n = (x: number): string => x.toLocaleString("en-GB");
const rerun = (o: FuzzOptions, k: number) => `npm run fuzz -- --target ${o.target} --seed ${o.seed} --case ${k}`;

export function fuzzHeader(o: FuzzOptions, side: string): string {
  const cases = o.end - o.first === 1 ? `case ${o.first}` : `${n(o.end - o.first)} cases${o.first > 0 ? ` (${o.first}..${o.end - 1})` : ""}`;
  return `fuzz: target ${o.target} (${side}), ${cases}, seed ${o.seed}, ${o.workers} worker process${o.workers === 1 ? "" : "es"}`;
}

/**
 * A note when the run's busy processes outnumber the cores: a client worker
 * drives a hostile server in a process of its own, so it is two busy
 * processes. Sharing a core does not add to a block as waiting for a CPU
 * (that is not charged), yet on the development machine's virtual CPUs the
 * client fuzz's blocks doubled with two workers on two cores (95 ms against
 * 44 ms with one, on the same 20,000 cases).
 */
export function coreShareNote(o: Pick<FuzzOptions, "target" | "workers">, cores: number): string | undefined {
  const perWorker = o.target === "client" ? 2 : 1;
  const busy = o.workers * perWorker;
  if (busy <= cores) return undefined;
  const most = Math.max(1, Math.floor(cores / perWorker));
  const workers = o.workers === 1 ? "1 worker" : `${o.workers} workers`;
  const what = perWorker === 1 ? workers : `${workers} and ${o.workers === 1 ? "its hostile server" : "their hostile servers"}`;
  return `note: ${what} are ${busy} busy processes on ${cores} core${cores === 1 ? "" : "s"}; the blocks measured grow when they share cores (to judge the block target, use --workers ${most})`;
}

export function fuzzProgress(t: FuzzTotals, total: number, startedMs: number): string {
  const s = (performance.now() - startedMs) / 1000;
  return `  ${n(t.cases)} / ${n(total)} cases (${Math.round(t.cases / s)}/s), ${t.failures.length} failed, max rss ${mb(t.rss.value)} MB`;
}

/** The report's lines, and the violations of the run as a whole. */
export function fuzzReport(o: FuzzOptions, side: string, t: FuzzTotals, limits: Limits, seconds: number): { lines: string[]; failed: boolean } {
  const lines = [`ran ${n(t.cases)} cases in ${seconds.toFixed(1)} s (${Math.round(t.cases / seconds)}/s)`];
  for (const d of t.details) lines.push(`case ${d.k}:`, ...d.lines.map((l) => `  ${l}`));
  lines.push(`kinds: ${t.kinds.format()}`);
  lines.push(`outcomes: ${t.outcomes.format()}`);
  lines.push(`errors reported by the ${side}: ${t.errors.format()}`);
  lines.push(`most errors reported in one case: ${n(t.errorsPerCase.value)} (case ${t.errorsPerCase.k})`);
  lines.push(`max RSS of the ${side} process: ${mb(t.rss.value)} MB (case ${t.rss.k}); max event-loop block ${Math.round(t.block.value)} ms (case ${t.block.k}, CPU-attributed${t.block.note ? `, ${t.block.note}` : ""})`);
  if (t.blocksOver.length > 0) {
    const shown = [...t.blocksOver].sort((a, b) => b.value - a.value).slice(0, 10);
    lines.push(`blocks over ${limits.maxBlockMs} ms: ${t.blocksOver.length}${t.blocksOver.length > shown.length ? ` (the ${shown.length} longest)` : ""}`);
    for (const b of shown) lines.push(`  case ${b.k} (${caseKind(o.target, o.seed, b.k)}): ${Math.round(b.value)} ms, ${b.note ?? "GC not known"}`);
  }
  const overall: string[] = [];
  if (t.rss.value > limits.maxRssMb * 1024 * 1024) overall.push(`RSS ${mb(t.rss.value)} MB over ${limits.maxRssMb} MB (case ${t.rss.k}; rerun: ${rerun(o, t.rss.k)})`);
  if (t.block.value > limits.maxBlockMs) overall.push(`event loop blocked ${Math.round(t.block.value)} ms, over ${limits.maxBlockMs} ms (case ${t.block.k}; rerun: ${rerun(o, t.block.k)})`);
  for (const e of t.toolErrors.slice(0, 5)) overall.push(`the fuzz's own script failed (a bug of the tool): ${e}`);
  if (t.failures.length === 0 && overall.length === 0) {
    lines.push("PASS: no uncaught exception, unhandled rejection, untyped error, unsettled call, hang or crash; within the limits");
    return { lines, failed: false };
  }
  lines.push(`FAIL: ${t.failures.length} cases failed${overall.length > 0 ? `, ${overall.length} limits broken` : ""}`);
  for (const v of overall) lines.push(`  - ${v}`);
  // Grouped by kind: how many, and the first few with their reruns.
  const byKind = new Map<string, typeof t.failures>();
  for (const f of t.failures) {
    const kind = f.kind || caseKind(o.target, o.seed, f.k);
    byKind.set(kind, [...(byKind.get(kind) ?? []), f]);
  }
  const counts = new Tally();
  for (const [kind, list] of byKind) counts.add(kind, list.length);
  for (const [kind, count] of counts.entries()) {
    lines.push(`  ${kind}: ${count} cases`);
    for (const f of byKind.get(kind)!.sort((a, b) => a.k - b.k).slice(0, 3)) {
      lines.push(`    case ${f.k}: ${f.violations.slice(0, 2).map((v) => v.split("\n")[0]).join("; ")}`);
      lines.push(`      rerun: ${rerun(o, f.k)}`);
    }
  }
  return { lines, failed: true };
}
