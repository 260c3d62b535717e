// Every problem in a piqi source is reported as `file:line:col: message`, the
// way the real `piqi` tool reports it, so an editor can jump to the spot.
import { SmarketsError, type ErrorOptions } from "../../runtime/errors.js";

/** A place in a piqi source: 1-based line and column (columns count code points). */
export interface Pos {
  readonly file: string;
  readonly line: number;
  readonly col: number;
}

export function formatPos(pos: Pos): string {
  return `${pos.file}:${pos.line}:${pos.col}`;
}

/** A malformed piqi input (or an input the converter cannot represent in proto2). */
export class PiqiError extends SmarketsError {
  override readonly name = "PiqiError";
  /** The problem without its location prefix. */
  readonly reason: string;
  /** Where the problem is, when it has a place in a source file. */
  readonly pos: Pos | undefined;

  constructor(reason: string, pos?: Pos, options?: ErrorOptions) {
    super(pos ? `${formatPos(pos)}: ${reason}` : reason, options);
    this.reason = reason;
    this.pos = pos;
  }
}

/** Throws a PiqiError located at `pos`. */
export function fail(pos: Pos, reason: string): never {
  throw new PiqiError(reason, pos);
}

/** Collects `file:line:col: message` warnings in the order they were found, without repeats. */
export class Warnings {
  private readonly seen = new Set<string>();
  private readonly list: string[] = [];

  add(pos: Pos, message: string): void {
    const text = `${formatPos(pos)}: ${message}`;
    if (this.seen.has(text)) return;
    this.seen.add(text);
    this.list.push(text);
  }

  toArray(): string[] {
    return [...this.list];
  }
}

/** `"text"` with quotes and backslashes escaped, for naming values in messages. */
export function quote(text: string): string {
  return JSON.stringify(text);
}
