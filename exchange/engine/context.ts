// One command's worth of work: collects its events in order, numbering the
// ones addressed to accounts, and at the end adds what follows from the
// state changes: balance-changed for each account whose figures moved, and
// contract-quotes for each contract whose book or trades changed.
import type { AccountEvent, AccountEventBody, CommandResult, EngineEvent, ExecutionRecord, MarketEvent } from "./events.js";
import type { EngineState } from "./state.js";

export class CommandContext {
  readonly #events: EngineEvent[] = [];
  /** Contracts touched by this command, with their executions, in first-touch order. */
  readonly #touched = new Map<number, ExecutionRecord[]>();

  constructor(
    readonly state: EngineState,
    /** The command's name, used as the balance-changed reason. */
    readonly command: string,
  ) {}

  tell(accountId: number, body: AccountEventBody): AccountEvent {
    const event = this.state.logs.append(accountId, body);
    this.#events.push(event);
    return event;
  }

  announce(event: MarketEvent): void {
    this.#events.push(event);
  }

  /** Marks a contract's book as possibly changed. */
  touch(contractId: number): void {
    if (!this.#touched.has(contractId)) this.#touched.set(contractId, []);
  }

  executed(contractId: number, execution: ExecutionRecord): void {
    this.touch(contractId);
    this.#touched.get(contractId)?.push(execution);
    this.state.marketData.record(contractId, execution);
  }

  finish(): CommandResult {
    const { accounts, catalogue, marketData } = this.state;
    for (const account of accounts.dirty) {
      const now = { available: account.available(), exposure: account.exposure() };
      if (now.available === account.reported.available && now.exposure === account.reported.exposure) continue;
      account.reported = now;
      this.tell(account.id, { kind: "balance-changed", reason: this.command, availableBalance: now.available, exposure: now.exposure });
    }
    accounts.dirty.clear();
    for (const [contractId, executions] of this.#touched) {
      const marketId = catalogue.contract(contractId)?.marketId;
      if (marketId === undefined) continue;
      const event = marketData.publish(marketId, this.state.book(contractId), executions);
      if (event !== undefined) this.announce(event);
    }
    return { events: this.#events };
  }
}
