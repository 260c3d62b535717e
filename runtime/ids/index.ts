// Public API of the ids module: Smarkets' tagged 128-bit ids and their
// number, hex and slug spellings. A port of smk_python_sdk's smarkets.uuid.

export { IdError } from "./errors.js";
export { type TagName, type IdTag, ID_TAGS, tagByName, tagByPrefix, tagByIntTag } from "./tags.js";
export { SLUG_ALPHABET, MIN_BASE, MAX_BASE } from "./base-n.js";
export { TaggedId, type SlugOptions, MAX_ID_NUMBER } from "./tagged-id.js";
export {
  type IdNumber,
  type IntOptions,
  type IntResult,
  type ReturnTag,
  intToUuid,
  intToSlug,
  uuidToSlug,
  slugToUuid,
  slugToInt,
  uuidToInt,
  uidOrIntToInt,
  uuidToShort,
  contractGroupIdToUid,
  contractIdToUid,
  eventIdToUid,
  orderIdToUid,
  accountIdToUid,
  entityIdToUid,
  userIdToUid,
  sessionIdToUid,
} from "./seed-functions.js";
