// Every event on an account has an increasing account sequence. After a
// reconnect the client logs in with the last one it applied and the exchange
// resends from there on, so the first of those (and any others already seen)
// must be skipped, or fills would be counted twice.
import { toUint64, type IntegerLike } from "../../integers.js";

interface Sequenced {
  readonly accountSequence64?: bigint | undefined;
  readonly accountSequence?: number | undefined;
}

/** A message's account sequence: the 64-bit field, else the old 32-bit one; undefined if it has neither. */
export function accountSequenceOf(m: Sequenced): bigint | undefined {
  if (m.accountSequence64 !== undefined) return m.accountSequence64;
  return m.accountSequence === undefined ? undefined : BigInt(m.accountSequence);
}

export class AccountSequence {
  #last: bigint | undefined;

  /** `start`: the last sequence a previous run applied, if it saved one. */
  constructor(start?: IntegerLike) {
    this.#last = start === undefined ? undefined : toUint64(start, "lastAccountSequence");
  }

  /** The highest account sequence applied: log in with it to have the exchange resend what came after. */
  get last(): bigint | undefined {
    return this.#last;
  }

  /** Continues from `last`, the last sequence an earlier process applied (restored from a store), unless one later was applied since. */
  restore(last: bigint | undefined): void {
    if (last !== undefined && (this.#last === undefined || last > this.#last)) this.#last = last;
  }

  /** Whether a message with this sequence was applied before (admit would refuse it); records nothing. */
  seen(sequence: bigint | undefined): boolean {
    return sequence !== undefined && this.#last !== undefined && sequence <= this.#last;
  }

  /**
   * Whether a message with this sequence is new (and, if so, records it).
   * Messages without one cannot be checked and count as new.
   */
  admit(sequence: bigint | undefined): boolean {
    if (this.seen(sequence)) return false;
    if (sequence !== undefined) this.#last = sequence;
    return true;
  }
}
