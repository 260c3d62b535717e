// eto/seq.txt, "The life of a session sequence": the first login and its
// login_response, each numbered 1, row by row against the exchange.
import test from "ava";
import { ALICE, setup } from "../helpers/setup.js";
import { ScriptedPeer, serverCounters } from "../helpers/scripted-peer.js";
import { SEQ_TABLE } from "./doc-tables.js";
import { walkEtoTable } from "./eto-walk.js";
import { accountLogin } from "./prepare.js";

test("eto/seq.txt: login seq 1 and login_response seq 1; both sides' counters after each row", async (t) => {
  const { exchange } = await setup(t);
  const peer = await ScriptedPeer.connect(exchange);
  let sessionId: string | undefined;
  const walked = await walkEtoTable(t, SEQ_TABLE.rows, {
    exchange,
    peer,
    login: () => accountLogin(ALICE),
    sessionId: () => sessionId,
    onLoginResponse: (p) => (sessionId = p.payload.etoPayload?.loginResponse?.session),
    extra: new Set(["seto.throttle_limits_changed"]),
  });
  // After the table (not in the docs, which predate it): the throttle limits, seq 2.
  const { p } = await peer.expect("seto.throttle_limits_changed", 2n);
  t.false(p.isReplay);
  t.is(peer.in, 3n);
  t.is(walked.serverOut, 2n);
  t.deepEqual(serverCounters(exchange, sessionId as string), { in: 2n, out: 3n });
  peer.destroy();
});
