// The fuzz's two targets, a few cases each, as `npm run fuzz` runs them:
// cases drawn from the seed and their number alone (the kind named before a
// case runs is the kind it runs), and a clean client and exchange passing
// them — no violation, nothing uncaught. The long runs are `npm run fuzz`.
import test from "ava";
import { clientCaseKind } from "../../reliability/fuzz/client/client-case.js";
import { clientTarget } from "../../reliability/fuzz/client/client-target.js";
import { exchangeCaseKind, exchangeTarget } from "../../reliability/fuzz/exchange/exchange-target.js";
import { caseSeed } from "../../reliability/common/case-seed.js";
import type { FuzzTarget } from "../../reliability/fuzz/target.js";

async function runCases(target: FuzzTarget, seed: number, cases: number, kindOf: (seed: number, k: number) => string) {
  const failures: string[] = [];
  const kinds = new Set<string>();
  for (let k = 0; k < cases; k++) {
    const r = await target.run(seed, k);
    kinds.add(r.kind);
    if (r.kind !== kindOf(seed, k)) failures.push(`case ${k}: ran ${r.kind}, named ${kindOf(seed, k)} beforehand`);
    for (const v of r.violations) failures.push(`case ${k} (${r.kind}): ${v}`);
  }
  failures.push(...target.toolErrors());
  return { failures, kinds };
}

test("case seeds depend on the run's seed and the case number alone", (t) => {
  t.is(caseSeed(7, 12), caseSeed(7, 12));
  t.not(caseSeed(7, 12), caseSeed(7, 13));
  t.not(caseSeed(7, 12), caseSeed(8, 12));
});

test("client target: 40 hostile-server cases pass against the client, each the kind its number names", async (t) => {
  const target = await clientTarget();
  try {
    const { failures, kinds } = await runCases(target, 11, 40, clientCaseKind);
    t.deepEqual(failures, []);
    t.true(kinds.size > 10, `${kinds.size} kinds met`);
  } finally {
    await target.close();
  }
});

test("exchange target: 60 garbage-client cases pass against the exchange, each the kind its number names", async (t) => {
  const target = await exchangeTarget(11);
  try {
    const { failures, kinds } = await runCases(target, 11, 60, exchangeCaseKind);
    t.deepEqual(failures, []);
    t.true(kinds.size > 8, `${kinds.size} kinds met`);
  } finally {
    await target.close();
  }
});
