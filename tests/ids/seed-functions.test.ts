// The seed's module functions (smarkets.uuid) under their camelCase names:
// one test per row of the README's "seed function → call here" table.
import test from "ava";
import {
  accountIdToUid,
  contractGroupIdToUid,
  contractIdToUid,
  entityIdToUid,
  eventIdToUid,
  IdError,
  intToSlug,
  intToUuid,
  orderIdToUid,
  sessionIdToUid,
  slugToInt,
  slugToUuid,
  TaggedId,
  uidOrIntToInt,
  userIdToUid,
  uuidToInt,
  uuidToShort,
  uuidToSlug,
  type TagName,
} from "../../runtime/ids/index.js";

// The account of the README: number 0x400000000000072c6 = 2^66 + 29382 (high 4, low 29382), tag acc1.
const ACCOUNT_HEX = "00000000000400000000000072c6acc1";
const ACCOUNT_SLUG = "a-lvgb2h48s4kweqbl";
const ACCOUNT_NUMBER = 73786976294838235846n;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const assertType = <T extends true>(): T => true as T;
// The options pick the result's type, as the seed's return_tag and split pick its shape.
assertType<Equal<ReturnType<typeof slugToInt<false, undefined>>, bigint>>();
assertType<Equal<ReturnType<typeof slugToInt<true, undefined>>, [high: bigint, low: bigint]>>();
assertType<Equal<ReturnType<typeof slugToInt<false, "type">>, [bigint, TagName]>>();
assertType<Equal<ReturnType<typeof uuidToInt<true, "int">>, [[high: bigint, low: bigint], number]>>();

test("uuid_to_slug(uuid, prefix) → uuidToSlug(uuid, prefix)", (t) => {
  t.is(uuidToSlug(ACCOUNT_HEX), ACCOUNT_SLUG);
  t.is(uuidToSlug(ACCOUNT_HEX, false), "lvgb2h48s4kweqbl");
  t.is(uuidToSlug("1fff0"), "o-2t4g", "a short hex id, as the seed reads it");
});

test("slug_to_uuid(slug) → slugToUuid(slug)", (t) => {
  t.is(slugToUuid(ACCOUNT_SLUG), ACCOUNT_HEX);
  t.is(slugToUuid("LVGB2H48S4KWEQBL"), ACCOUNT_HEX, "unprefixed and any case, as the seed");
});

test("int_to_slug(number, ttype) → intToSlug(number, type), the number also as (high, low)", (t) => {
  t.is(intToSlug(12345n, "Order"), "o-ddpzao");
  t.is(intToSlug(12345, "Order"), "o-ddpzao");
  t.is(intToSlug([4n, 29382n], "Account"), ACCOUNT_SLUG);
});

test("slug_to_int(slug, return_tag, split) → slugToInt(slug, { returnTag, split })", (t) => {
  t.is(slugToInt("o-ddpzao"), 12345n);
  t.deepEqual(slugToInt("o-ddpzao", { returnTag: "type" }), [12345n, "Order"]);
  t.deepEqual(slugToInt("o-ddpzao", { returnTag: "int" }), [12345n, 0xfff0]);
  t.deepEqual(slugToInt(ACCOUNT_SLUG, { split: true }), [4n, 29382n]);
  t.deepEqual(slugToInt(ACCOUNT_SLUG, { split: true, returnTag: "type" }), [[4n, 29382n], "Account"]);
  t.is(slugToInt(ACCOUNT_SLUG, { split: false }), ACCOUNT_NUMBER);
  t.throws(() => slugToInt("o-ddpzao", { returnTag: "name" as "type" }), { instanceOf: IdError, message: /returnTag must be "type", "int" or absent, got "name"/ });
});

test("int_to_uuid(number, ttype) → intToUuid(number, type)", (t) => {
  t.is(intToUuid(ACCOUNT_NUMBER, "Account"), ACCOUNT_HEX);
  t.is(intToUuid(0, "Entity"), "00000000000000000000000000000444");
});

test("uuid_to_int(uuid, return_tag, split) → uuidToInt(uuid, { returnTag, split })", (t) => {
  t.is(uuidToInt(ACCOUNT_HEX), ACCOUNT_NUMBER);
  t.deepEqual(uuidToInt(ACCOUNT_HEX, { returnTag: "type" }), [ACCOUNT_NUMBER, "Account"]);
  t.deepEqual(uuidToInt(ACCOUNT_HEX, { returnTag: "int", split: true }), [[4n, 29382n], 0xacc1]);
});

test("uid_or_int_to_int(value, expected_type) → uidOrIntToInt(value, expectedType)", (t) => {
  t.is(uidOrIntToInt(12345, "Order"), 12345n, "a number is the id itself");
  t.is(uidOrIntToInt(12345n, "Order"), 12345n);
  t.is(uidOrIntToInt(ACCOUNT_HEX, "Account"), ACCOUNT_NUMBER);
  t.is(uidOrIntToInt(ACCOUNT_SLUG, "Account"), ACCOUNT_NUMBER, "a prefixed slug too");
  t.throws(() => uidOrIntToInt(ACCOUNT_HEX, "Order"), { instanceOf: IdError, message: /is of kind Account, expected Order/ });
  t.throws(() => uidOrIntToInt(ACCOUNT_HEX, "Market" as TagName), { instanceOf: IdError, message: /unknown id tag "Market"/ });
});

test("uuid_to_short(uuid) → uuidToShort(uuid): no tag, no leading zeros, \"\" for 0", (t) => {
  t.is(uuidToShort(ACCOUNT_HEX), "400000000000072c6");
  t.is(uuidToShort(intToUuid(0, "Account")), "");
  t.is(uuidToShort("0acc1"), "");
  t.is(uuidToShort("00000000000000000000000000FFacc1"), "FF", "the digits as written");
  t.is(uuidToShort(TaggedId.fromInt(0x2an, "Order")), "2a");
  t.throws(() => uuidToShort("not an id"), { instanceOf: IdError, message: /hex id "not an id" must be at least 5 hex digits/ });
});

test("*_id_to_uid(id) → <kind>IdToUid(id): the tagged hex id of each kind", (t) => {
  const cases: [(id: bigint) => string, string][] = [
    [contractGroupIdToUid, "c024"],
    [contractIdToUid, "cccc"],
    [eventIdToUid, "1100"],
    [orderIdToUid, "fff0"],
    [accountIdToUid, "acc1"],
    [entityIdToUid, "0444"],
    [userIdToUid, "0f00"],
    [sessionIdToUid, "9999"],
  ];
  for (const [toUid, tag] of cases) t.is(toUid(0x1234n), `${"1234".padStart(28, "0")}${tag}`, toUid.name);
  t.is(contractIdToUid([7n, 9n]), "0000000000070000000000000009cccc", "(high, low) as in the seed");
});
