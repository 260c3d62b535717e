// The simulated exchange for bench/sessions.ts, in a process of its own:
// MARKETS open markets of 2 contracts each with simulated trading on (a step
// per market every 100 ms), one account allowed SESSIONS sessions at once.
// It reports its own CPU time on request ({ cpu: true }), so the benchmark
// can say what serving the sessions cost the exchange too.
//
// Run by the benchmark: node bench/build/support/sessions-exchange.js SESSIONS MARKETS
import { startExchange, type MarketSpec } from "smarkets-streaming/exchange";
import { seto } from "smarkets-streaming/protocol";

const [sessionsArg, marketsArg] = process.argv.slice(2);
const SESSIONS = Number(sessionsArg ?? 1000);
const MARKETS = Number(marketsArg ?? 20);

const markets: MarketSpec[] = Array.from({ length: MARKETS }, (_, i) => ({
  id: i + 1,
  eventId: 100,
  state: seto.MarketStateType.MARKET_STATE_OPEN,
  contracts: [{ id: 2 * i + 1 }, { id: 2 * i + 2 }],
}));
const exchange = await startExchange({
  accounts: [{ username: "bench", password: "bench" }],
  catalogue: { events: [{ id: 100, name: "Bench event" }], markets },
  activity: { seed: 5, intervalMs: 100 },
  maxSessionsPerAccount: SESSIONS + 100,
  maxSessions: SESSIONS + 100,
  maxConnections: SESSIONS + 100,
});
process.send?.({ port: exchange.port });
process.on("message", (m) => {
  if (typeof m === "object" && m !== null && "cpu" in m) {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuSeconds: (user + system) / 1e6 });
  }
});
process.on("disconnect", () => process.exit(0));
