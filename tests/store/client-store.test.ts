// A client with a durable store, in this process: it resumes the stored
// session (id, seqs, orders), refuses a store it cannot trust, starts a new
// session (asking for the account's events) when the exchange no longer knows
// the stored one, stops when its store fails rather than send what the store
// does not hold, and forgets the session after a confirmed logout.
import test from "ava";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { ArgumentError, SmarketsError } from "../../runtime/errors.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { StoreError, StoreForeignError } from "../../runtime/store/errors.js";
import { FileSessionStore } from "../../runtime/store/file-session-store.js";
import { MemorySessionStore } from "../../runtime/store/memory-session-store.js";
import type { SessionSnapshot } from "../../runtime/store/session-store.js";
import { exchange } from "../client/helpers.js";
import { storePath } from "./helpers.js";
import type { ExchangeHandle } from "../../exchange/index.js";

function clientOf(ex: ExchangeHandle, store: FileSessionStore | MemorySessionStore, settings = {}) {
  return new StreamingAPIClient({ username: "demo", password: "demo", host: ex.host, port: ex.port, tls: false, ...settings }, { store, logger: silentLogger });
}

const errorsOf = (client: StreamingAPIClient): SmarketsError[] => {
  const out: SmarketsError[] = [];
  void (async () => {
    for await (const e of client.errors()) out.push(e);
  })();
  return out;
};

test("a new client given the store resumes the session where the last one left it: id, seqs, orders", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const file = storePath(t);
  const a = clientOf(ex, new FileSessionStore(file));
  t.is(a.restored, undefined);
  const first = await a.login();
  const accepted = await a.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n });
  const left = a.resumeState;
  await a.close();

  const b = clientOf(ex, new FileSessionStore(file));
  t.like(b.restored, { sessionId: first.sessionId, nextInSeq: left.nextInSeq, nextOutSeq: left.nextOutSeq, recovered: undefined });
  t.is(b.trading.orders.get(accepted.orderId)?.status, "live", "known before logging in");
  const again = await b.login();
  t.true(again.resumed);
  t.is(again.sessionId, first.sessionId);
  await b.ping();
  t.is(b.resumeState.nextInSeq, ex.sessions.get(first.sessionId)!.nextOutSeq);
  await b.trading.cancelOrder(accepted.orderId);
  t.is(b.trading.orders.get(accepted.orderId)?.status, "cancelled");
  await b.close();
});

test("an order in flight when the client stopped is restored pending and settled by the reply the resumed session brings", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const file = storePath(t);
  const a = clientOf(ex, new FileSessionStore(file));
  const { sessionId } = await a.login();
  // The order reaches the exchange; its answer does not reach the client (the exchange keeps it for a replay).
  const dropped = ex.faults.drop({ sessionId, match: (p) => p.name === "seto.order_accepted" });
  const placing = a.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 50_000n, reference: 4242n });
  placing.catch(() => undefined);
  while (dropped.hits === 0) await new Promise((r) => setTimeout(r, 5));
  dropped.remove();
  await a.close();
  const b = clientOf(ex, new FileSessionStore(file));
  t.is(b.trading.orders.byReference(4242n)?.status, "pending");
  await b.login();
  await b.ping();
  const order = b.trading.orders.byReference(4242n);
  t.is(order?.status, "live");
  t.is(ex.engine.order(order!.orderId!)?.reference, 4242n);
  await b.close();
});

test("the exchange no longer knows the stored session: login starts a new one, asks for the account's events since the last applied, and orders in flight are settled by them", async (t) => {
  const ex = await exchange({ sessionExpiryMs: 50 });
  t.teardown(() => ex.close());
  const file = storePath(t);
  const a = clientOf(ex, new FileSessionStore(file));
  const first = await a.login();
  await a.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n });
  // The second order reaches the exchange; its answer does not reach the client.
  const dropped = ex.faults.drop({ sessionId: first.sessionId, match: (p) => p.name === "seto.order_accepted" });
  const inFlight = a.trading.placeOrder({ marketId: 1, contractId: 2, side: "buy", price: 2500, quantity: 100_000n, reference: 777n });
  inFlight.catch(() => undefined);
  while (dropped.hits === 0) await new Promise((r) => setTimeout(r, 5));
  dropped.remove();
  await a.close();
  while (ex.sessions.get(first.sessionId) !== undefined) await new Promise((r) => setTimeout(r, 10)); // expired

  const b = clientOf(ex, new FileSessionStore(file));
  t.is(b.trading.orders.byReference(777n)?.status, "pending");
  const info = await b.login();
  t.false(info.resumed);
  t.not(info.sessionId, first.sessionId);
  await b.ping();
  const order = b.trading.orders.byReference(777n);
  t.is(order?.status, "live", "the account events since the last applied settled it");
  t.is(ex.engine.liveOrders({ accountId: ex.accounts[0]!.accountId }).length, 2);
  await b.close();
  const c = clientOf(ex, new FileSessionStore(file));
  t.is(c.restored?.sessionId, info.sessionId, "the store follows the new session");
  await c.close();
});

test("a store of another account is refused when the client is made: StoreForeignError, never a silent new session", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const file = storePath(t);
  const a = clientOf(ex, new FileSessionStore(file));
  await a.login();
  await a.close();
  const e = t.throws(() => clientOf(ex, new FileSessionStore(file), { username: "demo2", password: "demo2" }), { instanceOf: StoreForeignError });
  t.is(e!.field, "account");
  t.regex(e!.message, /belongs to another account: it holds account "user demo", the client has "user demo2"/);
  t.throws(() => clientOf(ex, new FileSessionStore(file), { sessionId: "x", inSeq: 3n, outSeq: 3n }), {
    instanceOf: ArgumentError,
    message: /already holds this client's session state: do not also give sessionId/,
  });
  const c = clientOf(ex, new FileSessionStore(file));
  t.truthy(c.restored, "the refused clients released the file");
  await c.close();
});

test("a confirmed logout: the store forgets the ended session, keeps the orders and the account sequence", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const file = storePath(t);
  const a = clientOf(ex, new FileSessionStore(file));
  await a.login();
  const accepted = await a.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n });
  await a.logout();
  const b = clientOf(ex, new FileSessionStore(file));
  t.is(b.restored?.sessionId, undefined);
  t.is(b.restored?.lastAccountSequence, accepted.accountSequence);
  t.is(b.trading.orders.get(accepted.orderId)?.status, "live");
  const info = await b.login();
  t.false(info.resumed);
  await b.close();
});

/** A store that works in memory but fails its commits when told to, as a full disk would. */
class FailingStore extends MemorySessionStore {
  override readonly durable = true as never;
  fail = false;
  commits: SessionSnapshot[] = [];
  override commit(snapshot: SessionSnapshot): void {
    if (this.fail) throw new StoreError("disk full (test)", "/failing");
    this.commits.push(snapshot);
  }
}

test("a store that fails stops the client before anything it does not hold goes out: StoreError on errors(), closed", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const store = new FailingStore();
  const client = clientOf(ex, store);
  const errors = errorsOf(client);
  await client.login();
  t.true(store.commits.length > 0, "committed at the login's chunk");
  store.fail = true;
  const placing = client.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n, reference: 99n });
  await t.throwsAsync(placing);
  await new Promise((r) => setTimeout(r, 50));
  t.true(errors.some((e) => e instanceof StoreError && /disk full/.test(e.message)));
  t.is(client.state, "disconnected");
  t.deepEqual(
    ex.engine.liveOrders({ accountId: ex.accounts[0]!.accountId }).filter((o) => o.reference === 99n),
    [],
    "the order-create never reached the exchange",
  );
});

test("a memory store is not durable: nothing is committed, and a second client starts afresh", async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const store = new MemorySessionStore();
  t.false(store.durable);
  const a = clientOf(ex, store);
  await a.login();
  await a.close();
  t.is(clientOf(ex, new MemorySessionStore()).restored, undefined);
});

test('onHandlerError "stop" with a file store: the saved seq stays on the failed payload; a restart gets it again, flagged redelivered', async (t) => {
  const ex = await exchange();
  t.teardown(() => ex.close());
  const file = storePath(t);
  const a = new StreamingAPIClient(
    { username: "demo", password: "demo", host: ex.host, port: ex.port, tls: false },
    { store: new FileSessionStore(file), logger: silentLogger, onHandlerError: "stop" },
  );
  let failedSeq: bigint | undefined;
  a.addHandler("seto.order_accepted", (_m, e) => {
    failedSeq = e.seq;
    throw new Error("the bot's bug");
  });
  const closed = new Promise<void>((resolve) => {
    void (async () => {
      for await (const s of a.statuses()) if (s.state === "closed") resolve();
    })();
  });
  await a.login();
  a.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 2500, quantity: 100_000n }).catch(() => undefined);
  await closed;
  t.truthy(failedSeq);

  const b = clientOf(ex, new FileSessionStore(file));
  t.is(b.restored?.nextInSeq, failedSeq, "saved on the failed payload");
  const again = new Promise<{ seq: bigint; redelivered: boolean }>((resolve) => b.addHandler("seto.order_accepted", (_m, e) => resolve({ seq: e.seq, redelivered: e.redelivered })));
  await b.login();
  t.deepEqual(await again, { seq: failedSeq!, redelivered: true });
  await b.close();
});
