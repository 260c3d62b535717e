// `npm run soak -- --minutes N --seed S [--max-block-ms M] [--verbose]`: the
// client against the simulated exchange through a fault-injecting proxy while
// a bot trades (reliability/soak). Prints the checks; exits 1 on any
// violation (with the seed to rerun), 2 on bad arguments.
import { integerArg, parseArgs, positiveNumberArg } from "../cli/args.js";
import { ArgumentError } from "../runtime/errors.js";
import { soakHeader, soakReport } from "./soak/report.js";
import { runSoak, type SoakOptions } from "./soak/run-soak.js";

const USAGE = "usage: npm run soak -- [--minutes N (1)] [--seed S (random)] [--max-block-ms M (100)] [--verbose]";
const FLAGS = { "--minutes": "value", "--seed": "value", "--max-block-ms": "value", "--verbose": "switch" } as const;

function options(argv: readonly string[]): SoakOptions | undefined {
  const args = parseArgs(argv, FLAGS, 0);
  if (args.help) return undefined;
  const value = (flag: keyof typeof FLAGS) => args.values.get(flag);
  const seed = value("--seed");
  const maxBlock = value("--max-block-ms");
  return {
    minutes: positiveNumberArg("--minutes", value("--minutes") ?? "1", 24 * 60),
    seed: seed === undefined ? Math.floor(Math.random() * 0x1_0000_0000) : integerArg("--seed", seed, 0, 0xffff_ffff),
    maxBlockMs: maxBlock === undefined ? 100 : integerArg("--max-block-ms", maxBlock, 1, 3_600_000),
    verbose: args.switches.has("--verbose"),
  };
}

let o: SoakOptions | undefined;
try {
  o = options(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof ArgumentError)) throw e;
  process.stderr.write(`soak: ${e.message}\n${USAGE}\n`);
  process.exit(2);
}
if (o === undefined) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const print = (line: string) => process.stdout.write(`${line}\n`);
soakHeader(o.minutes, o.seed).forEach(print);
try {
  const result = await runSoak(o, print);
  soakReport(result).forEach(print);
  process.exit(result.violations.length === 0 ? 0 : 1);
} catch (e) {
  // The soak itself could not run (the first login failed, say): that is a failure too.
  print(`FAIL: the soak stopped: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  print(`rerun: npm run soak -- --minutes ${o.minutes} --seed ${o.seed}`);
  process.exit(1);
}
