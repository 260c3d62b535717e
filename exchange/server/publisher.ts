// Sends engine events to the sessions they concern: account events to every
// session of the account (connected or waiting to be resumed: the session
// stores what it cannot write), contract-quotes to the market's subscribers,
// market-state to subscribers of the market or of its event.
import type { AccountEvent, EngineEvent, ExchangeEngine } from "../engine/index.js";
import { accountPayload } from "./account-payloads.js";
import { contractQuotesPayload, marketStatePayload } from "./market-payloads.js";
import type { ServerSession } from "./server-session.js";
import type { SessionRegistry } from "./session-registry.js";

export class Publisher {
  constructor(
    readonly sessions: SessionRegistry,
    readonly engine: ExchangeEngine,
  ) {}

  publish(events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.audience === "account") {
        const payload = accountPayload(e);
        for (const s of this.sessions.ofAccount(e.accountId)) s.deliver(payload);
      } else if (e.kind === "contract-quotes") {
        const payload = contractQuotesPayload(e);
        for (const s of this.sessions.all()) if (s.markets.has(e.marketId)) s.deliver(payload);
      } else {
        const payload = marketStatePayload(e);
        const eventId = this.engine.market(e.marketId)?.eventId;
        for (const s of this.sessions.all()) {
          if (s.markets.has(e.marketId) || (eventId !== undefined && s.events.has(eventId))) s.deliver(payload);
        }
      }
    }
  }

  /** Resends one session the account's retained events from `from` (seto login account_sequence). */
  replayAccount(session: ServerSession, from: bigint): void {
    const replay = this.engine.eventsSince(session.account.accountId, from);
    if (!replay.complete) {
      session.log.warn({ from: String(from), oldest: String(replay.events[0]?.accountSequence ?? replay.nextSequence) }, "account events asked for are no longer kept: resending what is");
    }
    session.log.info({ from: String(from), events: replay.events.length }, "resending account events");
    for (const e of replay.events) session.deliver(accountPayload(e as AccountEvent));
  }
}
