// The books of one subscribed market's contracts. A market-quotes snapshot
// replaces them wholesale; contract-quotes update one contract each.
import type * as seto from "../../../generated/seto.js";
import { ContractBook, type ContractBookView } from "./contract-book.js";

/** A subscribed market's books, one per contract. */
export interface MarketBookView {
  readonly marketId: number;
  /** By contract id, ascending. */
  readonly contracts: readonly ContractBookView[];
  /** The snapshot's executed volume plus executions since; undefined if the snapshot gave none. */
  readonly executedVolume: bigint | undefined;
  /** True until a snapshot arrives (first subscribe, or resubscribe after the session was lost): contents not current. */
  readonly stale: boolean;
}

export class MarketBook {
  readonly #contracts = new Map<number, ContractBook>();
  /** Counts snapshots: a contract's book not refilled by the latest one is dropped. */
  #generation = 0;
  #executedVolume: bigint | undefined;
  #stale = true;

  constructor(
    readonly marketId: number,
    readonly depthLimit: number,
  ) {}

  get stale(): boolean {
    return this.#stale;
  }

  /** Updates may have been missed: wait for a fresh snapshot. */
  markStale(): void {
    this.#stale = true;
  }

  snapshot(m: seto.MarketQuotes): void {
    // Snapshots come all the time: the contracts' books are refilled in
    // place, and those the snapshot no longer lists are dropped.
    const generation = ++this.#generation;
    const contracts = this.#contracts;
    let refilled = 0;
    for (const q of m.contractQuotes) {
      let book = contracts.get(q.contractId);
      if (book === undefined) contracts.set(q.contractId, (book = new ContractBook(this.marketId, q.contractId, this.depthLimit)));
      book.snapshot(q);
      if (book.generation !== generation) refilled++;
      book.generation = generation;
    }
    if (contracts.size !== refilled) {
      for (const [id, book] of contracts) if (book.generation !== generation) contracts.delete(id);
    }
    this.#executedVolume = m.executedVolume;
    this.#stale = false;
  }

  /** Applies an update to its contract (a contract the snapshot did not list starts empty). */
  update(q: seto.ContractQuotes): ContractBook {
    let book = this.#contracts.get(q.contractId);
    if (book === undefined) this.#contracts.set(q.contractId, (book = new ContractBook(this.marketId, q.contractId, this.depthLimit)));
    const traded = book.update(q);
    if (this.#executedVolume !== undefined) this.#executedVolume += traded;
    return book;
  }

  contract(contractId: number): ContractBook | undefined {
    return this.#contracts.get(contractId);
  }

  view(): MarketBookView {
    const contracts = [...this.#contracts.values()].sort((a, b) => a.contractId - b.contractId).map((c) => c.view());
    return Object.freeze({ marketId: this.marketId, contracts: Object.freeze(contracts), executedVolume: this.#executedVolume, stale: this.#stale });
  }
}
