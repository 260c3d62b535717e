// Which properties each piqi object accepts (piqi's self-specification plus
// its Protocol Buffers extension), as far as they matter to `piqi to-proto`.
// A property missing here is reported as `unknown field`, like piqi does for
// properties it does not know (e.g. `.erlang-name`, or `.deprecated` on a
// record); the `unsupported` ones are real piqi features this converter
// refuses rather than translate wrongly.
import type { ObjectSchema, PropSpec } from "./props.js";

const protobufName: readonly PropSpec[] = [
  { name: "protobuf-name", kind: "string" },
  { name: "proto-name", kind: "string", deprecatedFor: "protobuf-name" },
];

const protobufCustom: readonly PropSpec[] = [
  { name: "protobuf-custom", kind: "string", repeated: true },
  { name: "proto-custom", kind: "string", repeated: true, deprecatedFor: "protobuf-custom" },
];

export const TYPEDEF_KINDS = ["record", "variant", "enum", "alias", "list"] as const;
export type TypedefKind = (typeof TYPEDEF_KINDS)[number];

export const moduleSchema: ObjectSchema = {
  props: [
    { name: "module", kind: "word", positional: true },
    ...TYPEDEF_KINDS.map((name): PropSpec => ({ name, kind: "list", repeated: true })),
    { name: "import", kind: "list", repeated: true },
    { name: "protobuf-package", kind: "string" },
    { name: "proto-package", kind: "string", deprecatedFor: "protobuf-package" },
    ...protobufCustom,
  ],
  unsupported: ["include", "extend", "function", "custom-field"],
};

export const importSchema: ObjectSchema = {
  props: [
    { name: "module", kind: "word", required: true, positional: true },
    { name: "name", kind: "word", positional: true },
  ],
};

export const recordSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", required: true, positional: true },
    { name: "field", kind: "list", repeated: true },
    ...protobufName,
    ...protobufCustom,
  ],
};

export const fieldSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", positional: true },
    { name: "type", kind: "word", positional: true },
    { name: "mode", kind: "mode" },
    { name: "default", kind: "any" },
    { name: "deprecated", kind: "flag" },
    ...protobufName,
    { name: "code", kind: "int", positional: true },
    { name: "protobuf-packed", kind: "flag" },
  ],
};

export const variantSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", required: true, positional: true },
    { name: "option", kind: "list", repeated: true },
    ...protobufName,
    ...protobufCustom,
  ],
  unsupported: ["protobuf-oneof"],
};

export const enumSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", required: true, positional: true },
    { name: "option", kind: "list", repeated: true },
    ...protobufName,
    ...protobufCustom,
    { name: "protobuf-prefix", kind: "string" },
  ],
};

/** Options of variants and enums share one shape; enums then forbid `.type`. */
export const optionSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", positional: true },
    { name: "type", kind: "word", positional: true },
    { name: "deprecated", kind: "flag" },
    ...protobufName,
    { name: "code", kind: "int", positional: true },
  ],
};

export const aliasSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", required: true, positional: true },
    { name: "type", kind: "word", positional: true },
    { name: "piqi-type", kind: "any" },
    ...protobufName,
    { name: "protobuf-type", kind: "string" },
  ],
};

export const listSchema: ObjectSchema = {
  props: [
    { name: "name", kind: "word", required: true, positional: true },
    { name: "type", kind: "word", required: true, positional: true },
    ...protobufName,
    ...protobufCustom,
    { name: "protobuf-packed", kind: "flag" },
  ],
};
