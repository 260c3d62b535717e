// Builds each definition of a module from its spec, in the steps piqi takes
// them (see resolve.ts): link its type names, check its members, number its
// fields or constants, evaluate its defaults. A builder keeps a definition
// and its spec together so each step sees both with their precise types.
import { checkAlias, rejectAliasLoop } from "./alias-checks.js";
import { BUILTIN_OF_KIND } from "./builtins.js";
import { enumCodes, fieldCodes } from "./codes.js";
import { defaultLiteral } from "./defaults.js";
import { fail, formatPos, quote, type Pos } from "./errors.js";
import { lookupType, protoNameOfType } from "./lookup.js";
import { AliasDef, baseType, EnumDef, ListDef, RecordDef, VariantDef, type Def, type Module, type TypeRef } from "./model.js";
import { protoNameOf } from "./names.js";
import type { AliasSpec, DefSpec, EnumSpec, ListSpec, RecordSpec, VariantSpec } from "./spec.js";

export interface DefBuilder {
  readonly def: Def;
  /** Resolves type names; every definition of the module must exist already. */
  link(): void;
  /** Checks members for duplicate names, and aliases for loops and fit. */
  check(): void;
  /** Assigns and checks wire codes; checks packed fields. */
  number(): void;
  /** Evaluates `.default` values. */
  evaluateDefaults(): void;
}

const nothing = (): void => undefined;

function rejectDuplicateNames(what: string, items: readonly { piqiName: string; namePos: Pos }[]): void {
  const first = new Map<string, Pos>();
  for (const item of items) {
    const previous = first.get(item.piqiName);
    if (previous) fail(item.namePos, `duplicate ${what} name ${quote(item.piqiName)} (first defined at ${formatPos(previous)})`);
    first.set(item.piqiName, item.namePos);
  }
}

/** Protobuf packs only scalar numbers, bools and enums. */
function checkPackedType(type: TypeRef, pos: Pos): void {
  const base = baseType(type);
  const packable = base.kind === "builtin" ? base.builtin.kind !== "string" && base.builtin.kind !== "binary" : base.def.kind === "enum";
  if (!packable) fail(pos, "packed representation can be used only for numeric, bool and enum types");
}

function recordBuilder(module: Module, def: RecordDef, spec: RecordSpec): DefBuilder {
  return {
    def,
    link() {
      for (const field of spec.fields) {
        const type = field.type ? lookupType(module, field.type) : undefined;
        const nameSource = (field.name ?? field.type)!; // checkDef: a field has a name or a type
        def.fields.push({
          pos: field.pos,
          piqiName: nameSource.value,
          namePos: nameSource.pos,
          protoName: field.protobufName?.value ?? (field.name ? protoNameOf(field.name.value) : protoNameOfType(type!)),
          protoNamePos: field.protobufName?.pos ?? nameSource.pos,
          type,
          mode: field.mode,
          packed: field.packed,
          code: 0,
          defaultLiteral: undefined,
        });
      }
    },
    check: () => rejectDuplicateNames("field", def.fields),
    number() {
      for (const field of def.fields) {
        if (!field.packed) continue;
        if (field.mode !== "repeated") fail(field.pos, "packed representation can be used only for repeated fields");
        if (field.type) checkPackedType(field.type, field.pos);
      }
      fieldCodes(spec.fields, spec.pos, "fields").forEach((code, k) => (def.fields[k]!.code = code));
    },
    evaluateDefaults() {
      spec.fields.forEach((field, k) => {
        const resolved = def.fields[k]!;
        if (field.default && resolved.type) resolved.defaultLiteral = defaultLiteral(field.default, resolved.type);
      });
    },
  };
}

function variantBuilder(module: Module, def: VariantDef, spec: VariantSpec): DefBuilder {
  return {
    def,
    link() {
      for (const option of spec.options) {
        const type = option.type ? lookupType(module, option.type) : undefined;
        const nameSource = (option.name ?? option.type)!; // checkDef: an option has a name or a type
        def.options.push({
          piqiName: nameSource.value,
          namePos: nameSource.pos,
          protoName: option.protobufName?.value ?? (option.name ? protoNameOf(option.name.value) : protoNameOfType(type!)),
          protoNamePos: option.protobufName?.pos ?? nameSource.pos,
          type,
          code: 0,
        });
      }
    },
    check: () => rejectDuplicateNames("option", def.options),
    number: () => fieldCodes(spec.options, spec.pos, "variant options").forEach((code, k) => (def.options[k]!.code = code)),
    evaluateDefaults: nothing,
  };
}

function enumBuilder(def: EnumDef, spec: EnumSpec): DefBuilder {
  return {
    def,
    link() {
      const prefix = spec.prefix?.value ?? "";
      for (const option of spec.options) {
        const name = option.name!; // checkDef: enum options are named
        def.constants.push({
          piqiName: name.value,
          namePos: name.pos,
          protoName: prefix + (option.protobufName?.value ?? protoNameOf(name.value)),
          protoNamePos: option.protobufName?.pos ?? name.pos,
          code: 0,
        });
      }
    },
    check: () => rejectDuplicateNames("enum option", def.constants),
    number: () => enumCodes(spec.options, spec.pos).forEach((code, k) => (def.constants[k]!.code = code)),
    evaluateDefaults: nothing,
  };
}

function aliasBuilder(module: Module, def: AliasDef, spec: AliasSpec): DefBuilder {
  return {
    def,
    link() {
      // checkDef: an alias has `.type` or `.piqi-type`.
      def.target = spec.type ? lookupType(module, spec.type) : { kind: "builtin", builtin: BUILTIN_OF_KIND[spec.piqiType!.value] };
      def.protobufType = spec.protobufType?.value;
    },
    check() {
      rejectAliasLoop(def);
      checkAlias(def, spec);
    },
    number: nothing,
    evaluateDefaults: nothing,
  };
}

function listBuilder(module: Module, def: ListDef, spec: ListSpec): DefBuilder {
  return {
    def,
    link() {
      def.element = lookupType(module, spec.type);
      def.packed = spec.packed;
    },
    check: nothing,
    number() {
      if (def.packed) checkPackedType(def.element, def.pos);
    },
    evaluateDefaults: nothing,
  };
}

/** A new, empty definition for `spec` with the builder that fills it in. */
export function builderFor(module: Module, spec: DefSpec): DefBuilder {
  const init = {
    module,
    piqiName: spec.name.value,
    protoName: spec.protobufName?.value ?? protoNameOf(spec.name.value),
    pos: spec.pos,
    protoNamePos: spec.protobufName?.pos ?? spec.name.pos,
    custom: spec.custom.map((c) => c.value),
  };
  switch (spec.kind) {
    case "record":
      return recordBuilder(module, new RecordDef(init), spec);
    case "variant":
      return variantBuilder(module, new VariantDef(init), spec);
    case "enum":
      return enumBuilder(new EnumDef(init), spec);
    case "alias":
      return aliasBuilder(module, new AliasDef(init), spec);
    case "list":
      return listBuilder(module, new ListDef(init), spec);
  }
}
