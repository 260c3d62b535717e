// A Smarkets id: a number plus the kind of thing it names. The same id has
// three spellings: the bare number (as the API sends it), the tagged hex
// string ("00000000000400000000000072c6acc1", number then 4-digit tag), and
// the friendly slug ("a-lvgb2h48s4kweqbl", prefix then the tagged number in
// base 36). The tagged number is number × 2^16 + tag.

import { checkBase, decodeBaseN, encodeBaseN } from "./base-n.js";
import { IdError, show } from "./errors.js";
import { resolveTag, tagByIntTag, tagByPrefix, type IdTag, type TagName } from "./tags.js";

const TAG_BITS = 16n;
const TAG_MASK = (1n << TAG_BITS) - 1n;
const MASK64 = (1n << 64n) - 1n;
/** Ids are 128-bit numbers: high and low halves of 64 bits each. */
export const MAX_ID_NUMBER = (1n << 128n) - 1n;
const MAX_TAGGED = (MAX_ID_NUMBER << TAG_BITS) | TAG_MASK;
/** Longest padding toSlug/toHex will produce; far beyond any real use. */
const MAX_PAD = 256;

export interface SlugOptions {
  /** Start with the tag's letter and "-", e.g. "a-". Default true. */
  prefix?: boolean;
  /** Base 2..62 in the seed's alphabet (0-9, a-z, A-Z). Default 36. */
  base?: number;
  /** Left-pad the number part with "0" to this many characters. Default 0. */
  pad?: number;
}

function checkNumber(input: unknown, what: string): bigint {
  if (typeof input === "number" && !Number.isSafeInteger(input)) {
    throw new IdError(`${what} ${show(input)} is not a safe whole number; pass large ids as a bigint`, input);
  }
  if (typeof input !== "number" && typeof input !== "bigint") {
    throw new IdError(`${what} must be a bigint or a whole number, got ${show(input)}`, input);
  }
  const number = BigInt(input);
  if (number < 0n || number > MAX_ID_NUMBER) throw new IdError(`${what} ${show(input)} is outside 0..2^128-1`, input);
  return number;
}

function checkPad(pad: unknown): number {
  if (typeof pad !== "number" || !Number.isSafeInteger(pad) || pad < 0 || pad > MAX_PAD) {
    throw new IdError(`pad ${show(pad)} must be a whole number from 0 to ${MAX_PAD}`, pad);
  }
  return pad;
}

function checkString(text: unknown, what: string): string {
  if (typeof text !== "string") throw new IdError(`${what} must be a string, got ${show(text)}`, text);
  return text;
}

/**
 * An immutable tagged id. Seed: Uuid (a namedtuple of number and tag); the
 * name here avoids suggesting an RFC 4122 UUID, which it is not.
 */
export class TaggedId {
  private constructor(
    /** The untagged id, 0..2^128-1: what the API calls the id. */
    readonly number: bigint,
    readonly tag: IdTag,
  ) {
    Object.freeze(this);
  }

  /** An id from its number and kind. Seed: Uuid.from_int(number, ttype). */
  static fromInt(number: bigint | number, tag: IdTag | TagName): TaggedId {
    return new TaggedId(checkNumber(number, "id number"), resolveTag(tag));
  }

  /** An id from its 64-bit halves. Seed: Uuid.from_int((high, low), ttype). */
  static fromHighLow(high: bigint, low: bigint, tag: IdTag | TagName): TaggedId {
    for (const [half, name] of [[high, "high"], [low, "low"]] as const) {
      // The seed masks each half to 64 bits; a wider half is a caller's bug, so refuse it instead.
      if (typeof half !== "bigint" || half < 0n || half > MASK64) {
        throw new IdError(`${name} half ${show(half)} must be a bigint in 0..2^64-1`, half);
      }
    }
    return new TaggedId((high << 64n) | low, resolveTag(tag));
  }

  /**
   * Reads a slug, with or without its prefix ("a-lvgb2h48s4kweqbl" or
   * "lvgb2h48s4kweqbl"); the kind comes from the tag in the number, and a
   * prefix must agree with it. Bases up to 36 ignore case, as in the seed.
   * Seed: Uuid.from_slug(slug, base). Stricter than the seed: a lone "-"
   * split needs a non-empty prefix and number, and a bad character is an
   * IdError rather than a KeyError.
   */
  static fromSlug(slug: string, base = 36): TaggedId {
    checkString(slug, "slug");
    checkBase(base);
    const text = base <= 36 ? slug.toLowerCase() : slug;
    const parts = text.split("-");
    if (parts.length > 2 || parts.some((p) => p === "")) {
      throw new IdError(`slug ${show(slug)} must be "<digits>" or "<prefix>-<digits>"`, slug);
    }
    const digits = parts[parts.length - 1]!;
    const prefix = parts.length === 2 ? parts[0] : undefined;
    const tagged = decodeBaseN(digits, base, MAX_TAGGED, slug);
    const tag = tagByIntTag(Number(tagged & TAG_MASK));
    if (tag === undefined) {
      throw new IdError(`slug ${show(slug)} carries tag 0x${(tagged & TAG_MASK).toString(16)}, not a known id tag`, slug);
    }
    if (prefix !== undefined && tagByPrefix(prefix) !== tag) {
      throw new IdError(`slug ${show(slug)} has prefix ${show(prefix)} but its tag is ${tag.name} ("${tag.prefix}")`, slug);
    }
    return new TaggedId(tagged >> TAG_BITS, tag);
  }

  /**
   * Reads a tagged hex string: the number's hex digits then the 4-digit tag,
   * usually zero-padded to 32 digits. Any case. Seed: Uuid.from_hex; stricter
   * in accepting hex digits only (no "0x", spaces or underscores).
   */
  static fromHex(hex: string): TaggedId {
    checkString(hex, "hex id");
    if (!/^[0-9a-f]{5,}$/i.test(hex)) {
      throw new IdError(`hex id ${show(hex)} must be at least 5 hex digits: the number, then a 4-digit tag`, hex);
    }
    const tagHex = hex.slice(-4).toLowerCase();
    const tag = tagByIntTag(parseInt(tagHex, 16));
    if (tag === undefined) throw new IdError(`hex id ${show(hex)} ends in ${show(tagHex)}, not a known id tag`, hex);
    const numberHex = hex.slice(0, -4).replace(/^0+(?=.)/, "");
    if (numberHex.length > 32) throw new IdError(`hex id ${show(hex)} has a number wider than 128 bits`, hex);
    return new TaggedId(BigInt(`0x${numberHex}`), tag);
  }

  /**
   * Reads an id in either spelling a user is likely to paste: a prefixed
   * slug ("a-lvgb2h48s4kweqbl", base 36) or a tagged hex string of at least
   * 32 digits. An unprefixed slug is refused here, as it could be mistaken
   * for hex; use fromSlug for those. With `expected`, the id must be of that
   * kind (seed: uid_or_int_to_int's check).
   */
  static parse(text: string, expected?: IdTag | TagName): TaggedId {
    checkString(text, "id");
    const trimmed = text.trim();
    let id: TaggedId;
    if (trimmed.includes("-")) id = TaggedId.fromSlug(trimmed);
    else if (/^[0-9a-f]{32,}$/i.test(trimmed)) id = TaggedId.fromHex(trimmed);
    else {
      throw new IdError(`id ${show(text)} is neither a prefixed slug ("a-lvgb2h48s4kweqbl") nor a 32-digit tagged hex id`, text);
    }
    if (expected !== undefined) {
      const want = resolveTag(expected);
      if (id.tag !== want) throw new IdError(`id ${show(text)} is of kind ${id.tag.name}, expected ${want.name}`, text);
    }
    return id;
  }

  /** Bits 64..127 of the number. Seed: Uuid.high. */
  get high(): bigint {
    return (this.number >> 64n) & MASK64;
  }

  /** Bits 0..63 of the number. Seed: Uuid.low. */
  get low(): bigint {
    return this.number & MASK64;
  }

  /** The number in lowercase hex, unpadded and untagged. Seed: Uuid.shorthex. */
  get shorthex(): string {
    return this.number.toString(16);
  }

  /** number × 2^16 + tag: what the slug and hex spell. Seed: UuidTag.tag_number. */
  get tagged(): bigint {
    return (this.number << TAG_BITS) | BigInt(this.tag.intTag);
  }

  /** The slug, e.g. "a-lvgb2h48s4kweqbl". Seed: Uuid.to_slug(prefix, base, pad). */
  toSlug({ prefix = true, base = 36, pad = 0 }: SlugOptions = {}): string {
    checkBase(base);
    const digits = encodeBaseN(this.tagged, base).padStart(checkPad(pad), "0");
    return prefix ? `${this.tag.prefix}-${digits}` : digits;
  }

  /** The tagged hex string, left-padded with zeros to `pad` digits (default 32). Seed: Uuid.to_hex. */
  toHex(pad = 32): string {
    return `${this.shorthex}${this.tag.hexStr}`.padStart(checkPad(pad), "0");
  }

  equals(other: TaggedId): boolean {
    return other instanceof TaggedId && other.number === this.number && other.tag === this.tag;
  }

  /** The prefixed base-36 slug, the spelling users see. */
  toString(): string {
    return this.toSlug();
  }
}
