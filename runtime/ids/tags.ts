// The kinds of Smarkets id. Each kind has a 16-bit tag, stored in the low 16
// bits of the tagged number (and so the last 4 hex digits), and a one-letter
// prefix for slugs ("a-…" for an account). Values as the seed defines them.

import { IdError, show } from "./errors.js";

export type TagName =
  | "Account"
  | "ContractGroup"
  | "Contract"
  | "Order"
  | "Comment"
  | "Entity"
  | "Event"
  | "Session"
  | "User"
  | "Referrer";

/** One kind of id. Seed: UuidTag (fields name, int_tag, prefix, hex_str). */
export interface IdTag {
  readonly name: TagName;
  /** The 16-bit tag, e.g. 0xacc1 for Account. */
  readonly intTag: number;
  /** The slug prefix letter, e.g. "a" for Account. */
  readonly prefix: string;
  /** intTag as 4 lowercase hex digits, e.g. "acc1"; "0444" keeps its zero. */
  readonly hexStr: string;
}

function tag(name: TagName, intTag: number, prefix: string): IdTag {
  return Object.freeze({ name, intTag, prefix, hexStr: intTag.toString(16).padStart(4, "0") });
}

/** Every kind of id. ContractGroup is what the API calls a market. Seed: TAGS. */
export const ID_TAGS: readonly IdTag[] = Object.freeze([
  tag("Account", 0xacc1, "a"),
  tag("ContractGroup", 0xc024, "m"),
  tag("Contract", 0xcccc, "c"),
  tag("Order", 0xfff0, "o"),
  tag("Comment", 0xb1a4, "b"),
  tag("Entity", 0x0444, "n"),
  tag("Event", 0x1100, "e"),
  tag("Session", 0x9999, "s"),
  tag("User", 0x0f00, "u"),
  tag("Referrer", 0x4e4e, "r"),
]);

const byName = new Map<string, IdTag>(ID_TAGS.map((t) => [t.name, t]));
const byPrefix = new Map<string, IdTag>(ID_TAGS.map((t) => [t.prefix, t]));
const byIntTag = new Map<number, IdTag>(ID_TAGS.map((t) => [t.intTag, t]));

export function tagByName(name: string): IdTag | undefined {
  return byName.get(name);
}

export function tagByPrefix(prefix: string): IdTag | undefined {
  return byPrefix.get(prefix);
}

export function tagByIntTag(intTag: number): IdTag | undefined {
  return byIntTag.get(intTag);
}

/** The tag for a name or the tag itself; IdError for anything else. */
export function resolveTag(tag: IdTag | TagName): IdTag {
  const name = typeof tag === "string" ? tag : typeof tag === "object" && tag !== null ? tag.name : undefined;
  const found = name === undefined ? undefined : byName.get(name);
  // An IdTag must be one of ours, not a look-alike with other numbers.
  if (found === undefined || (typeof tag === "object" && found !== tag)) {
    throw new IdError(`unknown id tag ${show(name ?? tag)}; expected one of ${ID_TAGS.map((t) => t.name).join(", ")}`, tag);
  }
  return found;
}
