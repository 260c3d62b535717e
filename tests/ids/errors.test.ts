import test from "ava";
import { SmarketsError } from "../../runtime/errors.js";
import { IdError, TaggedId, type IdTag, type TagName } from "../../runtime/ids/index.js";

const ACCOUNT = TaggedId.fromInt(73786976294838235846n, "Account");

test("IdError is a SmarketsError with its own name, the offending value and a cause", (t) => {
  const error = t.throws(() => TaggedId.fromSlug("a-!"), { instanceOf: IdError });
  t.true(error instanceof SmarketsError);
  t.is(error.name, "IdError");
  t.is(error.value, "a-!");
  const cause = new Error("underlying");
  t.is(new IdError("x", 1, { cause }).cause, cause);
});

test("seed test_bad_base_raises: bases outside 2..62 are refused, both ways", (t) => {
  for (const base of [90, 1, -1, 0, 63, 2.5, NaN, "36" as unknown as number]) {
    t.throws(() => ACCOUNT.toSlug({ base }), { instanceOf: IdError, message: /must be a whole number from 2 to 62/ }, String(base));
    t.throws(() => TaggedId.fromSlug("lvgb2h48s4kweqbl", base), { instanceOf: IdError, message: /from 2 to 62/ });
  }
});

test("malformed slugs are refused, naming the slug", (t) => {
  const cases: [string, RegExp][] = [
    ["", /has "", not a base-36 digit|must be "<digits>"/],
    ["-", /must be "<digits>" or "<prefix>-<digits>"/],
    ["a-", /must be "<digits>" or "<prefix>-<digits>"/],
    ["-lvgb2h48s4kweqbl", /must be "<digits>" or "<prefix>-<digits>"/],
    ["a-b-c", /must be "<digits>" or "<prefix>-<digits>"/],
    ["a-lvgb2h48s4kw!qbl", /has "!", not a base-36 digit/],
    ["a-lvgb 2h48", /has " ", not a base-36 digit/],
    ["a-lvgb2h48s4kweqbl\n", /has "\\n", not a base-36 digit/],
  ];
  for (const [slug, message] of cases) {
    t.throws(() => TaggedId.fromSlug(slug), { instanceOf: IdError, message }, JSON.stringify(slug));
  }
  t.throws(() => TaggedId.fromSlug("a-12", 2), { instanceOf: IdError, message: /"2", not a base-2 digit \(01\)/ });
  t.throws(() => TaggedId.fromSlug("z", 10), { instanceOf: IdError, message: /"z", not a base-10 digit/ });
});

test("slugs with an unknown tag, unknown prefix or mismatched prefix are refused", (t) => {
  t.throws(() => TaggedId.fromSlug("1"), { instanceOf: IdError, message: /carries tag 0x1, not a known id tag/ });
  t.throws(() => TaggedId.fromSlug("a-1"), { instanceOf: IdError, message: /not a known id tag/ });
  t.throws(() => TaggedId.fromSlug("z-lvgb2h48s4kweqbl"), { instanceOf: IdError, message: /prefix "z" but its tag is Account \("a"\)/ });
  t.throws(() => TaggedId.fromSlug("m-lvgb2h48s4kweqbl"), { instanceOf: IdError, message: /prefix "m" but its tag is Account/ });
  t.throws(() => TaggedId.fromSlug("ab-lvgb2h48s4kweqbl"), { instanceOf: IdError, message: /prefix "ab"/ });
});

test("slugs too large for 128 bits plus a tag are refused early, however long", (t) => {
  const max = TaggedId.fromInt((1n << 128n) - 1n, "Order").toSlug({ prefix: false });
  t.true(TaggedId.fromSlug(max).number === (1n << 128n) - 1n);
  t.throws(() => TaggedId.fromSlug(`${max}0`), { instanceOf: IdError, message: /too large: ids hold at most 128 bits plus a 16-bit tag/ });
  t.throws(() => TaggedId.fromSlug("z".repeat(1_000_000)), { instanceOf: IdError, message: /too large/ });
  // Leading zeros are padding, not size.
  t.true(TaggedId.fromSlug(`a-${"0".repeat(200)}lvgb2h48s4kweqbl`).equals(ACCOUNT));
});

test("bad hex ids are refused: seed's 'aa0000', short, non-hex, too wide", (t) => {
  t.throws(() => TaggedId.fromHex("aa0000"), { instanceOf: IdError, message: /"aa0000" ends in "0000", not a known id tag/ });
  for (const bad of ["", "acc1", "0x1acc1", "xyzacc1", " 1acc1", "1_000acc1"]) {
    t.throws(() => TaggedId.fromHex(bad), { instanceOf: IdError, message: /must be at least 5 hex digits/ }, JSON.stringify(bad));
  }
  t.throws(() => TaggedId.fromHex(`1${"0".repeat(32)}acc1`), { instanceOf: IdError, message: /number wider than 128 bits/ });
  t.true(TaggedId.fromHex(`${"0".repeat(40)}1acc1`).equals(TaggedId.fromInt(1, "Account")));
  t.throws(() => TaggedId.fromHex(10 as unknown as string), { instanceOf: IdError, message: /hex id must be a string, got 10/ });
});

test("seed test_int: negative, non-integer and non-numeric numbers and unknown tags are refused", (t) => {
  t.throws(() => TaggedId.fromInt(-100, "Account"), { instanceOf: IdError, message: /id number -100 is outside 0\.\.2\^128-1/ });
  t.throws(() => TaggedId.fromInt(1n << 128n, "Account"), { instanceOf: IdError, message: /340282366920938463463374607431768211456n is outside 0\.\.2\^128-1/ });
  t.throws(() => TaggedId.fromInt(1.5, "Account"), { instanceOf: IdError, message: /1\.5 is not a safe whole number/ });
  t.throws(() => TaggedId.fromInt(NaN, "Account"), { instanceOf: IdError, message: /NaN is not a safe whole number/ });
  t.throws(() => TaggedId.fromInt(2 ** 53, "Account"), { instanceOf: IdError, message: /pass large ids as a bigint/ });
  t.throws(() => TaggedId.fromInt("foo" as unknown as number, "Account"), { instanceOf: IdError, message: /must be a bigint or a whole number, got "foo"/ });
  t.throws(() => TaggedId.fromInt(1, "invalid-type" as TagName), { instanceOf: IdError, message: /unknown id tag "invalid-type"; expected one of Account, / });
  t.throws(() => TaggedId.fromInt(1, "Market" as TagName), { instanceOf: IdError, message: /unknown id tag "Market"/ });
  const forged: IdTag = { name: "Account", intTag: 1, prefix: "a", hexStr: "0001" };
  t.throws(() => TaggedId.fromInt(1, forged), { instanceOf: IdError, message: /unknown id tag "Account"/ });
});

test("high/low halves outside 64 bits are refused rather than masked", (t) => {
  t.throws(() => TaggedId.fromHighLow(1n << 64n, 0n, "Account"), { instanceOf: IdError, message: /high half 18446744073709551616n must be a bigint in 0\.\.2\^64-1/ });
  t.throws(() => TaggedId.fromHighLow(0n, -1n, "Account"), { instanceOf: IdError, message: /low half -1n/ });
  t.throws(() => TaggedId.fromHighLow(0n, 5 as unknown as bigint, "Account"), { instanceOf: IdError, message: /low half 5 must be a bigint/ });
});

test("bad padding is refused", (t) => {
  for (const pad of [-1, 1.5, 257, NaN]) {
    t.throws(() => ACCOUNT.toHex(pad), { instanceOf: IdError, message: /pad .* must be a whole number from 0 to 256/ });
    t.throws(() => ACCOUNT.toSlug({ pad }), { instanceOf: IdError, message: /from 0 to 256/ });
  }
});

test("parse refuses unprefixed slugs, short hex and the wrong kind", (t) => {
  t.throws(() => TaggedId.parse("lvgb2h48s4kweqbl"), { instanceOf: IdError, message: /neither a prefixed slug .* nor a 32-digit tagged hex id/ });
  t.throws(() => TaggedId.parse("72c6acc1"), { instanceOf: IdError, message: /neither a prefixed slug/ });
  t.throws(() => TaggedId.parse(""), { instanceOf: IdError, message: /neither/ });
  t.throws(() => TaggedId.parse("a-lvgb2h48s4kweqbl", "Event"), { instanceOf: IdError, message: /"a-lvgb2h48s4kweqbl" is of kind Account, expected Event/ });
  t.throws(() => TaggedId.parse("a-lvgb2h48s4kweqbl", "Market" as TagName), { instanceOf: IdError, message: /unknown id tag "Market"/ });
  t.throws(() => TaggedId.parse(undefined as unknown as string), { instanceOf: IdError, message: /id must be a string, got undefined/ });
});
