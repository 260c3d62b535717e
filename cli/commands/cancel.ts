// `smarkets cancel <orderId>` cancels one order's unfilled rest;
// `smarkets cancel --all [--market M]` cancels every order (in one market).
// Prints what was cancelled, or the exchange's refusal (exit 3).
import * as seto from "../../generated/seto.js";
import { ArgumentError } from "../../runtime/errors.js";
import { OrderCancelAllRejectedError, OrderCancelRejectedError } from "../../runtime/trading/errors.js";
import { integerArg, uint64Arg } from "../args.js";
import { flagCommand, type Command } from "../command.js";
import { CONNECTION_FLAGS, CONNECTION_HELP, connectionArgs } from "../connection-args.js";
import { EXIT, type ExitCode } from "../exit-codes.js";
import type { Io } from "../io.js";
import { withSession, type CliSession } from "../session.js";

const FLAGS = { ...CONNECTION_FLAGS, "--all": "switch", "--market": "value" } as const;

const HELP = `usage: smarkets cancel <orderId> [connection options]
       smarkets cancel --all [--market M] [connection options]

Cancels an order's unfilled rest (what executed stands) and prints
"cancelled: order ID (REASON)", or "rejected: REASON" (exit status 3) when the
exchange refuses, e.g. for an order that is not live.

  <orderId>          the order to cancel, as "smarkets order(s)" print it
  --all              cancel every live order of the account instead ...
  --market M         ... or only those in market M; prints each order cancelled

${CONNECTION_HELP}`;

type CancelTarget = { readonly kind: "one"; readonly orderId: bigint } | { readonly kind: "all"; readonly marketId: number | undefined };

function cancelTarget(positionals: readonly string[], all: boolean, market: string | undefined): CancelTarget {
  const id = positionals[0];
  if (all && id !== undefined) throw new ArgumentError(`give an order id or --all, not both (got ${JSON.stringify(id)} and --all)`);
  if (all) return { kind: "all", marketId: market === undefined ? undefined : integerArg("--market", market, 1, 0xffff_ffff) };
  if (market !== undefined) throw new ArgumentError(`--market ${market} goes with --all (an order id names its market already)`);
  if (id === undefined) throw new ArgumentError("missing <orderId> (or --all to cancel every order)");
  return { kind: "one", orderId: uint64Arg("<orderId>", id, 1n) };
}

// Requests are not abortable by Ctrl-C: once sent, the answer is what the user needs to know.

async function cancelOne(session: CliSession, orderId: bigint, io: Io): Promise<ExitCode> {
  try {
    const cancelled = await session.client.trading.cancelOrder(orderId, { timeoutMs: session.timeoutMs });
    io.stdout.write(`cancelled: order ${cancelled.orderId} (${seto.orderCancelledReasonToJSON(cancelled.reason)})\n`);
    return EXIT.ok;
  } catch (e) {
    if (!(e instanceof OrderCancelRejectedError)) throw e;
    io.stdout.write(`rejected: ${e.reasonName} (cancel of order ${orderId})\n`);
    return EXIT.refused;
  }
}

async function cancelAll(session: CliSession, marketId: number | undefined, io: Io): Promise<ExitCode> {
  const cancelled: seto.OrderCancelled[] = [];
  const collect = (m: seto.OrderCancelled): void => void cancelled.push(m);
  session.client.addHandler("seto.order_cancelled", collect);
  const scope = marketId === undefined ? "every market" : `market ${marketId}`;
  try {
    await session.client.trading.cancelAll(marketId === undefined ? {} : { marketId }, { timeoutMs: session.timeoutMs });
    // The cancellations it causes have all arrived by the time the pong does.
    await session.client.ping({ timeoutMs: session.timeoutMs });
  } catch (e) {
    if (!(e instanceof OrderCancelAllRejectedError)) throw e;
    io.stdout.write(`rejected: ${e.reasonName} (cancel-all in ${scope})\n`);
    return EXIT.refused;
  } finally {
    session.client.removeHandler("seto.order_cancelled", collect);
  }
  io.stdout.write(`cancel-all accepted in ${scope}: ${cancelled.length} order(s) cancelled\n`);
  for (const c of cancelled) io.stdout.write(`cancelled: order ${c.orderId} (${seto.orderCancelledReasonToJSON(c.reason)})\n`);
  return EXIT.ok;
}

export const cancelCommand: Command = flagCommand({
  name: "cancel",
  summary: "cancel an order, or all of them",
  help: HELP,
  flags: FLAGS,
  positionals: 1,
  async run(args, io) {
    const what = cancelTarget(args.positionals, args.switches.has("--all"), args.values.get("--market"));
    const conn = connectionArgs(args, io.env);
    return withSession(conn, io, {}, (session) =>
      what.kind === "one" ? cancelOne(session, what.orderId, io) : cancelAll(session, what.marketId, io),
    );
  },
});
