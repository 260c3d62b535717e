// eto/login.txt: resuming a session (both tables), row by row against the
// exchange. The session is first brought to the table's starting counters
// over the wire (see prepare.ts), then its connection dropped.
import test from "ava";
import { ALICE, setup } from "../helpers/setup.js";
import { serverCounters } from "../helpers/scripted-peer.js";
import { LOGIN_REPLAY_TABLE, LOGIN_RESUME_TABLE } from "./doc-tables.js";
import { walkEtoTable } from "./eto-walk.js";
import { accountLogin, prepareSession } from "./prepare.js";

const extra = new Set(["seto.throttle_limits_changed"] as const);

test("eto/login.txt, resuming a session: login seq 20 naming the session, login_response seq 78 (reset 21)", async (t) => {
  const { exchange } = await setup(t);
  const { peer, sessionId } = await prepareSession(exchange, ALICE, { clientOut: 20n, clientIn: 78n, serverOut: 78n });
  const walked = await walkEtoTable(t, LOGIN_RESUME_TABLE.rows, {
    exchange,
    peer,
    login: (resume) => accountLogin(ALICE, resume ? sessionId : undefined),
    sessionId: () => sessionId,
    extra,
  });
  // After the table (the docs predate it): the throttle limits, seq 79, taken in turn.
  await peer.expect("seto.throttle_limits_changed", 79n);
  t.is(peer.in, 80n);
  t.is(walked.serverOut, 79n, "the table's last Out: the throttle limits came after it");
  t.deepEqual(serverCounters(exchange, sessionId), { in: 21n, out: 80n });
  peer.destroy();
});

test("eto/login.txt, requesting replay after resuming: the client missed 54..57, asks for them, gets the pongs again and a gapfill for the login_response", async (t) => {
  const { exchange } = await setup(t);
  // The exchange sent pongs 54..57 to pings 36..39 that the client never read.
  const { peer, sessionId } = await prepareSession(exchange, ALICE, { clientOut: 40n, clientIn: 54n, serverOut: 58n });
  const walked = await walkEtoTable(t, LOGIN_REPLAY_TABLE.rows, {
    exchange,
    peer,
    login: (resume) => accountLogin(ALICE, resume ? sessionId : undefined),
    sessionId: () => sessionId,
    extra,
  });
  // Not in the docs (they predate it): the throttle limits went out after the
  // login_response as seq 59, ahead of the client's In then (so not taken),
  // and the replay from 54 brings it again after the gapfill.
  t.deepEqual(walked.extraSent.map((p) => p.seq), [59n]);
  await peer.expect("seto.throttle_limits_changed", 59n, true);
  t.is(peer.in, 60n);
  t.deepEqual(serverCounters(exchange, sessionId), { in: 42n, out: 60n });
  peer.destroy();
});
