// Subscriptions and settings: requests answered by the desk itself, not the
// engine. market-subscribe gets the market's quotes snapshot at once, and
// contract-quotes for every later change; event-subscribe gets the current
// state of each of the event's markets, and market-state for every later
// change. A market or event the catalogue does not have is logged and
// otherwise ignored: seto has no reply that says so.
import { setoPayload } from "../../generated/payload-map.js";
import { currentMarketStatePayload, marketQuotesPayload } from "./market-payloads.js";
import type { RequestHandlers } from "./request-handler.js";

export const feedRequests: RequestHandlers = {
  "seto.market_subscribe": {
    run: (desk, session, b) => {
      const snapshot = desk.engine.marketQuotes(b.marketId);
      if (snapshot === undefined) {
        session.log.warn({ marketId: b.marketId }, "market-subscribe for a market the exchange does not have: ignored");
        return;
      }
      session.markets.add(b.marketId);
      session.deliver(marketQuotesPayload(snapshot));
    },
  },
  "seto.market_unsubscribe": {
    run: (_desk, session, b) => {
      session.markets.delete(b.marketId);
    },
  },
  "seto.event_subscribe": {
    run: (desk, session, b) => {
      if (!desk.engine.catalogueEvents().some((e) => e.id === b.eventId)) {
        session.log.warn({ eventId: b.eventId }, "event-subscribe for an event the exchange does not have: ignored");
        return;
      }
      session.events.add(b.eventId);
      for (const m of desk.engine.markets()) if (m.eventId === b.eventId) session.deliver(currentMarketStatePayload(m));
    },
  },
  "seto.event_unsubscribe": {
    run: (_desk, session, b) => {
      session.events.delete(b.eventId);
    },
  },
  "seto.settings": {
    run: (_desk, session, b) => {
      if (b.cancelAllOnFailure !== undefined) session.cancelAllOnFailure = b.cancelAllOnFailure;
      session.deliver(setoPayload("seto.settings_accepted", { cancelAllOnFailure: session.cancelAllOnFailure }));
    },
  },
};
