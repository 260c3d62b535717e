// A piqi module as written: definitions with their properties and positions,
// before names are checked and types resolved.
import type { Node } from "./ast.js";
import type { Pos } from "./errors.js";
import type { FieldMode, Located } from "./props.js";

/** Piqi's primitive kinds, which every built-in type is an alias of. */
export type PiqiKind = "int" | "float" | "bool" | "string" | "binary";

export interface FieldSpec {
  readonly pos: Pos;
  readonly name?: Located<string>;
  readonly type?: Located<string>;
  readonly mode: FieldMode;
  readonly default?: Node;
  readonly code?: Located<bigint>;
  readonly packed: boolean;
  readonly protobufName?: Located<string>;
}

export interface OptionSpec {
  readonly pos: Pos;
  readonly name?: Located<string>;
  readonly type?: Located<string>;
  readonly code?: Located<bigint>;
  readonly protobufName?: Located<string>;
}

interface DefSpecBase {
  /** Position of the definition's `[`. */
  readonly pos: Pos;
  readonly name: Located<string>;
  readonly protobufName?: Located<string>;
  readonly custom: readonly Located<string>[];
}

export interface RecordSpec extends DefSpecBase {
  readonly kind: "record";
  readonly fields: readonly FieldSpec[];
}

export interface VariantSpec extends DefSpecBase {
  readonly kind: "variant";
  readonly options: readonly OptionSpec[];
}

export interface EnumSpec extends DefSpecBase {
  readonly kind: "enum";
  readonly options: readonly OptionSpec[];
  readonly prefix?: Located<string>;
}

export interface AliasSpec extends DefSpecBase {
  readonly kind: "alias";
  readonly type?: Located<string>;
  readonly piqiType?: Located<PiqiKind>;
  readonly protobufType?: Located<string>;
}

export interface ListSpec extends DefSpecBase {
  readonly kind: "list";
  readonly type: Located<string>;
  readonly packed: boolean;
}

export type DefSpec = RecordSpec | VariantSpec | EnumSpec | AliasSpec | ListSpec;

export interface ImportSpec {
  readonly pos: Pos;
  readonly module: Located<string>;
  readonly name?: Located<string>;
}

export interface ModuleSpec {
  readonly file: string;
  /** `.module`, when the file declares its name. */
  readonly declaredName?: Located<string>;
  readonly package?: Located<string>;
  readonly imports: readonly ImportSpec[];
  readonly defs: readonly DefSpec[];
  readonly custom: readonly Located<string>[];
}
