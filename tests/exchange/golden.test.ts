// The exact frames the reference Python SDK sends (../shared/protocol/golden),
// fed to the exchange over a raw socket: each is accepted and answered as the
// SDK expects. login_user_pass starts a session that the later frames
// continue (seq 2, 3, …); login_token and login_resume open sessions of their own.
import test from "ava";
import { readFileSync } from "node:fs";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { pingPayload } from "../../runtime/payload/encode.js";
import { RawClient } from "./helpers/raw-client.js";
import { setup } from "./helpers/setup.js";
import { sharedPath, withShared } from "../helpers/shared.js";

const accounts = [{ username: "user", password: "pass", token: "tok", balance: 1_000 }];

function goldenFrames(): Map<string, Buffer> {
  const frames = new Map<string, Buffer>();
  for (const line of readFileSync(sharedPath("golden", "python-sdk-frames.txt"), "utf8").split("\n")) {
    const [name, hex] = line.trim().split(/\s+/);
    if (name && hex) frames.set(name, Buffer.from(hex, "hex"));
  }
  return frames;
}

function frame(frames: Map<string, Buffer>, name: string): Buffer {
  const f = frames.get(name);
  if (f === undefined) throw new Error(`golden file has no frame ${name}`);
  return f;
}

withShared(test)("the SDK's session (login, ping, order create, cancel, subscribe, logout) is answered as the SDK expects", async (t) => {
  const frames = goldenFrames();
  const { exchange } = await setup(t, { accounts });
  const raw = await RawClient.connect(exchange);

  raw.send(frame(frames, "login_user_pass"));
  const login = await raw.next("eto.login_response");
  t.is(login.seq, 1n);
  t.truthy(login.payload.etoPayload?.loginResponse?.session);

  raw.send(frame(frames, "ping"));
  await raw.next("eto.pong");

  raw.send(frame(frames, "order_create"));
  const accepted = raw.body("seto.order_accepted", await raw.next("seto.order_accepted"));
  t.like(accepted, { seq: 3n, side: seto.Side.SIDE_BUY, price: 2500, quantity: 400_000n, marketId: 1, contractId: 2 });

  raw.send(frame(frames, "order_cancel"));
  const cancel = raw.body("seto.order_cancel_rejected", await raw.next("seto.order_cancel_rejected"));
  t.like(cancel, { orderId: 12_345n, reason: seto.OrderCancelRejectedReason.ORDER_CANCEL_REJECTED_NOT_FOUND });

  raw.send(frame(frames, "market_subscribe"));
  const quotes = raw.body("seto.market_quotes", await raw.next("seto.market_quotes"));
  t.is(quotes.marketId, 1);
  t.deepEqual(quotes.contractQuotes.find((c) => c.contractId === 2)?.bids, [{ price: 2500, quantity: 400_000n }]);

  raw.send(frame(frames, "logout"));
  const logout = await raw.next("eto.logout");
  t.is(logout.payload.etoPayload?.logout?.reason, eto.LogoutReason.LOGOUT_CONFIRMATION);
  await raw.closed;
  // The exchange numbered its side 1, 2, 3, … with nothing skipped.
  t.deepEqual(
    raw.inbox.all.map((p) => p.seq),
    raw.inbox.all.map((_, i) => BigInt(i + 1)),
  );
  t.is(exchange.sessions.list().length, 0);
});

withShared(test)("the SDK's token login (cookie) opens a session for the token's account", async (t) => {
  const { exchange } = await setup(t, { accounts });
  const raw = await RawClient.connect(exchange);
  raw.send(frame(goldenFrames(), "login_token"));
  const login = await raw.next("eto.login_response");
  t.is(login.seq, 1n);
  t.deepEqual(exchange.sessions.list().map((s) => s.username), ["user"]);
  raw.destroy();
});

withShared(test)("the SDK's login with account_sequence_64 = 7 gets the account's events from 7 on", async (t) => {
  const { exchange } = await setup(t, { accounts });
  const accountId = exchange.accounts[0]!.accountId;
  // Eight account events (accepted and balance-changed for four orders) before the login.
  for (let i = 0; i < 4; i++) {
    exchange.engine.createOrder({ accountId, marketId: 1, contractId: 1, side: seto.Side.SIDE_BUY, quantity: 10_000n, price: 2000 });
  }
  const raw = await RawClient.connect(exchange);
  raw.send(frame(goldenFrames(), "login_resume"));
  await raw.next("eto.login_response");
  const resent = await raw.next("seto.order_accepted");
  t.is(raw.body("seto.order_accepted", resent).accountSequence64, 7n);
  await raw.next("seto.balance_changed");
  raw.sendPayload(pingPayload(), 2n);
  await raw.next("eto.pong");
  t.is(raw.inbox.all.filter((p) => p.name === "seto.order_accepted").length, 1, "nothing before 7 is resent");
  raw.destroy();
});
