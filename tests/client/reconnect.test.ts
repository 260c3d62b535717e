import test from "ava";
import * as seto from "../../generated/seto.js";
import { clientFor, exchange, first } from "./helpers.js";

const reconnect = { initialDelayMs: 5, maxDelayMs: 20, random: () => 0.5 };

test("a connection cut mid-stream: the client resumes and nothing is lost or dispatched twice", async (t) => {
  // A generous exchange throttle: this test is about the cut, not about pacing.
  const ex = await exchange({ throttle: { averageRatePs: 100_000, burstSize: 100_000, tickMs: 100 } });
  t.teardown(() => ex.close());
  const client = clientFor(ex, {}, { reconnect });
  const references = new Map<bigint, number>();
  const seqs: bigint[] = [];
  const total = 300;
  const allIn = new Promise<void>((resolve) =>
    client.addGlobalHandler((_m, e) => {
      seqs.push(e.seq);
      if (e.name !== "seto.order_accepted") return;
      const ref = e.payload.orderAccepted!.reference!;
      references.set(ref, (references.get(ref) ?? 0) + 1);
      if (references.size === total) resolve();
    }),
  );
  const info = await client.login();
  // Cut this session's connection after 40 more frames go out to it.
  ex.faults.cutAfter(40, { sessionId: info.sessionId });
  const resumed = first(client.statuses(), (s) => s.state === "logged-in" && s.resumed);
  for (let i = 1; i <= total; i++) {
    client.order({ side: seto.Side.SIDE_BUY, quantity: 10000, price: [2000, 2500, 5000][i % 3]!, marketId: 1, contractId: 1, reference: BigInt(i) });
  }
  await client.flush();
  await resumed;
  await allIn;
  t.is(references.size, total);
  t.true([...references.values()].every((n) => n === 1), "every order answered exactly once");
  t.is(new Set(seqs).size, seqs.length, "no payload dispatched twice");
  for (let i = 1; i < seqs.length; i++) t.true(seqs[i]! > seqs[i - 1]!, "dispatched in seq order");
  t.is(client.resumeState.sessionId, info.sessionId, "same session resumed");
  await client.logout();
});

test("fatal logout reasons stop the reconnecting", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const client = clientFor(ex, {}, { reconnect });
  await client.login();
  const closed = first(client.statuses(), (s) => s.state === "closed");
  await client.logout();
  const s = await closed;
  t.is(s.state, "closed");
  t.is(client.state, "disconnected");
});

test("an exchange that goes away: the client keeps trying with backoff, then gives up after maxAttempts", async (t) => {
  const ex = await exchange();
  const client = clientFor(ex, {}, { reconnect: { ...reconnect, maxAttempts: 3 } });
  await client.login();
  const attempts: number[] = [];
  const closed = (async () => {
    for await (const s of client.statuses()) {
      if (s.state === "reconnecting") attempts.push(s.attempt);
      if (s.state === "closed") return s.reason;
    }
    return "";
  })();
  await ex.close();
  t.regex(await closed, /gave up after 3/);
  t.deepEqual(attempts, [1, 2, 3]);
});
