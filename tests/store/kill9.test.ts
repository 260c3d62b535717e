// Issue 11 §3: a bot killed with SIGKILL at seeded points — inside a handler
// of an order-accepted, an order-executed or a quote, right after an
// order-create is stamped (not saved, not sent) or right after it went out,
// or at a random moment — and resumed each time from its FileSessionStore by
// a new process (tests/store/kill/harness.ts does the run and the checks):
//
// - every inbound seq of the session is delivered: at least once around a
//   crash, where every delivery after the first is flagged `redelivered`,
//   and exactly once elsewhere (nothing is flagged outside a crash window);
// - every order a dead process sent is known to the process after it, with
//   the exchange's state (none left pending), or outcome-unknown;
// - the client's orders equal the exchange engine's.
//
// Not timed. KILL9_POINTS and KILL9_SEED change the run (npm run kill9 runs
// a long one outside the suite).
import test from "ava";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { KINDS, runKillRounds } from "./kill/harness.js";

const POINTS = Number(process.env.KILL9_POINTS ?? 50);
const SEED = Number(process.env.KILL9_SEED ?? 20_240_611);

test(`kill -9 at ${POINTS} seeded points (seed ${SEED}), resumed from the file each time: every inbound seq delivered, repeats flagged, orders known and equal to the exchange's`, async (t) => {
  t.timeout(300_000 + POINTS * 2_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "smk-kill9-"));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const report = await runKillRounds({ points: POINTS, seed: SEED, dir });
  const { failures, ...figures } = report;
  t.log(JSON.stringify(figures));
  t.deepEqual(failures, [], `seed ${SEED}; logs in ${dir}`);
  t.true(POINTS >= 50 || process.env.KILL9_POINTS !== undefined);
  for (const kind of KINDS) t.true((report.kills[kind] ?? 0) > 0, `killed at least once at "${kind}"`);
  t.is(report.sessions, 1, "one session, resumed by every process");
  t.true(report.repeats > 0, "payloads whose handlers ran before a kill came again, flagged");
  t.true(report.ordersKnown > 0);
});
