// `smarkets order`: places one limit order and prints the exchange's answer:
// the acceptance (order id) and the order's state just after, or the
// rejection with its reason (exit 3).
import { ArgumentError } from "../../runtime/errors.js";
import { OrderInvalidError, OrderRejectedError, OrderValidationError } from "../../runtime/trading/errors.js";
import type { TimeInForceInput } from "../../runtime/trading/validation/enums.js";
import { orderCreateMessage, type PlaceOrderInput } from "../../runtime/trading/validation/order-input.js";
import { pounds, price } from "../amounts.js";
import { choiceArg, integerArg, uint64Arg, type ParsedArgs } from "../args.js";
import { flagCommand, type Command } from "../command.js";
import { CONNECTION_FLAGS, CONNECTION_HELP, connectionArgs } from "../connection-args.js";
import { EXIT } from "../exit-codes.js";
import { orderState } from "../format-order.js";
import { priceArg } from "../price-arg.js";
import { quantityArg } from "../quantity-arg.js";
import { withSession } from "../session.js";

const FLAGS = {
  ...CONNECTION_FLAGS,
  "--market": "value",
  "--contract": "value",
  "--side": "value",
  "--price": "value",
  "--quantity": "value",
  "--tif": "value",
  "--reference": "value",
  "--label": "value",
} as const;

const HELP = `usage: smarkets order --market M --contract C --side buy|sell --price P
                      --quantity Q [--tif gtc|ioc|kip|gth] [--reference R]
                      [--label L] [connection options]

Places a limit order and prints the exchange's answer: "accepted: order ID",
then the order's state (what executed at once, what rests), or "rejected:" /
"invalid:" with the exchange's reason (exit status 3).

  --market M         market id
  --contract C       contract id
  --side buy|sell    buy backs the outcome, sell lays it
  --price P          2500 (basis points), 25% (percent) or 4.0 (decimal odds,
                     with a point); it must be on the Smarkets odds ladder
  --quantity Q       the payoff if the order wins (not the stake): 10000
                     (quantity units; 10000 = £1) or £12.50; the exchange may
                     want multiples of its own step (the simulator: £1)
  --tif T            time in force: gtc good-til-cancelled (the default),
                     ioc immediate-or-cancel, kip keep-in-play,
                     gth good-till-halted
  --reference R      a client reference (0..2^64-1) echoed in the replies
  --label L          a label the exchange keeps with the order

${CONNECTION_HELP}`;

const SIDES = { buy: "buy", sell: "sell" } as const;
const TIFS: Readonly<Record<string, TimeInForceInput>> = {
  gtc: "good-til-cancelled",
  ioc: "immediate-or-cancel",
  kip: "keep-in-play",
  gth: "good-till-halted",
};
/** The flag behind each field the library checks, for its errors. */
const FLAG_OF: Readonly<Record<string, string>> = {
  marketId: "--market",
  contractId: "--contract",
  side: "--side",
  price: "--price",
  quantity: "--quantity",
  timeInForce: "--tif",
  label: "--label",
  reference: "--reference",
};

function required(args: ParsedArgs, flag: string): string {
  const v = args.values.get(flag);
  if (v === undefined) throw new ArgumentError(`${flag} is required`);
  return v;
}

/** An order as the flags give it: the quantity is always a bigint here. */
interface CliOrder extends PlaceOrderInput {
  quantity: bigint;
}

/** The order as the flags give it, checked by the trading layer's own rules before anything connects. */
function orderFrom(args: ParsedArgs): CliOrder {
  const tif = args.values.get("--tif");
  const reference = args.values.get("--reference");
  const label = args.values.get("--label");
  const order: CliOrder = {
    marketId: integerArg("--market", required(args, "--market"), 1, 0xffff_ffff),
    contractId: integerArg("--contract", required(args, "--contract"), 1, 0xffff_ffff),
    side: choiceArg("--side", required(args, "--side"), SIDES),
    price: priceArg("--price", required(args, "--price")),
    quantity: quantityArg("--quantity", required(args, "--quantity")),
    ...(tif === undefined ? {} : { timeInForce: choiceArg("--tif", tif, TIFS) }),
    ...(reference === undefined ? {} : { reference: uint64Arg("--reference", reference, 0n) }),
    ...(label === undefined ? {} : { label }),
  };
  try {
    orderCreateMessage(order, 0n);
  } catch (e) {
    if (e instanceof OrderValidationError) throw new ArgumentError(`${FLAG_OF[e.field] ?? e.field}: ${e.message}`, { cause: e });
    throw e;
  }
  return order;
}

export const orderCommand: Command = flagCommand({
  name: "order",
  summary: "place an order and print the exchange's answer",
  help: HELP,
  flags: FLAGS,
  positionals: 0,
  async run(args, io) {
    const order = orderFrom(args);
    const conn = connectionArgs(args, io.env);
    return withSession(conn, io, {}, async ({ client, timeoutMs }) => {
      const what = `${order.side} ${pounds(order.quantity)} payoff of contract ${order.contractId} in market ${order.marketId} at ${price(order.price)}`;
      try {
        // Not abortable by Ctrl-C: once sent, the answer is what the user needs to know.
        const accepted = await client.trading.placeOrder(order, { timeoutMs });
        const sequence = accepted.accountSequence === undefined ? "" : `, account sequence ${accepted.accountSequence}`;
        io.stdout.write(`accepted: order ${accepted.orderId} (${what}; reference ${accepted.reference}${sequence})\n`);
        // Executions the order met at once arrive before the pong.
        await client.ping({ timeoutMs });
        const view = client.trading.orders.get(accepted.orderId);
        if (view) io.stdout.write(`state: ${orderState(view)}\n`);
        return EXIT.ok;
      } catch (e) {
        if (e instanceof OrderRejectedError) {
          io.stdout.write(`rejected: ${e.reasonName} (${what}; reference ${e.reference ?? "-"})\n`);
          return EXIT.refused;
        }
        if (e instanceof OrderInvalidError) {
          io.stdout.write(`invalid: ${e.reasonNames.join(", ") || "no reason given"} (${what})\n`);
          return EXIT.refused;
        }
        throw e;
      }
    });
  },
});
