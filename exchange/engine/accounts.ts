// Accounts and their money.
//
// Model (all money in currency units x 10000, see money.ts):
// - balance: what the account deposited. Trading never changes it; only
//   settlement would, and settlement payouts are not modelled.
// - reserved: the sum over the account's live orders of the risk of their
//   unfilled remainder at the order's price (held back when an order is
//   accepted, released as it fills or when it is cancelled).
// - a position per contract: quantity (bought - sold) and stake (money paid
//   for buys - money received for sells). Every execution moves the same
//   quantity and the same money between a buyer and a seller, so across all
//   accounts both sum to zero per contract.
// - exposure: reserved + the worst-case loss of each position, which is
//   max(0, stake, stake - quantity) (the contract loses: -stake; it wins:
//   quantity - stake). Positions in different contracts are not netted.
// - available: balance - exposure; an order is accepted only if its risk fits.
//   An order's risk is held in full even when it would close a position (no
//   netting), so the check errs on the safe side.
// Executions never lower `available`: what a fill adds to a position's worst
// case is at most what it releases from the order's held risk (fills happen
// at the order's price or better).
import { EngineCommandError, EngineConfigError } from "./errors.js";

export interface Position {
  quantity: bigint;
  stake: bigint;
}

export interface AccountSpec {
  readonly username: string;
  /** Deposit in currency units x 10000. */
  readonly balance: bigint;
  /** Defaults to one more than the largest id so far. */
  readonly id?: number;
}

export interface PositionView {
  readonly contractId: number;
  readonly quantity: bigint;
  readonly stake: bigint;
}

export interface AccountView {
  readonly id: number;
  readonly username: string;
  readonly balance: bigint;
  readonly reserved: bigint;
  readonly exposure: bigint;
  readonly available: bigint;
  readonly positions: readonly PositionView[];
}

export function positionExposure(p: Position): bigint {
  let worst = 0n;
  if (p.stake > worst) worst = p.stake;
  if (p.stake - p.quantity > worst) worst = p.stake - p.quantity;
  return worst;
}

export class Account {
  reserved = 0n;
  readonly positions = new Map<number, Position>();
  /** The figures last announced in a balance-changed event (or at opening). */
  reported: { available: bigint; exposure: bigint };

  constructor(
    readonly id: number,
    readonly username: string,
    readonly balance: bigint,
  ) {
    this.reported = { available: balance, exposure: 0n };
  }

  exposure(): bigint {
    let total = this.reserved;
    for (const p of this.positions.values()) total += positionExposure(p);
    return total;
  }

  available(): bigint {
    return this.balance - this.exposure();
  }

  position(contractId: number): Position {
    let p = this.positions.get(contractId);
    if (p === undefined) {
      p = { quantity: 0n, stake: 0n };
      this.positions.set(contractId, p);
    }
    return p;
  }

  view(): AccountView {
    return {
      id: this.id,
      username: this.username,
      balance: this.balance,
      reserved: this.reserved,
      exposure: this.exposure(),
      available: this.available(),
      positions: [...this.positions].map(([contractId, p]) => ({ contractId, quantity: p.quantity, stake: p.stake })),
    };
  }
}

export class Accounts {
  readonly #byId = new Map<number, Account>();
  readonly #byName = new Map<string, Account>();
  /** Accounts whose money moved during the current command. */
  readonly dirty = new Set<Account>();

  open(spec: AccountSpec): Account {
    const id = spec.id ?? Math.max(0, ...this.#byId.keys()) + 1;
    if (!Number.isInteger(id) || id < 1) throw new EngineConfigError(`account id ${id} is not a positive integer`);
    if (this.#byId.has(id)) throw new EngineConfigError(`account id ${id} is already open`);
    if (spec.username.length === 0) throw new EngineConfigError("account username is empty (at least 1 character is needed)");
    if (this.#byName.has(spec.username)) throw new EngineConfigError(`account username "${spec.username}" is already taken`);
    if (spec.balance < 0n) throw new EngineConfigError(`account "${spec.username}" balance ${spec.balance} is negative (minimum 0)`);
    const account = new Account(id, spec.username, spec.balance);
    this.#byId.set(id, account);
    this.#byName.set(spec.username, account);
    return account;
  }

  /** The account, or a typed error: commands only come from logged-in accounts. */
  get(id: number): Account {
    const account = this.#byId.get(id);
    if (account === undefined) throw new EngineCommandError(`account ${id} is not open at this exchange`);
    return account;
  }

  find(id: number): Account | undefined {
    return this.#byId.get(id);
  }

  byUsername(username: string): Account | undefined {
    return this.#byName.get(username);
  }

  all(): Account[] {
    return [...this.#byId.values()];
  }
}
