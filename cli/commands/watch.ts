// `smarkets watch <market>`: subscribes and shows the market's books live
// until Ctrl-C (then logs out), or until --updates / --seconds say stop.
import { AbortedError, ArgumentError, TimeoutError } from "../../runtime/errors.js";
import type { BookUpdate } from "../../runtime/trading/index.js";
import { pounds } from "../amounts.js";
import { integerArg, positiveNumberArg } from "../args.js";
import { flagCommand, type Command } from "../command.js";
import { CONNECTION_FLAGS, CONNECTION_HELP, connectionArgs } from "../connection-args.js";
import { EXIT } from "../exit-codes.js";
import { marketLines } from "../format-book.js";
import { LiveScreen } from "../live-screen.js";
import { withSession } from "../session.js";

const FLAGS = { ...CONNECTION_FLAGS, "--updates": "value", "--seconds": "value" } as const;

const HELP = `usage: smarkets watch <market> [--updates N] [--seconds S] [connection options]

Subscribes to a market and shows the books of its contracts (bids and offers,
best first, quantities as pounds of payoff) as they change, until Ctrl-C, which
logs out. On a terminal the book is redrawn in place; otherwise (a pipe, a file)
every book is printed in turn, followed by a blank line.

  <market>           the market id
  --updates N        stop after N changes to the book (the snapshot aside)
  --seconds S        stop S seconds after the snapshot

${CONNECTION_HELP}`;

export const watchCommand: Command = flagCommand({
  name: "watch",
  summary: "show a market's order book live",
  help: HELP,
  flags: FLAGS,
  positionals: 1,
  async run(args, io) {
    const marketText = args.positionals[0];
    if (marketText === undefined) throw new ArgumentError("missing <market>: the id of the market to watch");
    const marketId = integerArg("<market>", marketText, 1, 0xffff_ffff);
    const updatesText = args.values.get("--updates");
    const maxUpdates = updatesText === undefined ? Infinity : integerArg("--updates", updatesText, 1, 1_000_000_000);
    const secondsText = args.values.get("--seconds");
    const seconds = secondsText === undefined ? undefined : positiveNumberArg("--seconds", secondsText, 1_000_000);
    const conn = connectionArgs(args, io.env);

    return withSession(conn, io, {}, async ({ client, timeoutMs }) => {
      // --seconds counts from the snapshot, so a slow login or subscription never leaves nothing shown.
      const timeUp = new AbortController();
      const stop = AbortSignal.any([io.interrupted, timeUp.signal]);
      // Subscribed to before the market, so the snapshot is the first book shown.
      const updates = client.trading.books.updates({ signal: stop, overflow: "drop-oldest" });
      try {
        await client.trading.subscribe(marketId, { timeoutMs, signal: io.interrupted });
      } catch (e) {
        if (!(e instanceof TimeoutError)) throw e;
        // The exchange does not answer a subscription to a market it does not have.
        io.stderr.write(`smarkets watch: no snapshot of market ${marketId} within ${timeoutMs / 1000} s: is it a market of this exchange? (--timeout sets the wait)\n`);
        return EXIT.failure;
      }
      const timer = seconds === undefined ? undefined : setTimeout(() => timeUp.abort(), seconds * 1000);
      const screen = new LiveScreen(io.stdout, io.terminal);
      const footer = io.terminal() === undefined ? [] : ["", "Ctrl-C to stop"];
      let changes = 0;
      try {
        for await (const update of updates) {
          if (update.marketId !== marketId) continue;
          if (update.kind === "update") changes++;
          screen.show([describe(update, changes), ...marketLines(marketId, client.trading.books.market(marketId)), ...footer]);
          if (changes >= maxUpdates) return EXIT.ok;
        }
      } catch (e) {
        if (e instanceof AbortedError && stop.aborted) return EXIT.ok;
        throw e;
      } finally {
        clearTimeout(timer);
        screen.end();
      }
      // The stream ended by itself: the client closed (the exchange ended the session, or the connection went).
      io.stderr.write(`smarkets watch: the session ended (connection ${client.state === "logged-out" ? "closed by the exchange" : "lost"})\n`);
      return EXIT.failure;
    });
  },
});

/** The first line of each book: when, and what changed. */
function describe(update: BookUpdate, changes: number): string {
  const time = new Date().toTimeString().slice(0, 8);
  switch (update.kind) {
    case "snapshot":
      return `[${time}] snapshot`;
    case "update": {
      const traded = update.executions.reduce((sum, e) => sum + e.quantity, 0n);
      return `[${time}] update ${changes}: contract ${update.contractId}${traded > 0n ? `, traded ${pounds(traded)}` : ""}`;
    }
    case "stale":
      return `[${time}] the session was lost: the book is out of date`;
    case "released":
      return `[${time}] unsubscribed`;
  }
}
