// Load test: 50 client sessions (10 accounts × 5 sessions) trade against each
// other on loopback for 10 seconds, then everything is checked against the
// exchange's own view: no client reported an error, every order was answered
// exactly once in every session of its account, each session's orders and
// books are the exchange's, and the money adds up.
import test from "ava";
import { startExchange, type ExchangeAccount } from "../../exchange/index.js";
import { moneyToCurrency } from "../../exchange/engine/index.js";
import type * as seto from "../../generated/seto.js";
import { StreamingAPIClient } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import { assertBooksMatch, collectErrors, orderMismatches, settled } from "../trading-integration/helpers.js";
import { runBot } from "./bot.js";
import { ledgerMismatches } from "./ledger-checks.js";

const ACCOUNTS = 10;
const SESSIONS_PER_ACCOUNT = 5;
const DURATION_MS = 10_000;

const accounts: ExchangeAccount[] = Array.from({ length: ACCOUNTS }, (_, i) => ({ username: `trader-${i}`, password: `pw-${i}`, balance: 1_000_000 }));

/** One session of the test, with what it heard: answers to orders by reference, and the last balance. */
interface Session {
  readonly client: StreamingAPIClient;
  readonly account: number;
  readonly answers: Map<bigint, number>;
  readonly errors: Error[];
  lastBalance: seto.BalanceChanged | undefined;
}

function session(host: string, port: number, account: number): Session {
  const a = accounts[account]!;
  const client = new StreamingAPIClient(
    { username: a.username, password: a.password, host, port, tls: false },
    // Every book level is kept: the simulator publishes full depth.
    { logger: silentLogger },
  );
  const s: Session = { client, account, answers: new Map(), errors: collectErrors(client), lastBalance: undefined };
  const answered = (m: { reference?: bigint | undefined }) => {
    if (m.reference !== undefined) s.answers.set(m.reference, (s.answers.get(m.reference) ?? 0) + 1);
  };
  client.addHandler("seto.order_accepted", answered);
  client.addHandler("seto.order_rejected", answered);
  client.addHandler("seto.order_invalid", answered);
  client.addHandler("seto.balance_changed", (m) => (s.lastBalance = m));
  return s;
}

test(`${ACCOUNTS * SESSIONS_PER_ACCOUNT} sessions trading against each other for ${DURATION_MS / 1000} s stay consistent with the exchange`, async (t) => {
  t.timeout(120_000);
  const ex = await startExchange({
    logger: silentLogger,
    accounts,
    // Generous: this test is about consistency under load, not pacing.
    throttle: { averageRatePs: 1_000_000, burstSize: 1_000_000, tickMs: 100 },
  });
  t.teardown(() => ex.close());
  const accountIds = accounts.map((a) => ex.accounts.find((i) => i.username === a.username)!.accountId);
  const sessions = Array.from({ length: ACCOUNTS * SESSIONS_PER_ACCOUNT }, (_, i) => session(ex.host, ex.port, i % ACCOUNTS));
  await Promise.all(sessions.map((s) => s.client.login()));
  await Promise.all(sessions.map((s) => s.client.trading.subscribe(1)));

  const started = performance.now();
  const deadline = started + DURATION_MS;
  const reports = await Promise.all(
    sessions.map((s, i) => runBot(s.client, { index: i + 1, seed: 1000 + i, deadline, parity: (s.account % 2) as 0 | 1, maxResting: 8 })),
  );
  const tradedMs = performance.now() - started;
  await settled(...sessions.map((s) => s.client));

  t.deepEqual(reports.flatMap((r) => r.failures), [], "no request failed other than by an exchange refusal");
  for (const [i, r] of reports.entries()) {
    const refused = [...r.rejected.values()].reduce((a, b) => a + b, 0);
    t.is(r.accepted + refused, r.references.length, `session ${i}: every placeOrder settled as accepted or rejected`);
  }
  t.deepEqual(sessions.flatMap((s) => s.errors.map(String)), [], "no client reported an error");

  // Account events go to every session of the account: each must have heard
  // every order of the account answered, exactly once.
  for (let account = 0; account < ACCOUNTS; account++) {
    const placed = reports.filter((_, i) => sessions[i]!.account === account).flatMap((r) => r.references);
    for (const s of sessions.filter((x) => x.account === account)) {
      const missing = placed.filter((ref) => !s.answers.has(ref));
      const twice = [...s.answers].filter(([, n]) => n !== 1);
      t.deepEqual({ missing: missing.length, twice: twice.length, extra: s.answers.size - (placed.length - missing.length) }, { missing: 0, twice: 0, extra: 0 }, `account ${account}: every order answered exactly once`);
    }
  }

  for (const [i, s] of sessions.entries()) {
    const mismatches = orderMismatches(s.client, ex, accountIds[s.account]!);
    t.deepEqual(mismatches.slice(0, 5), [], `session ${i}: orders equal the exchange's (${mismatches.length} mismatches)`);
    assertBooksMatch(t, s.client, ex, 1, `session ${i}: `);
    const account = ex.engine.account(accountIds[s.account]!);
    t.deepEqual(
      s.lastBalance && { available: s.lastBalance.availableBalance, exposure: s.lastBalance.exposure },
      { available: moneyToCurrency(account.available), exposure: moneyToCurrency(account.exposure) },
      `session ${i}: the last balance heard is the account's`,
    );
  }
  t.deepEqual(ledgerMismatches(ex.engine, accountIds), [], "balances add up and positions sum to zero");

  const placed = reports.reduce((n, r) => n + r.references.length, 0);
  const accepted = reports.reduce((n, r) => n + r.accepted, 0);
  const rejected = new Map<string, number>();
  for (const r of reports) for (const [reason, n] of r.rejected) rejected.set(reason, (rejected.get(reason) ?? 0) + n);
  const executed = accountIds.reduce((n, id) => n + ex.engine.account(id).positions.reduce((m, p) => m + (p.quantity > 0n ? p.quantity : 0n), 0n), 0n);
  t.true(accepted > 0 && executed > 0n, "the sessions did trade");
  t.log(
    `${placed} orders in ${(tradedMs / 1000).toFixed(1)} s (${Math.round(placed / (tradedMs / 1000))}/s): ${accepted} accepted, ` +
      `rejected ${JSON.stringify(Object.fromEntries(rejected))}; ${reports.reduce((n, r) => n + r.cancels, 0)} cancels ` +
      `(${reports.reduce((n, r) => n + r.cancelsTooLate, 0)} too late); net long positions ${executed / 10_000n}.00`,
  );
  await Promise.all(sessions.map((s) => s.client.logout()));
});
