import test from "ava";
import { ID_TAGS, TaggedId } from "../../runtime/ids/index.js";

// The seed's own example: an Account id whose number spans both 64-bit halves.
const NUMBER = 73786976294838235846n;
const SLUG = "a-lvgb2h48s4kweqbl";
const HEX = "00000000000400000000000072c6acc1";

test("seed test_uuid_high_low and test_uuid_shorthex", (t) => {
  const id = TaggedId.fromInt(NUMBER, "Account");
  t.is(id.high, 4n);
  t.is(id.low, 29382n);
  t.is(id.shorthex, "400000000000072c6");
  const small = TaggedId.fromInt(5, "Account");
  t.is(small.high, 0n);
  t.is(small.low, 5n);
  t.is(small.shorthex, "5");
});

test("seed test_slug and test_slugs_without_prefix", (t) => {
  const id = TaggedId.fromInt(NUMBER, "Account");
  t.is(id.toSlug(), SLUG);
  t.is(id.toSlug({ base: 16 }).slice(2), id.toHex().replace(/^0+/, ""));
  t.true(TaggedId.fromSlug(SLUG).equals(id));
  t.true(TaggedId.fromSlug("lvgb2h48s4kweqbl").equals(id));
  t.is(id.toSlug({ prefix: false }), "lvgb2h48s4kweqbl");
  t.is(String(id), SLUG);
});

test("seed test_hex", (t) => {
  const id = TaggedId.fromInt(NUMBER, "Account");
  t.is(id.toHex(), HEX);
  t.is(id.shorthex, HEX.replace(/^0+/, "").slice(0, -4));
  t.is(id.toHex(0).slice(0, -4), id.shorthex);
  t.true(TaggedId.fromHex(HEX).equals(id));
});

test("seed test_int: from the number or from its (high, low) halves", (t) => {
  const id = TaggedId.fromInt(NUMBER, "Account");
  t.is(id.number, NUMBER);
  t.is(id.tag.name, "Account");
  t.true(TaggedId.fromHighLow(4n, 29382n, "Account").equals(id));
});

test("seed test_int_roundtrip: 1..999 and (high, low) pairs through hex and slug", (t) => {
  for (let i = 1; i < 1000; i++) {
    const id = TaggedId.fromInt(i, "Account");
    const viaHex = TaggedId.fromHex(id.toHex());
    const viaSlug = TaggedId.fromSlug(id.toSlug());
    if (viaHex.number !== BigInt(i) || viaHex.tag.name !== "Account") t.fail(`hex ${i}`);
    if (viaSlug.number !== BigInt(i) || viaSlug.tag.name !== "Account") t.fail(`slug ${i}`);
  }
  for (let high = 1n; high < 10n; high++) {
    for (let low = 1n; low < 10n; low++) {
      const id = TaggedId.fromSlug(TaggedId.fromHighLow(high, low, "Account").toSlug());
      t.deepEqual([id.high, id.low], [high, low]);
    }
  }
});

test("seed test_uuid_roundtrip: 32-digit Account hex strings survive hex → slug → hex", (t) => {
  for (let i = 1; i < 1000; i++) {
    const hex = `${i.toString(16)}acc1`.padStart(32, "0");
    const id = TaggedId.fromHex(hex);
    if (id.tag.name !== "Account" || id.number !== BigInt(i)) t.fail(hex);
    if (TaggedId.fromInt(id.number, id.tag.name).toHex() !== hex) t.fail(`int ${hex}`);
    if (TaggedId.fromSlug(id.toSlug()).toHex() !== hex) t.fail(`slug ${hex}`);
  }
  t.pass();
});

test("seed test_uid_or_int_to_int: parse checks the expected kind", (t) => {
  const hex = TaggedId.fromInt(5454, "Contract").toHex();
  t.is(TaggedId.parse(hex, "Contract").number, 5454n);
  t.is(TaggedId.parse(hex).tag.name, "Contract");
});

test("parse detects the spelling: prefixed slug or 32+ digit tagged hex", (t) => {
  t.true(TaggedId.parse(SLUG).equals(TaggedId.fromInt(NUMBER, "Account")));
  t.true(TaggedId.parse(` ${HEX} `).equals(TaggedId.fromInt(NUMBER, "Account")));
  t.true(TaggedId.parse(HEX.toUpperCase()).equals(TaggedId.fromInt(NUMBER, "Account")));
  const order = TaggedId.fromInt(123456789n, "Order");
  t.true(TaggedId.parse(order.toSlug()).equals(order));
  t.true(TaggedId.parse(order.toHex()).equals(order));
});

test("slugs in bases up to 36 ignore case; above 36 case matters", (t) => {
  const id = TaggedId.fromInt(NUMBER, "Account");
  t.true(TaggedId.fromSlug(SLUG.toUpperCase()).equals(id));
  const b62 = id.toSlug({ base: 62 });
  t.true(TaggedId.fromSlug(b62, 62).equals(id));
  const digits = b62.slice(2);
  const swapped = digits.replace(/[a-zA-Z]/g, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  t.not(swapped, digits);
  // Swapping case spells another number: either its tag is unknown or it is another id.
  let other: TaggedId | undefined;
  try {
    other = TaggedId.fromSlug(swapped, 62);
  } catch {
    other = undefined;
  }
  t.false(other?.equals(id) ?? false);
  t.throws(() => TaggedId.fromSlug(`A-${digits}`, 62), { message: /prefix "A"/ });
});

test("padding pads the number part of slugs and the whole hex", (t) => {
  const id = TaggedId.fromInt(1, "Event");
  t.is(id.toHex(), "00000000000000000000000000011100");
  t.is(id.toHex(8), "00011100");
  t.is(id.toHex(0), "11100");
  t.is(id.toSlug({ base: 16, pad: 8 }), "e-00011100");
  t.is(id.toSlug({ base: 16, pad: 2 }), "e-11100");
  t.true(TaggedId.fromSlug("e-00011100", 16).equals(id));
});

test("the extremes 0 and 2^128-1 work for every tag", (t) => {
  const max = (1n << 128n) - 1n;
  for (const tag of ID_TAGS) {
    for (const number of [0n, max]) {
      const id = TaggedId.fromInt(number, tag.name);
      t.true(TaggedId.fromSlug(id.toSlug()).equals(id));
      t.true(TaggedId.fromSlug(id.toSlug({ base: 2 }), 2).equals(id));
      t.true(TaggedId.fromHex(id.toHex()).equals(id));
      t.true(TaggedId.fromHighLow(id.high, id.low, tag).equals(id));
    }
  }
  t.is(TaggedId.fromInt((1n << 128n) - 1n, "User").toHex(), `${"f".repeat(32)}0f00`);
  t.is(TaggedId.fromInt(0, "Entity").toSlug({ base: 16 }), "n-444");
});

test("ids are immutable values compared by number and tag", (t) => {
  const id = TaggedId.fromInt(42, "Order");
  t.true(Object.isFrozen(id));
  t.throws(() => {
    (id as unknown as { number: bigint }).number = 1n;
  }, { instanceOf: TypeError });
  t.is(id.number, 42n);
  t.true(id.equals(TaggedId.fromInt(42n, "Order")));
  t.false(id.equals(TaggedId.fromInt(43, "Order")));
  t.false(id.equals(TaggedId.fromInt(42, "Contract")));
});
