// `smarkets exchange`: the simulated exchange, run by the very code behind
// `npm run exchange` (scripts/exchange.ts), which prints `listening on
// HOST:PORT` first, then the accounts and markets, and exits on SIGINT or
// SIGTERM. The arguments are checked here first with the script's own
// parser, so a mistake is reported as every other command reports one.
import { parseExchangeArgs, USAGE } from "../../exchange/server/cli-args.js";
import type { Command } from "../command.js";
import { EXIT } from "../exit-codes.js";

const HELP = `${USAGE.replace(/^usage: .*$/m, "usage: smarkets exchange [options]")}

Then, in another terminal, point the other commands at it, e.g.:
  smarkets watch 1 --port 3701 --plain`;

export const exchangeCommand: Command = {
  name: "exchange",
  summary: "run the simulated exchange until Ctrl-C",
  help: HELP,
  ownsProcess: true,
  async run(argv, io) {
    if (parseExchangeArgs(argv).kind === "help") {
      io.stdout.write(`${HELP}\n`);
      return EXIT.ok;
    }
    const { runExchange } = await import("../../scripts/exchange.js");
    await runExchange(argv);
    return undefined;
  },
};
