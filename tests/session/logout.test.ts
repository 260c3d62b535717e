import test from "ava";
import * as eto from "../../generated/eto.js";
import { TimeoutError, AbortedError, LoginError } from "../../runtime/errors.js";
import { SessionStateError } from "../../runtime/session/errors.js";
import { etoTypeOf, loggedIn, marketQuotes, setup } from "./helpers/fixtures.js";

test("logout sends a logout with reason LOGOUT_NONE and resolves on the peer's confirmation", async (t) => {
  const { session, wire, rec, peer } = await loggedIn();
  const done = session.logout();
  const [w] = wire.take();
  t.is(etoTypeOf(w!), eto.PayloadType.PAYLOAD_LOGOUT);
  t.deepEqual(w!.payload.etoPayload?.logout, { reason: eto.LogoutReason.LOGOUT_NONE });
  t.true(w!.urgent);
  t.is(session.state, "logging-out");
  t.throws(() => session.send(marketQuotes(1)), { instanceOf: SessionStateError });
  t.is(session.logout(), done, "a second call shares the first");
  session.receive(peer.logout(eto.LogoutReason.LOGOUT_CONFIRMATION));
  t.is(await done, eto.LogoutReason.LOGOUT_CONFIRMATION);
  t.is(session.state, "logged-out");
  t.deepEqual(rec.statuses.slice(-2), [{ state: "logging-out" }, { state: "logged-out", reason: eto.LogoutReason.LOGOUT_CONFIRMATION }]);
  t.is(await session.logout(), eto.LogoutReason.LOGOUT_CONFIRMATION, "after logout, resolves with the reason received");
});

test("logout resolves with undefined when the connection closes before the confirmation", async (t) => {
  const { session } = await loggedIn();
  const done = session.logout();
  session.disconnected();
  t.is(await done, undefined);
  t.is(session.state, "disconnected");
});

test("logout honours timeoutMs and abort", async (t) => {
  const { session, clock } = await loggedIn();
  const timed = session.logout({ timeoutMs: 100 });
  clock.advance(100);
  await t.throwsAsync(timed, { instanceOf: TimeoutError, message: /logout did not complete within 100 ms/ });
  const controller = new AbortController();
  const aborted = session.logout({ signal: controller.signal });
  controller.abort();
  await t.throwsAsync(aborted, { instanceOf: AbortedError });
});

for (const [name, reason] of Object.entries(eto.LogoutReason).filter(([, v]) => typeof v === "number" && v > 0) as [string, number][]) {
  test(`a logout from the peer with ${name} is surfaced with its reason`, async (t) => {
    const { session, rec, peer, clock, wire } = await loggedIn();
    session.receive(peer.logout(reason));
    t.deepEqual(rec.statuses.at(-1), { state: "logged-out", reason });
    t.is(session.state, "logged-out");
    t.is(rec.payloads.at(-1)?.name, "eto.logout");
    clock.advance(600_000);
    t.false(wire.take().some((w) => etoTypeOf(w) === eto.PayloadType.PAYLOAD_HEARTBEAT), `no heartbeats after ${name}`);
  });
}

test("logging out while the login is in flight: the late login response is remembered, not an error", async (t) => {
  const { session, rec, peer } = setup();
  session.connected();
  const login = session.login();
  const done = session.logout();
  t.is(session.state, "logging-out");
  session.receive(peer.loginResponse("late"));
  t.deepEqual(rec.errors, []);
  t.is(session.resumeState.sessionId, "late");
  session.receive(peer.logout(eto.LogoutReason.LOGOUT_CONFIRMATION));
  t.is(await done, eto.LogoutReason.LOGOUT_CONFIRMATION);
  const e = await t.throwsAsync(login, { instanceOf: LoginError });
  t.is(e?.reason, eto.LogoutReason.LOGOUT_CONFIRMATION);
});
