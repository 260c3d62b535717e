// The seed's module-level id functions (smarkets.uuid: uuid_to_slug,
// slug_to_int, uid_or_int_to_int, …) under camelCase names, for code ported
// from it. Each is a one-liner over TaggedId, as in the seed over Uuid. A
// "uuid" here is what the seed calls one: the tagged hex string
// ("00000000000400000000000072c6acc1"), not an RFC 4122 UUID.
//
// Where the seed would answer garbage for garbage (uuid_to_short slices any
// string) or fail with a KeyError, these throw IdError naming the input.

import { IdError, show } from "./errors.js";
import { TaggedId } from "./tagged-id.js";
import { resolveTag, type IdTag, type TagName } from "./tags.js";

/** An id number: a bigint, a safe whole number, or its 64-bit halves [high, low] (seed: a tuple). */
export type IdNumber = bigint | number | readonly [high: bigint, low: bigint];

/** slug_to_int / uuid_to_int options: `split` gives [high, low]; `returnTag` adds the tag's name ("type") or number ("int"). */
export interface IntOptions<S extends boolean = boolean, R extends ReturnTag | undefined = ReturnTag | undefined> {
  split?: S;
  returnTag?: R;
}
export type ReturnTag = "type" | "int";

type Num<S> = S extends true ? [high: bigint, low: bigint] : bigint;
/** What slugToInt / uuidToInt return for the options given. */
export type IntResult<S, R> = R extends "type" ? [Num<S>, TagName] : R extends "int" ? [Num<S>, number] : Num<S>;

function fromNumber(number: IdNumber, type: IdTag | TagName): TaggedId {
  if (Array.isArray(number)) {
    const [high, low] = number as readonly [bigint, bigint];
    return TaggedId.fromHighLow(high, low, type);
  }
  return TaggedId.fromInt(number as bigint | number, type);
}

function toInt<S extends boolean, R extends ReturnTag | undefined>(id: TaggedId, options: IntOptions<S, R> | undefined): IntResult<S, R> {
  const { split, returnTag } = options ?? {};
  if (split !== undefined && typeof split !== "boolean") throw new IdError(`split must be true or false, got ${show(split)}`, split);
  if (returnTag !== undefined && returnTag !== "type" && returnTag !== "int") {
    throw new IdError(`returnTag must be "type", "int" or absent, got ${show(returnTag)}`, returnTag);
  }
  const number = split === true ? [id.high, id.low] : id.number;
  if (returnTag === "type") return [number, id.tag.name] as IntResult<S, R>;
  if (returnTag === "int") return [number, id.tag.intTag] as IntResult<S, R>;
  return number as IntResult<S, R>;
}

/** The tagged hex id of a number. Seed: int_to_uuid(number, ttype). */
export function intToUuid(number: IdNumber, type: IdTag | TagName): string {
  return fromNumber(number, type).toHex();
}

/** The prefixed base-36 slug of a number. Seed: int_to_slug(number, ttype). */
export function intToSlug(number: IdNumber, type: IdTag | TagName): string {
  return fromNumber(number, type).toSlug();
}

/** The slug of a tagged hex id, prefixed unless `prefix` is false. Seed: uuid_to_slug(uuid, prefix). */
export function uuidToSlug(uuid: string, prefix = true): string {
  return TaggedId.fromHex(uuid).toSlug({ prefix });
}

/** The tagged hex id (32 digits) of a slug. Seed: slug_to_uuid(slug). */
export function slugToUuid(slug: string): string {
  return TaggedId.fromSlug(slug).toHex();
}

/**
 * The number a slug names, or [high, low] with `split`; with `returnTag` a
 * pair of that and the tag's name ("type") or number ("int").
 * Seed: slug_to_int(slug, return_tag, split).
 * @example slugToInt("o-ddpzao", { returnTag: "type" }) // [12345n, "Order"]
 */
export function slugToInt<S extends boolean = false, R extends ReturnTag | undefined = undefined>(slug: string, options?: IntOptions<S, R>): IntResult<S, R> {
  return toInt(TaggedId.fromSlug(slug), options);
}

/** As slugToInt, for a tagged hex id. Seed: uuid_to_int(uuid, return_tag, split). */
export function uuidToInt<S extends boolean = false, R extends ReturnTag | undefined = undefined>(uuid: string, options?: IntOptions<S, R>): IntResult<S, R> {
  return toInt(TaggedId.fromHex(uuid), options);
}

/**
 * An id number as the API wants it, from either a number (returned as a
 * bigint) or a tagged hex id (or prefixed slug) that must be of kind
 * `expectedType`. Seed: uid_or_int_to_int(value, expected_type).
 */
export function uidOrIntToInt(value: string | bigint | number, expectedType: IdTag | TagName): bigint {
  const expected = resolveTag(expectedType);
  if (typeof value !== "string") return TaggedId.fromInt(value, expected).number;
  const id = value.includes("-") ? TaggedId.fromSlug(value) : TaggedId.fromHex(value);
  if (id.tag !== expected) throw new IdError(`id ${show(value)} is of kind ${id.tag.name}, expected ${expected.name}`, value);
  return id.number;
}

/**
 * A tagged hex id without its tag and leading zeros: the number in hex as
 * the id was written, "" for number 0. Seed: uuid_to_short(uuid).
 * @example uuidToShort("00000000000400000000000072c6acc1") // "400000000000072c6"
 */
export function uuidToShort(uuid: string | TaggedId): string {
  const hex = uuid instanceof TaggedId ? uuid.toHex() : uuid;
  TaggedId.fromHex(hex); // refuses what is not a tagged hex id
  return hex.slice(0, -4).replace(/^0+/, "");
}

/** Seed: contract_group_id_to_uid (a market id's tagged hex id). */
export const contractGroupIdToUid = (id: IdNumber): string => intToUuid(id, "ContractGroup");
/** Seed: contract_id_to_uid. */
export const contractIdToUid = (id: IdNumber): string => intToUuid(id, "Contract");
/** Seed: event_id_to_uid. */
export const eventIdToUid = (id: IdNumber): string => intToUuid(id, "Event");
/** Seed: order_id_to_uid. */
export const orderIdToUid = (id: IdNumber): string => intToUuid(id, "Order");
/** Seed: account_id_to_uid. */
export const accountIdToUid = (id: IdNumber): string => intToUuid(id, "Account");
/** Seed: entity_id_to_uid. */
export const entityIdToUid = (id: IdNumber): string => intToUuid(id, "Entity");
/** Seed: user_id_to_uid. */
export const userIdToUid = (id: IdNumber): string => intToUuid(id, "User");
/** Seed: session_id_to_uid. */
export const sessionIdToUid = (id: IdNumber): string => intToUuid(id, "Session");
