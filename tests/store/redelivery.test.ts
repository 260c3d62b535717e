// The delivery lease, at the session level: a payload is delivered only once
// the store's lease covers it; after a crash (the state never saved past the
// last commit), the payloads a new session gets again below the lease are
// flagged `redelivered`, and none after it. With onHandlerError "stop", the
// saved seq stays on the failed payload, which a restart gets again.
import test from "ava";
import * as fs from "node:fs";
import { FakeClock } from "../../runtime/fake-clock.js";
import { Session } from "../../runtime/session/session.js";
import { FileSessionStore, LEASE_STEP } from "../../runtime/store/file-session-store.js";
import type { SavedSession } from "../../runtime/store/session-store.js";
import { marketQuotes, Peer, Recorder, Wire } from "../session/helpers/fixtures.js";
import { IDENTITY, snapshot, storePath } from "./helpers.js";

const settings = { username: "user", password: "pass" };

function sessionOn(store: FileSessionStore, saved: SavedSession | undefined) {
  const rec = new Recorder();
  const session = new Session({
    settings: saved?.sessionId === undefined ? settings : { ...settings, sessionId: saved.sessionId, inSeq: saved.nextInSeq, outSeq: saved.nextOutSeq },
    output: new Wire(),
    sink: rec,
    listener: rec,
    clock: new FakeClock(),
    store,
    ledger: store,
    ...(saved ? { redeliveredBelow: saved.deliveredBelow } : {}),
  });
  session.connected();
  return { session, rec };
}

/** A session logged in (session "s-1") on a new file store, its state committed once. */
async function loggedInOnNewStore(t: Parameters<typeof storePath>[0]) {
  const file = storePath(t);
  const store = new FileSessionStore(file);
  store.open(IDENTITY);
  const { session, rec } = sessionOn(store, undefined);
  const peer = new Peer();
  const login = session.login();
  session.receive(peer.loginResponse("s-1"));
  await login;
  store.commit(snapshot({ sessionId: "s-1", nextInSeq: session.resumeState.nextInSeq, nextOutSeq: session.resumeState.nextOutSeq }));
  return { file, store, session, rec, peer };
}

/** The file as a process killed now leaves it (nothing closed, nothing more written). */
function crashCopy(t: Parameters<typeof storePath>[0], file: string): string {
  const copy = storePath(t, "after-crash.store");
  fs.copyFileSync(file, copy);
  return copy;
}

test("after a crash between commits, the payloads delivered again below the lease are flagged redelivered, and none after it", async (t) => {
  const { file, store, session, rec, peer } = await loggedInOnNewStore(t);
  // 100 payloads delivered, the state not saved again: the lease was extended ahead of them, durably.
  for (let i = 2; i <= 101; i++) session.receive(peer.fresh(marketQuotes(i)));
  t.is(rec.payloads.length, 101);
  t.true(rec.payloads.every((p) => !p.redelivered), "first deliveries are not flagged");

  const copy = crashCopy(t, file);
  store.close();
  const again = new FileSessionStore(copy);
  const saved = again.open(IDENTITY)!;
  t.is(saved.nextInSeq, 2n, "the seq saved at the last commit");
  // The lease covers the 100 delivered, and runs ahead by no more than as many again plus the first step.
  t.true(saved.deliveredBelow > 101n && saved.deliveredBelow <= 2n + 2n * 100n + BigInt(LEASE_STEP), `lease ${saved.deliveredBelow}`);
  const next = sessionOn(again, saved);
  const relogin = next.session.login();
  const resumed = new Peer(102n);
  next.session.receive(resumed.loginResponse("s-1"));
  await relogin;
  // The peer replays 2..101 (the new process asked from 2), then sends on.
  for (let s = 2n; s <= 101n; s++) next.session.receive(resumed.at(s, marketQuotes(Number(s)), true));
  for (let i = 0; i < 200; i++) next.session.receive(resumed.fresh(marketQuotes(1_000 + i)));
  const flagged = next.rec.payloads.filter((p) => p.redelivered).map((p) => p.seq);
  t.deepEqual(flagged.slice(0, 100), Array.from({ length: 100 }, (_, i) => BigInt(i + 2)), "2..101, delivered before the crash, are flagged");
  t.true(flagged.every((s) => s < saved.deliveredBelow), "nothing at or past the dead process's lease is flagged");
  t.true(next.rec.payloads.filter((p) => p.seq >= saved.deliveredBelow).every((p) => !p.redelivered));
  again.close();
});

test("without a durable store nothing is ever flagged and the ledger is never asked", async (t) => {
  const rec = new Recorder();
  const session = new Session({ settings, output: new Wire(), sink: rec, listener: rec, clock: new FakeClock() });
  session.connected();
  const peer = new Peer();
  const login = session.login();
  session.receive(peer.loginResponse());
  await login;
  for (let i = 0; i < 1_000; i++) session.receive(peer.fresh(marketQuotes(i)));
  t.true(rec.payloads.every((p) => !p.redelivered));
});

test("a store whose lease cannot be written stops delivery before the payload, reported (nothing delivered that a crash could repeat unflagged)", async (t) => {
  const { store, session, rec, peer } = await loggedInOnNewStore(t);
  t.is(session.resumeState.nextInSeq, 2n, "committed at seq 2");
  store.close(); // every write from now on fails
  for (let i = 2; i <= 2 + LEASE_STEP + 10; i++) session.receive(peer.fresh(marketQuotes(i)));
  const last = rec.payloads.at(-1)!.seq;
  t.true(last < 2n + BigInt(LEASE_STEP) + 1n, `delivered up to ${last}, within the lease written`);
  t.is(session.resumeState.nextInSeq, last + 1n, "the seq stays on the payload not delivered");
  t.true(rec.errors.some((e) => /closed/.test(e.message)));
});
