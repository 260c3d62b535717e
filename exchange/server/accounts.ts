// The exchange's login accounts: who may log in, with what, and the money
// each starts with. The engine holds the trading side of each account; this
// is only the credential side.
import { ArgumentError } from "../../runtime/errors.js";
import { SCALE } from "../engine/money.js";
import { describeValue, textOption } from "./option-checks.js";

/** An account that may log in to the simulated exchange: user name, password, optional token and starting balance. */
export interface ExchangeAccount {
  readonly username: string;
  readonly password: string;
  /** A session token the account may log in with instead (sent as the seto login `cookie`). */
  readonly token?: string;
  /** Starting balance in currency units (e.g. 1000 = 1000.00); default 10 000. */
  readonly balance?: number;
}

export interface ResolvedAccount {
  readonly username: string;
  readonly password: string;
  readonly token: string | undefined;
  /** Money units (currency x 10000), as the engine counts. */
  readonly balance: bigint;
}

/** Starting balance of an account that names none, in currency units. */
export const DEFAULT_BALANCE = 10_000;

/**
 * The accounts a simulator has when none are configured. Their credentials
 * are public on purpose (printed by `smarkets exchange`): this exchange is a
 * local simulator and holds no real money.
 */
export const DEMO_ACCOUNTS: readonly ExchangeAccount[] = [
  { username: "demo", password: "demo", token: "demo-token", balance: DEFAULT_BALANCE },
  { username: "demo2", password: "demo2", token: "demo2-token", balance: DEFAULT_BALANCE },
];

/** Checks the account list (unique names and tokens, sound balances) and converts balances to money. */
export function resolveAccounts(accounts: readonly ExchangeAccount[] | undefined): ResolvedAccount[] {
  const list = accounts ?? DEMO_ACCOUNTS;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ArgumentError(`accounts must be a non-empty array (at least 1 account), got ${describeValue(list)}`);
  }
  const names = new Set<string>();
  const tokens = new Set<string>();
  return list.map((a: ExchangeAccount, i) => {
    if (a === null || typeof a !== "object") throw new ArgumentError(`accounts[${i}] must be an object, got ${describeValue(a)}`);
    const username = textOption(`accounts[${i}].username`, a.username);
    const password = textOption(`accounts[${i}].password`, a.password);
    const token = a.token === undefined ? undefined : textOption(`accounts[${i}].token`, a.token);
    if (names.has(username)) throw new ArgumentError(`accounts[${i}].username ${JSON.stringify(username)} is used twice`);
    if (token !== undefined && tokens.has(token)) throw new ArgumentError(`accounts[${i}].token is used by another account too`);
    names.add(username);
    if (token !== undefined) tokens.add(token);
    return { username, password, token, balance: toMoney(`accounts[${i}].balance`, a.balance ?? DEFAULT_BALANCE) };
  });
}

/** Currency units to money units, refusing amounts that are not whole money units. */
function toMoney(name: string, balance: unknown): bigint {
  const max = Number.MAX_SAFE_INTEGER / Number(SCALE);
  if (typeof balance !== "number" || !Number.isFinite(balance) || balance < 0 || balance > max) {
    throw new ArgumentError(`${name} must be a number of currency units in 0..${Math.floor(max)}, got ${describeValue(balance)}`);
  }
  const units = balance * Number(SCALE);
  const whole = Math.round(units);
  if (Math.abs(units - whole) > 1e-6) {
    throw new ArgumentError(`${name} ${balance} has more than 4 decimal places (money is counted in 1/10000 units)`);
  }
  return BigInt(whole);
}
