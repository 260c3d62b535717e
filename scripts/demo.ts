// `npm start`: a demo session against the embedded simulated exchange (or a
// real endpoint: see --help).
import { ArgumentError } from "../runtime/errors.js";
import { DEMO_USAGE, parseDemoArgs } from "./demo/args.js";
import { runDemo } from "./demo/run-demo.js";

async function main(): Promise<number> {
  let args;
  try {
    args = parseDemoArgs(process.argv.slice(2), process.env);
  } catch (e) {
    if (!(e instanceof ArgumentError)) throw e;
    process.stderr.write(`npm start: ${e.message}\n\n${DEMO_USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${DEMO_USAGE}\n`);
    return 0;
  }
  return runDemo(args, process.stdout);
}

process.exitCode = await main();
