// Resolved piqi modules: every type reference points at its definition (or a
// built-in), every field and constant has its wire code and its proto name.
// Definitions are created empty for a whole module first, so references can
// point forward, then filled in by their builders (builders.ts, driven by
// resolve.ts); nothing changes after resolution.
import type { Builtin } from "./builtins.js";
import type { Pos } from "./errors.js";
import type { FieldMode, Located } from "./props.js";
import type { ModuleSpec } from "./spec.js";

export type TypeRef = { readonly kind: "builtin"; readonly builtin: Builtin } | { readonly kind: "def"; readonly def: Def };

export interface Import {
  /** The name types are qualified with (`eto` in `eto/payload`). */
  readonly name: string;
  readonly module: Module;
}

export class Module {
  readonly imports: Import[] = [];
  readonly defs: Def[] = [];
  readonly defsByName = new Map<string, Def>();

  constructor(
    readonly name: string,
    /** The source file, as named in messages. */
    readonly file: string,
    readonly spec: ModuleSpec,
  ) {}

  get package(): Located<string> | undefined {
    return this.spec.package;
  }
}

interface DefInit {
  readonly module: Module;
  readonly piqiName: string;
  readonly protoName: string;
  /** The definition's `[`. */
  readonly pos: Pos;
  /** Where its proto name comes from: `.protobuf-name`, or else `.name`. */
  readonly protoNamePos: Pos;
  readonly custom: readonly string[];
}

abstract class DefBase {
  readonly module: Module;
  readonly piqiName: string;
  readonly protoName: string;
  readonly pos: Pos;
  readonly protoNamePos: Pos;
  readonly custom: readonly string[];

  constructor(init: DefInit) {
    this.module = init.module;
    this.piqiName = init.piqiName;
    this.protoName = init.protoName;
    this.pos = init.pos;
    this.protoNamePos = init.protoNamePos;
    this.custom = init.custom;
  }
}

export interface Field {
  readonly pos: Pos;
  /** The field's name, or its type's name when it has none (used in messages and duplicate checks). */
  readonly piqiName: string;
  readonly namePos: Pos;
  readonly protoName: string;
  readonly protoNamePos: Pos;
  /** Undefined for a flag (a field with a name and no type), which becomes `optional bool`. */
  readonly type: TypeRef | undefined;
  readonly mode: FieldMode;
  readonly packed: boolean;
  /** The wire code: explicit `.code`, or assigned 1, 2, 3… */
  code: number;
  /** The `[default = …]` literal, when the field has a default. */
  defaultLiteral: string | undefined;
}

export class RecordDef extends DefBase {
  readonly kind = "record";
  readonly fields: Field[] = [];
}

export interface VariantOption {
  readonly piqiName: string;
  readonly namePos: Pos;
  readonly protoName: string;
  readonly protoNamePos: Pos;
  readonly type: TypeRef | undefined;
  code: number;
}

export class VariantDef extends DefBase {
  readonly kind = "variant";
  readonly options: VariantOption[] = [];
}

export interface EnumConstant {
  readonly piqiName: string;
  readonly namePos: Pos;
  /** Including the enum's `.protobuf-prefix`. */
  readonly protoName: string;
  readonly protoNamePos: Pos;
  code: number;
}

export class EnumDef extends DefBase {
  readonly kind = "enum";
  readonly constants: EnumConstant[] = [];
}

export class AliasDef extends DefBase {
  readonly kind = "alias";
  /** The aliased type; set by resolve right after every definition exists. */
  target!: TypeRef;
  /** `.protobuf-type`: the proto type to use instead of unwinding the alias. */
  protobufType: string | undefined;
}

export class ListDef extends DefBase {
  readonly kind = "list";
  /** The element type; set by resolve right after every definition exists. */
  element!: TypeRef;
  packed = false;
}

export type Def = RecordDef | VariantDef | EnumDef | AliasDef | ListDef;

/** What a type is once aliases are unwound: a built-in, or a non-alias definition. */
export type BaseType = { readonly kind: "builtin"; readonly builtin: Builtin; readonly protobufType?: string } | { readonly kind: "def"; readonly def: Exclude<Def, AliasDef> };

/** Unwinds aliases; the first `.protobuf-type` met on the way wins, as in piqi. */
export function baseType(type: TypeRef): BaseType {
  let protobufType: string | undefined;
  let current = type;
  for (;;) {
    if (current.kind === "builtin") return protobufType ? { ...current, protobufType } : current;
    const def = current.def;
    if (def.kind !== "alias") return { kind: "def", def };
    protobufType ??= def.protobufType;
    current = def.target;
  }
}

/**
 * What a definition becomes in .proto, as piqi does it: records, variants and
 * lists become messages and enums enums; an alias of a record, variant or list
 * becomes a copy of that message under the alias's name; an alias of a
 * primitive or an enum becomes nothing (uses of it unwind to the aliased type).
 */
export function protoShape(def: Def): Exclude<Def, AliasDef> | undefined {
  let current: Def = def;
  while (current.kind === "alias") {
    if (current.target.kind !== "def") return undefined;
    current = current.target.def;
  }
  if (def.kind === "alias" && current.kind === "enum") return undefined;
  return current;
}
