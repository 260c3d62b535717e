// Checks on definitions as written, before types are resolved (piqi's
// check_def): valid names, fields with a name or a type, flags, defaults.
import { fail, quote, type Pos } from "./errors.js";
import { isValidPiqiName } from "./names.js";
import type { Located } from "./props.js";
import type { DefSpec, FieldSpec, OptionSpec } from "./spec.js";

function checkName(name: Located<string> | undefined): void {
  if (name && !isValidPiqiName(name.value)) fail(name.pos, `invalid name: ${quote(name.value)}`);
}

/** A type name is a piqi name, optionally qualified by an import name: `eto/payload`. */
function checkTypeName(type: Located<string> | undefined): void {
  if (!type) return;
  const slash = type.value.lastIndexOf("/");
  const importName = slash >= 0 ? type.value.slice(0, slash) : undefined;
  const local = type.value.slice(slash + 1);
  if (!isValidPiqiName(local) || (importName !== undefined && !isValidPiqiName(importName))) {
    fail(type.pos, `invalid type name: ${quote(type.value)}`);
  }
}

function checkField(field: FieldSpec): void {
  checkName(field.name);
  checkTypeName(field.type);
  if (!field.name && !field.type) fail(field.pos, "name or type must be specified for a field");
  if (field.name && !field.type) {
    // A field with a name and no type is a flag: present or absent.
    if (field.mode !== "optional") fail(field.pos, "flags must be optional");
    if (field.default) fail(field.pos, "flags may not specify default");
  }
  if (field.default && field.mode !== "optional") {
    fail(field.default.pos, "default values may only be specified for optional fields");
  }
}

function checkVariantOption(option: OptionSpec): void {
  checkName(option.name);
  checkTypeName(option.type);
  if (!option.name && !option.type) fail(option.pos, "name or type must be specified for an option");
}

function checkEnumOption(option: OptionSpec): void {
  if (!option.name) fail(option.pos, "enum options must specify name");
  if (option.type) fail(option.type.pos, "enum options must not specify type");
  checkName(option.name);
}

function requireOptions(kind: string, name: string, options: readonly OptionSpec[], pos: Pos): void {
  if (options.length === 0) fail(pos, `${kind} ${quote(name)} doesn't specify any options`);
}

export function checkDef(def: DefSpec): void {
  checkName(def.name);
  switch (def.kind) {
    case "record":
      def.fields.forEach(checkField);
      return;
    case "variant":
      requireOptions("variant", def.name.value, def.options, def.pos);
      def.options.forEach(checkVariantOption);
      return;
    case "enum":
      requireOptions("enum", def.name.value, def.options, def.pos);
      def.options.forEach(checkEnumOption);
      return;
    case "alias":
      checkTypeName(def.type);
      if (!def.type && !def.piqiType) fail(def.pos, `alias ${quote(def.name.value)} must specify either piqi-type or type`);
      return;
    case "list":
      checkTypeName(def.type);
      return;
  }
}
