// The money side of the load test, from the engine's own account views: each
// account's figures add up, and every contract's positions (and the money
// paid for them) sum to zero across accounts, since every execution moves
// the same quantity and stake from one account to another.
import type { ExchangeEngine } from "../../exchange/engine/index.js";
import { orderRisk } from "../../exchange/engine/index.js";

/** What does not add up (empty when everything does). */
export function ledgerMismatches(engine: ExchangeEngine, accountIds: readonly number[]): string[] {
  const out: string[] = [];
  const quantity = new Map<number, bigint>();
  const stake = new Map<number, bigint>();
  for (const id of accountIds) {
    const a = engine.account(id);
    const reserved = engine.liveOrders({ accountId: id }).reduce((sum, o) => sum + orderRisk(o.side, o.remaining, o.price), 0n);
    // A position's worst case: the contract loses (its stake) or wins (stake − payoff), never below 0.
    const worst = a.positions.reduce((sum, p) => sum + [0n, p.stake, p.stake - p.quantity].reduce((m, v) => (v > m ? v : m)), 0n);
    if (a.reserved !== reserved) out.push(`account ${id}: reserved ${a.reserved}, live orders' risk ${reserved}`);
    if (a.exposure !== reserved + worst) out.push(`account ${id}: exposure ${a.exposure}, reserved + positions' worst case ${reserved + worst}`);
    if (a.available !== a.balance - a.exposure) out.push(`account ${id}: available ${a.available} ≠ balance ${a.balance} − exposure ${a.exposure}`);
    if (a.available < 0n) out.push(`account ${id}: available ${a.available} is negative`);
    for (const p of a.positions) {
      quantity.set(p.contractId, (quantity.get(p.contractId) ?? 0n) + p.quantity);
      stake.set(p.contractId, (stake.get(p.contractId) ?? 0n) + p.stake);
    }
  }
  for (const [contractId, q] of quantity) if (q !== 0n) out.push(`contract ${contractId}: positions sum to ${q}, not 0`);
  for (const [contractId, s] of stake) if (s !== 0n) out.push(`contract ${contractId}: stakes sum to ${s}, not 0`);
  return out;
}
