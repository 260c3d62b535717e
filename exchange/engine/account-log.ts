// Per-account event numbering and a bounded replay log: every event sent to
// an account gets the next account sequence, so a client that reconnects can
// ask for everything from a sequence on. Only the newest `limit` events are
// kept; asking for older ones says so instead of silently skipping them.
import type { AccountEvent, AccountEventBody } from "./events.js";

export interface AccountReplay {
  /** Retained events with accountSequence >= the one asked for, oldest first. */
  readonly events: readonly AccountEvent[];
  /** False when some asked-for events have already been dropped from the log. */
  readonly complete: boolean;
  /** The sequence the account's next event will get. */
  readonly nextSequence: bigint;
}

class Log {
  next = 1n;
  /** Retained events are events[head..]; the dead prefix is dropped in batches. */
  events: AccountEvent[] = [];
  head = 0;

  push(event: AccountEvent, limit: number): void {
    this.events.push(event);
    if (this.events.length - this.head > limit) this.head++;
    if (this.head > 1024 && this.head * 2 > this.events.length) {
      this.events = this.events.slice(this.head);
      this.head = 0;
    }
  }

  retained(): AccountEvent[] {
    return this.events.slice(this.head);
  }
}

export class AccountLogs {
  readonly #logs = new Map<number, Log>();

  constructor(readonly limit: number) {}

  #log(accountId: number): Log {
    let log = this.#logs.get(accountId);
    if (log === undefined) {
      log = new Log();
      this.#logs.set(accountId, log);
    }
    return log;
  }

  /** Stamps `body` with the account's next sequence, keeps it, and returns the event. */
  append(accountId: number, body: AccountEventBody): AccountEvent {
    const log = this.#log(accountId);
    const event = { ...body, audience: "account", accountId, accountSequence: log.next++ } as AccountEvent;
    log.push(event, this.limit);
    return event;
  }

  since(accountId: number, sequence: bigint): AccountReplay {
    const log = this.#log(accountId);
    const retained = log.retained();
    const oldest = retained[0]?.accountSequence ?? log.next;
    const from = sequence < 1n ? 1n : sequence;
    // Sequences in the log are contiguous, so the position follows from the number.
    const skip = from > oldest ? Number(from - oldest) : 0;
    return { events: retained.slice(skip), complete: from >= oldest, nextSequence: log.next };
  }
}
