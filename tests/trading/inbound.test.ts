// What the trading layer consumes: the handlers it registers on the registry
// (the payload map's index of who handles what), and nothing else.
import test from "ava";
import { payloadNames } from "../../generated/payload-map.js";
import { incoming, quotes, tick } from "./helpers/events.js";
import { setup } from "./helpers/setup.js";

const wanted = (registry: { wants(name: (typeof payloadNames)[number]): boolean }) => payloadNames.filter((n) => registry.wants(n));

test("the trading layer registers for account events, throttle signals and settings; not for quotes until it keeps a book", (t) => {
  const { port } = setup();
  t.deepEqual(wanted(port.handlers), [
    "eto.throttle_exceeded",
    "seto.order_rejected",
    "seto.order_accepted",
    "seto.order_executed",
    "seto.order_cancelled",
    "seto.order_invalid",
    "seto.order_cancel_rejected",
    "seto.order_execute_voided",
    "seto.order_execute_confirmed",
    "seto.order_quantity_reduced",
    "seto.order_quantity_reduce_rejected",
    "seto.order_reduced",
    "seto.order_cancel_all_accepted",
    "seto.order_cancel_all_rejected",
    "seto.throttle_limits_changed",
    "seto.settings_accepted",
    "seto.order_voided",
    "seto.order_pending_replace",
    "seto.order_cancel_replace_accepted",
    "seto.order_cancel_replace_rejected",
  ]);
  t.false(port.handlers.wants("eto.heartbeat"));
  t.false(port.handlers.wants("seto.contract_quotes"));
});

test("quote handlers are registered while a snapshot is awaited or a book kept, and only then", async (t) => {
  const { port, trading } = setup();
  const snapshot = trading.subscribe(1);
  t.true(port.handlers.wants("seto.market_quotes"));
  t.true(port.handlers.wants("seto.contract_quotes"));
  port.receive(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
  await snapshot;
  port.receive(incoming("seto.contract_quotes", quotes(1, 2, { bids: [{ price: 5000, quantity: 10n }] })));
  t.is(trading.books.contract(1, 2)?.bestBid?.price, 5000);
  await trading.unsubscribe(1);
  await tick();
  t.false(port.handlers.wants("seto.market_quotes"));
  t.false(port.handlers.wants("seto.contract_quotes"));
});

test("a subscribe whose book is released before its snapshot still resolves with it", async (t) => {
  const { port, trading } = setup();
  const snapshot = trading.subscribe(1);
  await trading.unsubscribe(1);
  t.true(port.handlers.wants("seto.market_quotes"), "the snapshot is still awaited");
  port.receive(incoming("seto.market_quotes", { marketId: 1, contractQuotes: [] }));
  t.is((await snapshot).marketId, 1);
  await tick();
  t.false(port.handlers.wants("seto.market_quotes"));
});
