import test from "ava";
import { ID_TAGS, TaggedId, tagByIntTag, tagByName, tagByPrefix } from "../../runtime/ids/index.js";

/** The seed's TAGS: name, 16-bit tag, slug prefix. */
const SEED_TAGS: [string, number, string][] = [
  ["Account", 0xacc1, "a"],
  ["ContractGroup", 0xc024, "m"],
  ["Contract", 0xcccc, "c"],
  ["Order", 0xfff0, "o"],
  ["Comment", 0xb1a4, "b"],
  ["Entity", 0x0444, "n"],
  ["Event", 0x1100, "e"],
  ["Session", 0x9999, "s"],
  ["User", 0x0f00, "u"],
  ["Referrer", 0x4e4e, "r"],
];

test("the ten tags, their 16-bit values and prefixes are the seed's", (t) => {
  t.deepEqual(
    ID_TAGS.map((tag) => [tag.name, tag.intTag, tag.prefix]),
    SEED_TAGS,
  );
  t.true(Object.isFrozen(ID_TAGS));
  for (const tag of ID_TAGS) t.true(Object.isFrozen(tag));
});

test("hexStr is always 4 lowercase digits, zero-padded", (t) => {
  for (const tag of ID_TAGS) t.regex(tag.hexStr, /^[0-9a-f]{4}$/);
  t.is(tagByName("Entity")!.hexStr, "0444");
  t.is(tagByName("User")!.hexStr, "0f00");
  t.is(tagByName("Account")!.hexStr, "acc1");
});

test("seed test_uuid_tag: Account is 44225, hex acc1, prefix a; tagging 8 gives 0x8acc1", (t) => {
  const account = tagByName("Account")!;
  t.is(account.intTag, 44225);
  t.is(account.prefix, "a");
  const id = TaggedId.fromInt(8, account);
  t.is(id.tagged, 0x8acc1n);
  t.is(id.tagged >> 16n, 8n);
  t.is(Number(id.tagged & 0xffffn), account.intTag);
});

test("tags are found by name, prefix and 16-bit value, and unknowns are undefined", (t) => {
  for (const tag of ID_TAGS) {
    t.is(tagByName(tag.name), tag);
    t.is(tagByPrefix(tag.prefix), tag);
    t.is(tagByIntTag(tag.intTag), tag);
  }
  t.is(tagByName("Market"), undefined);
  t.is(tagByName("account"), undefined);
  t.is(tagByPrefix("z"), undefined);
  t.is(tagByIntTag(0), undefined);
});
