// `npm run fuzz -- --target client|exchange [--cases N] [--seed S] [--from F]
// [--case K] [--workers W] [--max-rss-mb M] [--max-block-ms B]`: hostile
// peers against the client, or garbage clients against the exchange
// (reliability/fuzz). Every case is reproducible from the seed and its number
// (`--case K` reruns one, with details); `--from F` runs cases F..F+N-1, so a
// long run can be made in pieces that add up to the same cases. Exits 1 if any case failed or a limit broke, 2 on bad
// arguments.
import { availableParallelism } from "node:os";
import { choiceArg, integerArg, parseArgs } from "../cli/args.js";
import { ArgumentError } from "../runtime/errors.js";
import { coreShareNote, fuzzHeader, fuzzProgress, fuzzReport } from "./fuzz/report.js";
import { supervise, type FuzzOptions } from "./fuzz/supervisor.js";
import type { TargetName } from "./fuzz/target.js";

const USAGE =
  "usage: npm run fuzz -- --target client|exchange [--cases N (1000)] [--seed S (random)] [--from F (0)] [--case K] [--workers W (1)] [--max-rss-mb M (200)] [--max-block-ms B (100)]";
const FLAGS = { "--target": "value", "--cases": "value", "--seed": "value", "--from": "value", "--case": "value", "--workers": "value", "--max-rss-mb": "value", "--max-block-ms": "value" } as const;
const SIDE: Record<TargetName, string> = { client: "client", exchange: "exchange" };

function options(argv: readonly string[]) {
  const args = parseArgs(argv, FLAGS, 0);
  if (args.help) return undefined;
  const value = (flag: keyof typeof FLAGS) => args.values.get(flag);
  const target = value("--target");
  if (target === undefined) throw new ArgumentError("--target is required: client or exchange");
  const seed = value("--seed");
  const single = value("--case");
  const cases = integerArg("--cases", value("--cases") ?? "1000", 1, 1_000_000_000);
  const from = integerArg("--from", value("--from") ?? "0", 0, 1_000_000_000);
  const first = single === undefined ? from : integerArg("--case", single, 0, 1_000_000_000);
  const limits = {
    maxRssMb: integerArg("--max-rss-mb", value("--max-rss-mb") ?? "200", 1, 1_000_000),
    maxBlockMs: integerArg("--max-block-ms", value("--max-block-ms") ?? "100", 1, 3_600_000),
  };
  const fuzz: FuzzOptions = {
    target: choiceArg("--target", target, { client: "client", exchange: "exchange" } as const),
    seed: seed === undefined ? Math.floor(Math.random() * 0x1_0000_0000) : integerArg("--seed", seed, 0, 0xffff_ffff),
    first,
    end: single === undefined ? first + cases : first + 1,
    workers: single === undefined ? integerArg("--workers", value("--workers") ?? "1", 1, 64) : 1,
    detail: single !== undefined,
    maxBlockMs: limits.maxBlockMs,
  };
  return { fuzz, limits };
}

let o: ReturnType<typeof options>;
try {
  o = options(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ArgumentError)) throw e;
  process.stderr.write(`fuzz: ${e.message}\n${USAGE}\n`);
  process.exit(2);
}
if (o === undefined) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const print = (line: string) => process.stdout.write(`${line}\n`);
const { fuzz, limits } = o;
const side = SIDE[fuzz.target];
print(fuzzHeader(fuzz, side));
const shareNote = coreShareNote(fuzz, availableParallelism());
if (shareNote !== undefined) print(shareNote);
const started = performance.now();
try {
  const totals = await supervise(fuzz, (t) => print(fuzzProgress(t, fuzz.end - fuzz.first, started)));
  const report = fuzzReport(fuzz, side, totals, limits, (performance.now() - started) / 1000);
  report.lines.forEach(print);
  process.exit(report.failed ? 1 : 0);
} catch (e) {
  print(`FAIL: the fuzz stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.exit(1);
}
