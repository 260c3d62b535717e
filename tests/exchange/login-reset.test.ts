// Every login_response carries `reset`: the seq the exchange expects next
// from this client. The reference Python SDK sets its outgoing seq from it
// unconditionally (0 when absent), so an exchange that leaves it out stalls
// that SDK: its next payloads go out numbered 0 and are never answered.
// For a resume, eto/login.txt: the login carries the seq the client was going
// to send next, and the exchange then expects the one after it; a client
// behind the exchange is told the seq the exchange expects (login-response.txt).
import test from "ava";
import { pingPayload } from "../../runtime/payload/encode.js";
import { loginPayload } from "../../runtime/session/login.js";
import { RawClient } from "./helpers/raw-client.js";
import { ALICE, eventually, setup } from "./helpers/setup.js";

const creds = { username: ALICE.username, password: ALICE.password, token: undefined };
const login = (sessionId?: string) => loginPayload(creds, { sessionId, accountSequence: undefined });

async function loginResponse(raw: RawClient): Promise<{ seq: bigint; session: string; reset: bigint | undefined }> {
  const p = await raw.next("eto.login_response");
  const body = p.payload.etoPayload?.loginResponse;
  return { seq: p.seq, session: body?.session as string, reset: body?.reset };
}

test("a new session's login_response carries reset = 2", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(login(), 1n);
  const response = await loginResponse(raw);
  t.is(response.seq, 1n);
  t.is(response.reset, 2n);
  t.is(exchange.sessions.get(response.session)?.nextInSeq, 2n);
  raw.destroy();
});

test("a client that numbers its next payload from reset (as the Python SDK does) is answered", async (t) => {
  const { exchange } = await setup(t);
  const raw = await RawClient.connect(exchange);
  raw.sendPayload(login(), 1n);
  const { reset } = await loginResponse(raw);
  if (reset === undefined) {
    t.fail("no reset: the SDK would number its next payload 0, and it would never be answered");
    raw.destroy();
    return;
  }
  raw.sendPayload(pingPayload(), reset);
  const pong = await raw.next("eto.pong");
  t.false(pong.isReplay);
  raw.destroy();
});

test("a resume at the seq the exchange expects gets reset = the login's seq + 1", async (t) => {
  const { exchange } = await setup(t);
  const first = await RawClient.connect(exchange);
  first.sendPayload(login(), 1n);
  const { session } = await loginResponse(first);
  first.sendPayload(pingPayload(), 2n);
  await first.next("eto.pong");
  first.destroy();
  await eventually(() => exchange.sessions.get(session)?.connected === false);

  const again = await RawClient.connect(exchange);
  again.sendPayload(login(session), 3n);
  const resumed = await loginResponse(again);
  t.is(resumed.session, session);
  t.is(resumed.reset, 4n);
  t.is(exchange.sessions.get(session)?.nextInSeq, 4n);
  again.sendPayload(pingPayload(), 4n);
  await again.next("eto.pong");
  again.destroy();
});

test("a resume ahead of the exchange gets reset = the login's seq + 1: the seq after the ones it asks to be replayed", async (t) => {
  const { exchange } = await setup(t);
  const first = await RawClient.connect(exchange);
  first.sendPayload(login(), 1n);
  const { session } = await loginResponse(first);
  first.destroy();
  await eventually(() => exchange.sessions.get(session)?.connected === false);

  // The client sent 2 and 3 (lost on the way) and resumes at 4.
  const again = await RawClient.connect(exchange);
  again.sendPayload(login(session), 4n);
  const resumed = await loginResponse(again);
  t.is(resumed.reset, 5n);
  const replayRequest = await again.next("eto.replay");
  t.is(replayRequest.payload.etoPayload?.replay?.seq, 2n);
  again.destroy();
});
