// Type-level tests: compiled by `npm run typecheck` (tsc --noEmit), never run.
// Each @ts-expect-error line must fail to compile, or tsc reports the
// directive as unused — so a loosened type breaks the build.
import type { PayloadMessages, PayloadName } from "../../generated/payload-map.js";
import type * as eto from "../../generated/eto.js";
import type * as seto from "../../generated/seto.js";
import { HandlerRegistry } from "../../runtime/dispatch/handler-registry.js";
import type { HandlerMap } from "../../runtime/dispatch/handler-types.js";
import type { StreamingAPIClient } from "../../runtime/client/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;

// The payload map ties each name to its message type.
assertType<Equal<PayloadMessages["seto.order_accepted"], seto.OrderAccepted>>();
assertType<Equal<PayloadMessages["eto.login_response"], eto.LoginResponse>>();
assertType<Equal<PayloadMessages["eto.heartbeat"], undefined>>();

const registry = new HandlerRegistry();

// A handler for seto.order_accepted receives an OrderAccepted, with bigint ids.
registry.add("seto.order_accepted", (accepted, event) => {
  assertType<Equal<typeof accepted, seto.OrderAccepted>>();
  const id: bigint = accepted.orderId;
  const name: "seto.order_accepted" = event.name;
  void id;
  void name;
});

// A misspelt payload name does not compile.
// @ts-expect-error "seto.order_acepted" is not a payload name
registry.add("seto.order_acepted", () => {});

// A handler expecting the wrong message does not compile.
// @ts-expect-error an OrderAccepted is not an OrderRejected
registry.add("seto.order_accepted", (m: seto.OrderRejected) => void m.reason);

// Handler maps are checked the same way.
const map: HandlerMap = {
  "seto.order_executed": (executed) => {
    assertType<Equal<typeof executed, seto.OrderExecuted>>();
  },
  "eto.logout": (logout) => void logout.reason,
};
void map;

const badMap: HandlerMap = {
  // @ts-expect-error misspelt key in a handler map
  "seto.order_execute": () => {},
};
void badMap;

// Every name is a PayloadName; arbitrary strings are not.
const ok: PayloadName = "seto.market_quotes";
// @ts-expect-error not a payload name
const notOk: PayloadName = "seto.market_quote";
void ok;
void notOk;

// The client's handler API is typed the same way.
declare const client: StreamingAPIClient;
client.addHandler("seto.order_accepted", (accepted) => {
  assertType<Equal<typeof accepted, seto.OrderAccepted>>();
});
// @ts-expect-error misspelt payload name on the client
client.addHandler("seto.order_acepted", () => {});
// send() pairs a name with its message type.
client.send("seto.order_cancel", { orderId: 1n });
// @ts-expect-error an OrderCancel needs an orderId, not a marketId
client.send("seto.order_cancel", { marketId: 1 });

// The event a handler gets is the payload itself, typed by name: `message` is the body.
client.addHandler("seto.order_executed", (executed, event) => {
  assertType<Equal<typeof event.message, seto.OrderExecuted>>();
  assertType<Equal<typeof executed, typeof event.message>>();
  const seq: bigint = event.seq;
  void seq;
});
// A global handler narrows on the event's name.
client.addGlobalHandler((_message, event) => {
  if (event.name === "seto.order_accepted") assertType<Equal<typeof event.message, seto.OrderAccepted>>();
  // @ts-expect-error not a payload name
  if (event.name === "seto.order_acepted") return;
});
// read() takes a limit, a timeout and a signal.
void client.read({ limit: 10, timeoutMs: 1_000, signal: new AbortController().signal });
// @ts-expect-error limit is a number
void client.read({ limit: "10" });
