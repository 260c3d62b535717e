// TLS: with a key and certificate the exchange serves TLS, and the client's
// own transport logs in over it with full certificate checks.
import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../helpers/shared.js";
import { TestClient } from "./helpers/test-client.js";
import { ALICE, as, setup } from "./helpers/setup.js";

const fixture = (name: string): Buffer => readFileSync(join(projectRoot, "tests", "fixtures", "tls", name));

test("a client verifying the certificate logs in over TLS", async (t) => {
  const { exchange } = await setup(t, { tls: { key: fixture("server.key"), cert: fixture("server.pem") } });
  t.true(exchange.tls);
  const alice = new TestClient(exchange, as(ALICE), { ca: fixture("ca.pem") });
  t.teardown(() => alice.drop());
  await alice.login();
  t.is(typeof (await alice.session.ping()), "number");
  t.is(exchange.sessions.list()[0]?.username, "alice");
});

test("a plain-TCP client talking to the TLS port gets no session; the exchange carries on", async (t) => {
  const { exchange } = await setup(t, { tls: { key: fixture("server.key"), cert: fixture("server.pem") } });
  const plain = new TestClient(exchange, as(ALICE), false);
  await plain.connect();
  void plain.session.login().catch(() => {});
  await plain.closed;
  t.is(exchange.sessions.list().length, 0);
  const alice = new TestClient(exchange, as(ALICE), { ca: fixture("ca.pem") });
  t.teardown(() => alice.drop());
  await alice.login();
  t.pass();
});
