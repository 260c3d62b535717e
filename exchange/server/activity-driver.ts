// Simulated market activity on a timer: every `intervalMs` each tradable
// market gets one step of the engine's seeded SimulatedActivity, and the
// events are published like any other. The simulated traders are accounts of
// their own, opened on first start, that nobody can log in to.
import type { Clock, TimerHandle } from "../../runtime/clock.js";
import type { Logger } from "../../runtime/logging/index.js";
import { isTick } from "../../runtime/odds/index.js";
import { applyActivity, ladderOf, SimulatedActivity, type EngineEvent, type ExchangeEngine } from "../engine/index.js";
import type { ActivityOptions } from "./options.js";

const TRADERS = 3;
/** Each simulated trader's deposit, in money units (1 000 000.00). */
const TRADER_BALANCE = 1_000_000n * 10_000n;

export class ActivityDriver {
  readonly #engine: ExchangeEngine;
  readonly #publish: (events: readonly EngineEvent[]) => void;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #options: ActivityOptions;
  #sims: SimulatedActivity[] | undefined;
  #timer: TimerHandle | undefined;

  constructor(engine: ExchangeEngine, publish: (events: readonly EngineEvent[]) => void, clock: Clock, options: ActivityOptions, log: Logger) {
    this.#engine = engine;
    this.#publish = publish;
    this.#clock = clock;
    this.#options = options;
    this.#log = log;
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  start(): void {
    if (this.#timer !== undefined) return;
    this.#sims ??= this.#makeSims();
    this.#log.info({ seed: this.#options.seed, intervalMs: this.#options.intervalMs }, "simulated activity on");
    this.#arm();
  }

  stop(): void {
    if (this.#timer === undefined) return;
    this.#timer.cancel();
    this.#timer = undefined;
    this.#log.info("simulated activity off");
  }

  /** One round of simulated trading in every market, now. */
  step(): void {
    this.#sims ??= this.#makeSims();
    for (const sim of this.#sims) {
      try {
        this.#publish(applyActivity(this.#engine, sim.step(this.#engine)));
      } catch (e) {
        this.#log.error({ err: e }, "simulated activity failed a step");
      }
    }
  }

  #arm(): void {
    this.#timer = this.#clock.setTimer(this.#options.intervalMs, () => {
      this.step();
      if (this.#timer !== undefined) this.#arm();
    });
  }

  #makeSims(): SimulatedActivity[] {
    const taken = new Set(this.#engine.accounts().map((a) => a.username));
    const participants: number[] = [];
    for (let i = 1; participants.length < TRADERS; i++) {
      const username = `simulated-trader-${i}`;
      if (!taken.has(username)) participants.push(this.#engine.openAccount({ username, balance: TRADER_BALANCE }).id);
    }
    const ladder = ladderOf(isTick);
    return this.#engine.markets().map(
      (m, i) =>
        new SimulatedActivity({
          seed: (this.#options.seed + i) >>> 0,
          marketId: m.id,
          participants,
          ladder,
          quantityUnit: this.#engine.quantityUnit,
        }),
    );
  }
}
