// The exchange fuzz: garbage clients against the simulated exchange. One
// exchange per worker process, with its default limits and simulated trading
// on, takes every case of the worker in turn, so what misbehaving clients
// leave behind (abandoned sessions, stored events, unread bytes) piles up
// across cases as it would in production. A case is one garbage client of
// scripts/exchange-soak (the exchange's own soak clients: one implementation
// of each misbehaviour), drawn from the case's seed. It passes when the
// client's connection ends within the time limit; every few cases the
// exchange's bounds are checked and an honest client must still log in.
import { Prng } from "../../../exchange/engine/index.js";
import { DEMO_ACCOUNTS, startExchange, type ExchangeHandle } from "../../../exchange/index.js";
import { resolveExchangeOptions } from "../../../exchange/server/options.js";
import { BEHAVIOURS, garbageClient } from "../../../scripts/exchange-soak/garbage-clients.js";
import { brokenBounds } from "../../../scripts/exchange-soak/bounds.js";
import { caseSeed } from "../../common/case-seed.js";
import { Tally } from "../../common/tally.js";
import type { FuzzCaseResult, FuzzTarget } from "../target.js";

/** Real time one garbage client may take before the case counts as a hang of the exchange. */
const CASE_LIMIT_MS = 10_000;
/** The bounds are checked, and an honest login tried, every this many cases. */
const CHECK_EVERY = 250;

/** The misbehaviour case `k` draws (the case's first draw). */
export const exchangeCaseKind = (seed: number, k: number): string => new Prng(caseSeed(seed, k)).pick(BEHAVIOURS);

export async function exchangeTarget(seed: number): Promise<FuzzTarget> {
  const options = { activity: { seed, intervalMs: 50 } };
  const limits = resolveExchangeOptions(options);
  const exchange = await startExchange(options);
  let sinceCheck = 0;
  return {
    side: "exchange",
    run: async (s, k) => {
      const r = await runExchangeCase(exchange, s, k);
      if (++sinceCheck >= CHECK_EVERY) {
        sinceCheck = 0;
        for (const b of brokenBounds(exchange, limits)) r.violations.push(`bound broken after this case: ${b}`);
        const honest = await withinLimit(garbageClient(exchange.host, exchange.port, "logout", DEMO_ACCOUNTS[0]!, s));
        if (honest !== "closed by the exchange") r.violations.push(`an honest login and logout after this case ended: ${honest}`);
      }
      return r;
    },
    toolErrors: () => [],
    close: () => exchange.close(),
  };
}

async function runExchangeCase(exchange: ExchangeHandle, seed: number, k: number): Promise<FuzzCaseResult> {
  const rng = new Prng(caseSeed(seed, k));
  const behaviour = rng.pick(BEHAVIOURS);
  const account = rng.pick(DEMO_ACCOUNTS);
  const clientSeed = rng.int(0, 0xffff_ffff);
  const outcomes = new Tally();
  const violations: string[] = [];
  const end = await withinLimit(garbageClient(exchange.host, exchange.port, behaviour, account, clientSeed));
  outcomes.add(`${behaviour}: ${end}`);
  if (end !== "closed by the exchange" && end !== "left by the client") violations.push(`the ${behaviour} client's connection ${end}`);
  const stats = exchange.sessions.stats();
  const detail = [
    `garbage client: ${behaviour} as ${account.username}; ${end}`,
    `exchange after it: ${stats.connections} open connections, ${stats.sessions} sessions (${stats.waitingSessions} waiting), ${stats.storedPayloads} stored payloads (${stats.storedBytes} bytes), ${stats.bufferedOutBytes} bytes unread`,
  ];
  return { kind: behaviour, outcomes, errors: new Tally(), errorCount: 0, violations, detail };
}

/** What `run` resolved with, or why it did not within CASE_LIMIT_MS. */
async function withinLimit(run: Promise<string>): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`did not end within ${CASE_LIMIT_MS / 1000} s`), CASE_LIMIT_MS)));
  try {
    return await Promise.race([run.catch((e: unknown) => `could not be opened: ${e instanceof Error ? e.message : String(e)}`), late]);
  } finally {
    clearTimeout(timer);
  }
}
