// `smarkets ping`: log in, ping N times printing each round trip, log out.
import { AbortedError } from "../../runtime/errors.js";
import { integerArg } from "../args.js";
import { flagCommand, type Command } from "../command.js";
import { CONNECTION_FLAGS, CONNECTION_HELP, connectionArgs } from "../connection-args.js";
import { EXIT } from "../exit-codes.js";
import { withSession } from "../session.js";

const FLAGS = { ...CONNECTION_FLAGS, "--count": "value" } as const;

const HELP = `usage: smarkets ping [--count N] [connection options]

Logs in, sends N eto pings one after another, printing the round-trip time of
each, then a summary, and logs out.

  --count N          how many pings (default 3, at most 10000)

${CONNECTION_HELP}`;

export const pingCommand: Command = flagCommand({
  name: "ping",
  summary: "log in, measure round trips to the exchange, log out",
  help: HELP,
  flags: FLAGS,
  positionals: 0,
  async run(args, io) {
    const countText = args.values.get("--count");
    const count = countText === undefined ? 3 : integerArg("--count", countText, 1, 10_000);
    const conn = connectionArgs(args, io.env);
    return withSession(conn, io, {}, async ({ client, where, username, timeoutMs }) => {
      io.stdout.write(`PING ${where}${username === undefined ? "" : ` as ${username}`}\n`);
      const times: number[] = [];
      for (let i = 1; i <= count; i++) {
        try {
          times.push(await client.ping({ timeoutMs, signal: io.interrupted }));
        } catch (e) {
          if (!(e instanceof AbortedError)) throw e;
          break;
        }
        io.stdout.write(`round trip ${i}: ${times.at(-1)!.toFixed(2)} ms\n`);
      }
      if (times.length > 0) {
        const avg = times.reduce((a, b) => a + b, 0) / times.length;
        const [min, max] = [Math.min(...times), Math.max(...times)];
        io.stdout.write(`${times.length} round trip(s): min ${min.toFixed(2)}, average ${avg.toFixed(2)}, max ${max.toFixed(2)} ms\n`);
      }
      return times.length === count ? EXIT.ok : EXIT.interrupted;
    });
  },
});
