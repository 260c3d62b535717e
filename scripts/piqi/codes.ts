// Wire codes, as piqi assigns and checks them (piqi_protobuf.ml): in one
// record (or variant) either every field has a `.code` or none does; without
// codes they are numbered 1, 2, 3… in order, skipping 19000–19999, which
// protobuf reserves. Enum constants are numbered from 1 likewise (no gap) and
// may hold any int32.
import { fail, formatPos, type Pos } from "./errors.js";
import type { Located } from "./props.js";

const MAX_FIELD_CODE = 2 ** 29 - 1;
const RESERVED_FIRST = 19000;
const RESERVED_LAST = 19999;
const INT32_MIN = -(2n ** 31n);
const INT32_MAX = 2n ** 31n - 1n;

interface Coded {
  readonly code?: Located<bigint>;
}

function explicitCodes(items: readonly Coded[], containerPos: Pos, what: string): Located<bigint>[] | undefined {
  const given = items.filter((item) => item.code !== undefined);
  if (given.length === 0) return undefined;
  if (given.length !== items.length) fail(containerPos, `codes must be defined for either all or none ${what}`);
  return given.map((item) => item.code!);
}

function rejectDuplicates(codes: readonly Located<bigint>[], message: string): void {
  const first = new Map<bigint, Pos>();
  for (const code of codes) {
    const previous = first.get(code.value);
    if (previous) fail(code.pos, `${message}: ${code.value} (first used at ${formatPos(previous)})`);
    first.set(code.value, code.pos);
  }
}

/** Wire codes of a record's fields (what = "fields") or a variant's options (what = "variant options"). */
export function fieldCodes(items: readonly Coded[], containerPos: Pos, what: string): number[] {
  const codes = explicitCodes(items, containerPos, what);
  if (codes === undefined) {
    const assigned: number[] = [];
    let next = 1;
    for (let k = 0; k < items.length; k++) {
      if (next === RESERVED_FIRST) next = RESERVED_LAST + 1;
      if (next > MAX_FIELD_CODE) fail(containerPos, `auto-generated wire code exceeds allowed range (1..${MAX_FIELD_CODE})`);
      assigned.push(next++);
    }
    return assigned;
  }
  for (const code of codes) {
    const n = code.value;
    if (n < 1n || n > BigInt(MAX_FIELD_CODE) || (n >= BigInt(RESERVED_FIRST) && n <= BigInt(RESERVED_LAST))) {
      fail(code.pos, `wire code is out of allowed range: ${n} (allowed: 1..${MAX_FIELD_CODE} except ${RESERVED_FIRST}..${RESERVED_LAST})`);
    }
  }
  rejectDuplicates(codes, "duplicate wire code");
  return codes.map((code) => Number(code.value));
}

/** Values of an enum's constants. */
export function enumCodes(items: readonly Coded[], containerPos: Pos): number[] {
  const codes = explicitCodes(items, containerPos, "enum options");
  if (codes === undefined) return items.map((_, k) => k + 1);
  for (const code of codes) {
    if (code.value < INT32_MIN || code.value > INT32_MAX) {
      fail(code.pos, `enum wire code is out of allowed range: ${code.value} (allowed: ${INT32_MIN}..${INT32_MAX})`);
    }
  }
  // Piqi only warns here, but proto2 rejects two constants with one value.
  rejectDuplicates(codes, "duplicate enum wire code");
  return codes.map((code) => Number(code.value));
}
