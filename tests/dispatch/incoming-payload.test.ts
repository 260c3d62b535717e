import test from "ava";
import { BinaryWriter } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { HandlerRegistry } from "../../runtime/dispatch/handler-registry.js";
import { ParseError } from "../../runtime/errors.js";
import { encodePayload, etoPayload, withSeq } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

const quotes = encodePayload({
  type: seto.PayloadType.PAYLOAD_CONTRACT_QUOTES,
  etoPayload: { seq: 12n },
  contractQuotes: { marketId: 1, contractId: 2, bids: [{ price: 5000, quantity: 30000n }], offers: [], executions: [] },
});

test("dispatching an IncomingPayload hands the body the whole decode holds, and the event's payload shares it", (t) => {
  const registry = new HandlerRegistry();
  const seen: unknown[] = [];
  registry.add("seto.contract_quotes", (body, event) => {
    seen.push(body);
    t.is(event.payload.contractQuotes, body);
    t.is(event.seq, 12n);
    t.is(event.name, "seto.contract_quotes");
  });
  registry.addGlobal((body) => seen.push(body));
  t.true(registry.deliver(new IncomingPayload(quotes)));
  t.deepEqual(seen, [seto.Payload.decode(quotes).contractQuotes, seto.Payload.decode(quotes).contractQuotes]);
  t.is(seen[0], seen[1]);
});

test("handlers registered, removed and re-registered are found by type", (t) => {
  const registry = new HandlerRegistry();
  const calls: string[] = [];
  const heartbeat = () => calls.push("heartbeat");
  registry.add("eto.heartbeat", heartbeat);
  registry.add("seto.contract_quotes", () => calls.push("quotes"));
  const beat = encodePayload(withSeq(etoPayload(eto.PayloadType.PAYLOAD_HEARTBEAT), 3n));
  registry.deliver(new IncomingPayload(beat));
  registry.deliver(new IncomingPayload(quotes));
  t.true(registry.remove("eto.heartbeat", heartbeat));
  registry.deliver(new IncomingPayload(beat));
  registry.add("eto.heartbeat", heartbeat);
  registry.deliver(new IncomingPayload(beat));
  t.deepEqual(calls, ["heartbeat", "quotes", "heartbeat"]);
});

