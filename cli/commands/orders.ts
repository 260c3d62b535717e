// `smarkets orders`: our live orders.
//
// The protocol has no request that lists orders. What it has is the account
// sequence: every account event (accepted, executed, cancelled, …) is
// numbered, and a login may name one to have the exchange resend the
// account's events from it on (seto login docs). So this command logs in
// asking for them from 1, lets the trading layer's order tracker rebuild each
// order's state from them, and prints those still on the book. A ping after
// the login marks the end: the events are resent straight after the login
// response, so they have all been applied when the pong comes back.
//
// The list is only as complete as that history. The docs warn that the
// replay is bounded (old messages cannot be replayed); the simulator keeps
// the last 10 000 events per account. When the first event resent is later
// than the one asked for, the command says so on stderr.
import type { StreamingAPIClient } from "../../runtime/client/index.js";
import { accountSequenceOf } from "../../runtime/trading/orders/account-sequence.js";
import { integerArg } from "../args.js";
import { flagCommand, type Command } from "../command.js";
import { CONNECTION_FLAGS, CONNECTION_HELP, connectionArgs } from "../connection-args.js";
import { EXIT } from "../exit-codes.js";
import { ordersTable } from "../format-order.js";
import { withSession } from "../session.js";

const FLAGS = { ...CONNECTION_FLAGS, "--market": "value" } as const;

const HELP = `usage: smarkets orders [--market M] [connection options]

Lists the account's live orders (resting on the book, wholly or partly
unexecuted): id, market, contract, side, price, quantity, executed and open
payoff, status and label.

The exchange has no "list orders" request: this logs in asking the exchange to
resend the account's events from the first (the login's account sequence) and
rebuilds each order's state from them. The list is as complete as the history
the exchange resends: the protocol docs warn that it is bounded, so on a real
exchange orders older than that history are missing (a note on stderr says so
when the exchange resends from later than the first event). The simulator
keeps each account's last 10 000 events.

  --market M         only orders in market M

${CONNECTION_HELP}`;

/** Ask for the account's events from its very first one. */
const FROM_THE_START = 1n;

export const ordersCommand: Command = flagCommand({
  name: "orders",
  summary: "list our live orders (rebuilt from the account's event history)",
  help: HELP,
  flags: FLAGS,
  positionals: 0,
  async run(args, io) {
    const marketText = args.values.get("--market");
    const marketId = marketText === undefined ? undefined : integerArg("--market", marketText, 1, 0xffff_ffff);
    const conn = connectionArgs(args, io.env);
    let first: bigint | undefined;
    const noteFirst = (client: StreamingAPIClient): void =>
      client.addGlobalHandler((message) => {
        first ??= accountSequenceOf(message as { accountSequence64?: bigint; accountSequence?: number });
      });
    return withSession(conn, io, { accountSequence: FROM_THE_START, beforeLogin: noteFirst }, async ({ client, timeoutMs }) => {
      await client.ping({ timeoutMs, signal: io.interrupted });
      if (first !== undefined && first > FROM_THE_START) {
        io.stderr.write(`note: the exchange resent the account's events from sequence ${first}, not ${FROM_THE_START}: orders with no event since then are missing\n`);
      }
      const live = client.trading.orders.live().filter((o) => marketId === undefined || o.marketId === marketId);
      if (live.length === 0) {
        io.stdout.write(`no live orders${marketId === undefined ? "" : ` in market ${marketId}`}\n`);
      } else {
        io.stdout.write(`${ordersTable(live).join("\n")}\n`);
      }
      return EXIT.ok;
    });
  },
});
