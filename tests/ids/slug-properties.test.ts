// Round trips for every tag, any 128-bit number, any base, prefix and padding.
import test from "ava";
import fc from "fast-check";
import { ok, strictEqual } from "node:assert/strict";
import { ID_TAGS, MAX_BASE, MIN_BASE, SLUG_ALPHABET, TaggedId } from "../../runtime/ids/index.js";

const anyNumber = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n });
const anyTag = fc.constantFrom(...ID_TAGS);
const anyBase = fc.integer({ min: MIN_BASE, max: MAX_BASE });

test("property: int → slug → int for every tag, base, prefix choice and padding", (t) => {
  const prop = fc.property(anyNumber, anyTag, anyBase, fc.boolean(), fc.integer({ min: 0, max: 160 }), (number, tag, base, prefix, pad) => {
    const id = TaggedId.fromInt(number, tag);
    const slug = id.toSlug({ base, prefix, pad });
    const digits = prefix ? slug.slice(2) : slug;
    if (prefix) strictEqual(slug.slice(0, 2), `${tag.prefix}-`);
    ok(digits.length >= pad);
    ok([...digits].every((c) => SLUG_ALPHABET.indexOf(c) >= 0 && SLUG_ALPHABET.indexOf(c) < base));
    const back = TaggedId.fromSlug(slug, base);
    strictEqual(back.number, number);
    strictEqual(back.tag, tag);
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 1000 }));
});

test("property: int → hex → int, and the hex is the number then the tag", (t) => {
  const prop = fc.property(anyNumber, anyTag, (number, tag) => {
    const id = TaggedId.fromInt(number, tag);
    const hex = id.toHex();
    ok(hex.length >= 32);
    strictEqual(hex.slice(-4), tag.hexStr);
    strictEqual(BigInt(`0x${hex}`), (number << 16n) + BigInt(tag.intTag));
    ok(TaggedId.fromHex(hex).equals(id));
    ok(TaggedId.fromHex(id.toHex(0)).equals(id));
    ok(TaggedId.parse(hex).equals(id));
    ok(TaggedId.parse(id.toSlug()).equals(id));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 1000 }));
});

test("property: high and low are the 64-bit halves and rebuild the id", (t) => {
  const prop = fc.property(anyNumber, anyTag, (number, tag) => {
    const id = TaggedId.fromInt(number, tag);
    ok(id.high >= 0n && id.high < 1n << 64n);
    ok(id.low >= 0n && id.low < 1n << 64n);
    strictEqual((id.high << 64n) + id.low, number);
    ok(TaggedId.fromHighLow(id.high, id.low, tag.name).equals(id));
    strictEqual(id.shorthex, number.toString(16));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 500 }));
});

test("property: the base-36 slug is the tagged number in base 36, and base 16 is the hex", (t) => {
  const prop = fc.property(anyNumber, anyTag, (number, tag) => {
    const id = TaggedId.fromInt(number, tag);
    strictEqual(id.toSlug({ prefix: false }), id.tagged.toString(36));
    // (toHex writes number 0 as "0" before the tag, as the seed does; the slug has no leading zeros.)
    strictEqual(id.toSlug({ prefix: false, base: 16 }), id.toHex(0).replace(/^0+/, ""));
    // Bases up to 36 ignore case on the way in.
    ok(TaggedId.fromSlug(id.toSlug().toUpperCase()).equals(id));
  });
  t.notThrows(() => fc.assert(prop, { numRuns: 500, examples: [[0n, ID_TAGS[0]!]] }));
});
