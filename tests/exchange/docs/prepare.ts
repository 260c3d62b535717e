// Brings a session to the counters a doc table starts from, over the wire:
// the client logs in, pings (each ping and pong takes one seq per side), and
// the exchange sends account events (one seq on its side each: an order-cancel
// of an unknown order is answered by order_cancel_rejected alone). The last
// `lost` pongs are left unread when the connection drops, as in a table where
// the client missed what the exchange sent before the drop.
import type { ExchangeHandle } from "../../../exchange/index.js";
import type { ExchangeAccount } from "../../../exchange/index.js";
import { pingPayload, type UnsequencedPayload } from "../../../runtime/payload/encode.js";
import { loginPayload } from "../../../runtime/session/login.js";
import { eventually } from "../helpers/setup.js";
import { ScriptedPeer, serverCounters } from "../helpers/scripted-peer.js";

export interface Target {
  /** The seq the client sends next after the drop. */
  readonly clientOut: bigint;
  /** The seq the client expects next after the drop. */
  readonly clientIn: bigint;
  /** The seq the exchange sends next. */
  readonly serverOut: bigint;
}

export function accountLogin(account: ExchangeAccount, sessionId?: string): UnsequencedPayload {
  return loginPayload({ username: account.username, password: account.password, token: undefined }, { sessionId, accountSequence: undefined });
}

/** A session at `target`, its connection dropped; the peer (counters at the target) and the session id. */
export async function prepareSession(exchange: ExchangeHandle, account: ExchangeAccount, target: Target): Promise<{ peer: ScriptedPeer; sessionId: string }> {
  const lost = target.serverOut - target.clientIn;
  const peer = await ScriptedPeer.connect(exchange);
  peer.send(accountLogin(account));
  const { body } = await peer.expect("eto.login_response", 1n);
  const sessionId = body.session;
  await peer.expect("seto.throttle_limits_changed", 2n);
  // Pings answered and read: one seq each way.
  while (peer.out < target.clientOut - lost) {
    peer.send(pingPayload());
    await peer.expect("eto.pong", peer.in);
  }
  // Account events: one seq on the exchange's side each.
  const accountId = exchange.accounts.find((a) => a.username === account.username)?.accountId as number;
  while (serverCounters(exchange, sessionId).out < target.serverOut - lost) {
    exchange.publish(exchange.engine.cancelOrder({ accountId, orderId: 999_999n }));
    await peer.expect("seto.order_cancel_rejected", peer.in);
  }
  // Pings whose pongs the exchange sends but the client never reads.
  for (let i = 0n; i < lost; i++) peer.send(pingPayload());
  await eventually(() => serverCounters(exchange, sessionId).out === target.serverOut);
  await peer.reconnect(exchange);
  await eventually(() => exchange.sessions.get(sessionId)?.connected === false);
  return { peer, sessionId };
}
