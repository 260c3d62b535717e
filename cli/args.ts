// The one command-line parser, shared by every command (the demo and the
// standalone exchange included): flags with values (`--port 3701` or
// `--port=3701`), repeatable flags (`--account a:b --account c:d`), switches
// (`--plain`), positionals, and checked conversions. Every mistake is an
// ArgumentError naming the flag and the value, which dispatch turns into exit
// status 2.
import { ArgumentError } from "../runtime/errors.js";

/** A flag takes a value (once), a value each time it is repeated ("list"), or none (a switch). */
export type FlagKind = "value" | "list" | "switch";
export type FlagSpecs = Readonly<Record<`--${string}`, FlagKind>>;

export interface ParsedArgs {
  /** --help or -h was given: show the command's help and do nothing else. */
  readonly help: boolean;
  readonly positionals: readonly string[];
  readonly values: ReadonlyMap<string, string>;
  /** The values of "list" flags, in the order given. */
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
}

const HELP = new Set(["--help", "-h"]);
/** "-5" is a (bad) number for the command to judge, not a flag. */
const NEGATIVE_NUMBER = /^-\d/;

/** Parses `argv` against `flags`; at most `maxPositionals` bare arguments. */
export function parseArgs(argv: readonly string[], flags: FlagSpecs, maxPositionals: number): ParsedArgs {
  const positionals: string[] = [];
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const switches = new Set<string>();
  if (argv.some((a) => HELP.has(a))) return { help: true, positionals, values, lists, switches };
  const seen = (flag: string): void => {
    if (values.has(flag) || switches.has(flag)) throw new ArgumentError(`${flag} is given more than once`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || NEGATIVE_NUMBER.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const kind = (flags as Record<string, FlagKind | undefined>)[flag];
    if (kind === undefined) throw new ArgumentError(`unknown option ${JSON.stringify(flag)}`);
    if (kind !== "list") seen(flag);
    if (kind === "switch") {
      if (eq > 0) throw new ArgumentError(`${flag} takes no value, got ${JSON.stringify(arg.slice(eq + 1))}`);
      switches.add(flag);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) throw new ArgumentError(`${flag} needs a value`);
    if (kind === "list") lists.set(flag, [...(lists.get(flag) ?? []), value]);
    else values.set(flag, value);
  }
  if (positionals.length > maxPositionals) {
    throw new ArgumentError(`unexpected argument ${JSON.stringify(positionals[maxPositionals])}`);
  }
  return { help: false, positionals, values, lists, switches };
}

/** A whole number within min..max, written in decimal digits. */
export function integerArg(name: string, text: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max) {
    throw new ArgumentError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** A 64-bit whole number within min..2^64-1 (order ids, references). */
export function uint64Arg(name: string, text: string, min: bigint): bigint {
  const max = (1n << 64n) - 1n;
  const n = /^\d{1,20}$/.test(text) ? BigInt(text) : undefined;
  if (n === undefined || n < min || n > max) {
    throw new ArgumentError(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** A positive number up to `max` (decimals allowed), e.g. a duration in seconds. */
export function positiveNumberArg(name: string, text: string, max: number): number {
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !(n > 0) || n > max) {
    throw new ArgumentError(`${name} must be a number above 0 and at most ${max}, got ${JSON.stringify(text)}`);
  }
  return n;
}

/** One of `choices` (the keys), mapped to its value. */
export function choiceArg<T>(name: string, text: string, choices: Readonly<Record<string, T>>): T {
  if (!Object.hasOwn(choices, text)) {
    const listed = Object.keys(choices).join(", ");
    throw new ArgumentError(`${name} must be one of ${listed}, got ${JSON.stringify(text)}`);
  }
  return choices[text] as T;
}
