// `npx tsx scripts/exchange-soak.ts [--connections N] [--concurrency C] [--seed S] [--quiet-market] [--max-rss-mb M]`
// (npm run soak:exchange): the simulated exchange, with its default limits
// and simulated trading on, takes N short-lived misbehaving connections
// (scripts/exchange-soak/garbage-clients.ts: abandoned logins, replay storms,
// slow readers, garbage, huge frames, …). Every 1 000 connections it prints
// what it holds (its own stats, in counts and bytes) and the process's RSS
// (exchange and clients share the process; the clients are short-lived);
// at the end it checks every bound and exits 1 if one broke (or RSS went over
// --max-rss-mb), 2 for bad arguments.
import { parseArgs, integerArg } from "../cli/args.js";
import { ArgumentError } from "../runtime/errors.js";
import { DEMO_ACCOUNTS, startExchange, type ExchangeStats } from "../exchange/index.js";
import { resolveExchangeOptions } from "../exchange/server/options.js";
import { runGarbageClients } from "./exchange-soak/garbage-clients.js";
import { brokenBounds } from "./exchange-soak/bounds.js";

const USAGE = "usage: npx tsx scripts/exchange-soak.ts [--connections N (20000)] [--concurrency C (50)] [--seed S (1)] [--quiet-market] [--max-rss-mb M]";
const FLAGS = { "--connections": "value", "--concurrency": "value", "--seed": "value", "--quiet-market": "switch", "--max-rss-mb": "value" } as const;

function options(argv: readonly string[]) {
  const args = parseArgs(argv, FLAGS, 0);
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const value = (flag: keyof typeof FLAGS, fallback: string) => args.values.get(flag) ?? fallback;
  return {
    connections: integerArg("--connections", value("--connections", "20000"), 1, 10_000_000),
    concurrency: integerArg("--concurrency", value("--concurrency", "50"), 1, 10_000),
    seed: integerArg("--seed", value("--seed", "1"), 0, 0xffff_ffff),
    activity: !args.switches.has("--quiet-market"),
    maxRssMb: args.values.has("--max-rss-mb") ? integerArg("--max-rss-mb", value("--max-rss-mb", "0"), 1, 1_000_000) : undefined,
  };
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
const line = (done: number, s: ExchangeStats): string =>
  `${String(done).padStart(7)} connections | rss ${mb(process.memoryUsage().rss).padStart(6)} MB heap ${mb(process.memoryUsage().heapUsed).padStart(6)} MB ` +
  `buffers ${mb(process.memoryUsage().arrayBuffers).padStart(5)} MB | ` +
  `open ${s.connections} refused ${s.connectionsRefused} | sessions ${s.sessions} (waiting ${s.waitingSessions}) evicted ${s.sessionsEvicted} logins refused ${s.loginsRefused} | ` +
  `stored ${s.storedPayloads} payloads ${mb(s.storedBytes)} MB | unread ${mb(s.bufferedOutBytes)} MB | live orders ${s.liveOrders}`;

async function main(): Promise<void> {
  let o: ReturnType<typeof options>;
  try {
    o = options(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ArgumentError) {
      process.stderr.write(`exchange-soak: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const exchangeOptions = { activity: o.activity ? { seed: o.seed, intervalMs: 50 } : (false as const) };
  const limits = resolveExchangeOptions(exchangeOptions);
  const exchange = await startExchange(exchangeOptions);
  const startRss = process.memoryUsage().rss;
  let peakRss = startRss;
  const broken = new Set<string>();
  console.log(`exchange-soak: ${o.connections} connections, ${o.concurrency} at once, seed ${o.seed}, simulated trading ${o.activity ? "on" : "off"}`);
  console.log(
    `limits: maxConnections ${limits.maxConnections}, maxSessionsPerAccount ${limits.maxSessionsPerAccount}, maxSessions ${limits.maxSessions}, ` +
      `outgoingStoreBytes ${limits.outgoingStoreBytes}, maxBufferedOutBytes ${limits.maxBufferedOutBytes}, maxFrameSize ${limits.maxFrameSize}, ` +
      `maxLiveOrdersPerAccount ${limits.maxLiveOrdersPerAccount}`,
  );
  console.log(line(0, exchange.sessions.stats()));
  const result = await runGarbageClients({
    host: exchange.host,
    port: exchange.port,
    accounts: DEMO_ACCOUNTS,
    connections: o.connections,
    concurrency: o.concurrency,
    seed: o.seed,
    progress: {
      every: 1_000,
      report: (done) => {
        const stats = exchange.sessions.stats();
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        for (const b of brokenBounds(exchange, limits, stats)) broken.add(b);
        console.log(line(done, stats));
      },
    },
  });
  while (exchange.sessions.connections > 0) await new Promise((resolve) => setImmediate(resolve));
  (globalThis as { gc?: () => void }).gc?.();
  const end = exchange.sessions.stats();
  for (const b of brokenBounds(exchange, limits, end)) broken.add(b);
  if (end.bufferedOutBytes !== 0) broken.add(`${end.bufferedOutBytes} bytes unread with no connection open`);
  const endRss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, endRss);
  console.log(line(o.connections, end));
  console.log(`behaviours: ${Object.entries(result.byBehaviour).map(([b, n]) => `${b} ${n}`).join(", ")}`);
  if (result.failures.length > 0) console.log(`connections that failed to open: ${result.failures.length} (first: ${result.failures[0]})`);
  console.log(`rss: start ${mb(startRss)} MB, peak ${mb(peakRss)} MB, end ${mb(endRss)} MB`);
  if (o.maxRssMb !== undefined && peakRss > o.maxRssMb * 1024 * 1024) broken.add(`peak rss ${mb(peakRss)} MB over --max-rss-mb ${o.maxRssMb}`);
  await exchange.close();
  if (broken.size > 0) {
    console.log(`BOUNDS BROKEN:\n  ${[...broken].join("\n  ")}`);
    process.exit(1);
  }
  console.log("every bound held");
}

await main();
