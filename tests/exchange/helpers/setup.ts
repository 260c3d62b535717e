// Starting an exchange for a test (loopback, ephemeral port, FakeClock, two
// known accounts) and closing it afterwards.
import type { ExecutionContext } from "ava";
import { FakeClock } from "../../../runtime/fake-clock.js";
import { startExchange, type ExchangeAccount, type ExchangeHandle, type ExchangeOptions } from "../../../exchange/index.js";
import type { SessionSettings } from "../../../runtime/session/settings.js";
import { TestClient } from "./test-client.js";

export const ALICE = { username: "alice", password: "alice-pw", token: "alice-token", balance: 1_000 } as const;
export const BOB = { username: "bob", password: "bob-pw", token: "bob-token", balance: 1_000 } as const;

/** Username and password settings for an account. */
export const as = (a: ExchangeAccount): SessionSettings => ({ username: a.username, password: a.password });

export interface Fixture {
  readonly exchange: ExchangeHandle;
  readonly clock: FakeClock;
  /** A client (not connected yet); alice by password unless told otherwise. */
  client(settings?: SessionSettings): TestClient;
  /** A client, connected and logged in. */
  loggedIn(settings?: SessionSettings): Promise<TestClient>;
}

export async function setup(t: ExecutionContext, options: ExchangeOptions = {}): Promise<Fixture> {
  const clock = new FakeClock(1_000_000);
  const exchange = await startExchange({ clock, accounts: [ALICE, BOB], ...options });
  const clients: TestClient[] = [];
  t.teardown(async () => {
    for (const c of clients) await c.drop();
    await exchange.close();
  });
  const client = (settings: SessionSettings = as(ALICE)): TestClient => {
    const c = new TestClient(exchange, settings);
    clients.push(c);
    return c;
  };
  return {
    exchange,
    clock,
    client,
    loggedIn: async (settings) => {
      const c = client(settings);
      await c.login();
      return c;
    },
  };
}

/** Waits for a condition that socket I/O in flight will make true: checked once per event-loop turn, never timed. */
export async function eventually(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
