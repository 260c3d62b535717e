// One case of the client fuzz: a StreamingAPIClient (default settings, used
// through its public API) meets one kind of hostile server, drawn from the
// case's seed, and makes the calls a bot would — login, then some of ping,
// subscribe, place and cancel an order, logout — on fake time shared with the
// server, which runs in a process of its own. Every call
// must settle, with a value or a typed error; nothing may be thrown where
// nobody catches it; every error the client reports must be typed.
import { Prng } from "../../../exchange/engine/index.js";
import { StreamingAPIClient } from "../../../runtime/client/index.js";
import { SmarketsError } from "../../../runtime/errors.js";
import { FakeClock } from "../../../runtime/fake-clock.js";
import { silentLogger } from "../../../runtime/logging/index.js";
import { connect, type Connection } from "../../../runtime/transport/index.js";
import { RequestLedger } from "../../checks/request-ledger.js";
import { caseSeed } from "../../common/case-seed.js";
import { Tally } from "../../common/tally.js";
import { drawKind } from "../hostile/kinds.js";
import type { FuzzCaseResult } from "../target.js";
import { drive } from "./fake-time-driver.js";
import type { HostileServerLink } from "./hostile-server-link.js";

/** Fake time a case may take: longer than every default time limit, and reconnects between them. */
const FAKE_BUDGET_MS = 15 * 60_000;

/** The hostile kind case `k` meets (the case's first draw). */
export const clientCaseKind = (seed: number, k: number): string => drawKind(new Prng(caseSeed(seed, k))).name;

export async function runClientCase(seed: number, k: number, server: HostileServerLink): Promise<FuzzCaseResult & { scriptErrors: string[] }> {
  const s = caseSeed(seed, k);
  const rng = new Prng(s);
  const kind = drawKind(rng);
  const clock = new FakeClock();
  await server.begin(seed, k);
  const violations: string[] = [];

  const connections: Connection[] = [];
  const reconnect = rng.chance(0.3) ? { maxAttempts: rng.int(1, 3), initialDelayMs: 100, random: () => rng.next() } : undefined;
  const client = new StreamingAPIClient(
    { username: "fuzz", password: "fuzz", host: server.host, port: server.port, tls: false },
    {
      clock,
      logger: silentLogger,
      ...(reconnect ? { reconnect } : {}),
      connect: async (o) => {
        const c = await connect(o);
        connections.push(c);
        return c;
      },
    },
  );
  const errors = new Tally();
  let errorCount = 0;
  void (async () => {
    for await (const e of client.errors({ capacity: 64, overflow: "drop-oldest" })) {
      errorCount++;
      errors.add(e instanceof SmarketsError ? e.name : "untyped");
      if (!(e instanceof SmarketsError) && violations.length < 10) violations.push(`errors() reported an untyped error: ${String(e)}`);
    }
  })();

  const ledger = new RequestLedger();
  let finished = false;
  const calls = async (): Promise<void> => {
    const info = await ledger.track("login", client.login());
    if (info !== undefined) {
      const pending: Promise<unknown>[] = [];
      if (rng.chance(0.6)) pending.push(ledger.track("ping", client.ping()));
      if (rng.chance(0.5)) pending.push(ledger.track("subscribe", client.trading.subscribe(1)));
      if (rng.chance(0.6)) pending.push(ledger.track("placeOrder", client.trading.placeOrder({ marketId: 1, contractId: 1, side: "buy", price: 5000, quantity: 10_000n })));
      if (rng.chance(0.3)) pending.push(ledger.track("cancelOrder", client.trading.cancelOrder(1001n)));
      await Promise.all(pending);
      if (rng.chance(0.7)) await ledger.track("logout", client.logout());
    }
    await ledger.track("close", client.close());
    finished = true;
  };
  void calls();

  const local = () => {
    let bytesIn = 0;
    let bytesOut = 0;
    let unread = 0;
    for (const c of connections) {
      const s = c.stats;
      bytesIn += s.bytesIn;
      bytesOut += s.bytesOut;
      // A closed connection's leftovers are never read.
      if (!c.isClosed) unread += s.bufferedInBytes;
    }
    return { bytesIn, bytesOut, unread };
  };
  const counts = { turns: 0, looks: 0, jumps: 0 };
  const t0 = performance.now();
  const result = await drive({ clock, server, budgetMs: FAKE_BUDGET_MS, isDone: () => finished, local, counts });
  if (result !== "done") {
    violations.push(`calls never settled (${result} after ${Math.round(clock.now() / 1000)} s of fake time): ${ledger.pending().join(", ")}`);
    // Closing must settle whatever is left; give it a bounded chance to.
    void client.close();
    await drive({ clock, server, budgetMs: 60_000, isDone: () => finished, local, counts });
  }
  for (const u of ledger.untyped) violations.push(`a call failed with an untyped error: ${u}`);
  for (const t of ledger.twice) violations.push(t);
  const fakeMs = clock.now();
  const { connections: connectionsMade, scriptErrors } = await server.end();
  for (const c of connections) c.destroy();
  const detail = [
    `hostile server: ${kind.name}; client reconnect ${reconnect ? `on (maxAttempts ${reconnect.maxAttempts})` : "off"}`,
    `connections ${connectionsMade}; fake time ${(fakeMs / 1000).toFixed(1)} s in ${Math.round(performance.now() - t0)} ms: ${counts.jumps} jumps, ${counts.looks} looks at the server, ${counts.turns} turns`,
    `calls: ${ledger.outcomes.format()}`,
    `errors reported: ${errors.format()} (${errorCount} in all)`,
  ];
  return { kind: kind.name, outcomes: ledger.outcomes, errors, errorCount, violations, detail, scriptErrors };
}
