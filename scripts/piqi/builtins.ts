// Piqi's built-in types and the proto2 scalar each becomes (piqi's
// piqi.protobuf extension): e.g. `int` is zigzag-encoded, hence `sint32`.
import type { PiqiKind } from "./spec.js";

export interface ScalarInfo {
  /** The piqi primitive whose values this proto type holds. */
  readonly kind: PiqiKind;
  /** Integer range, for integer types. */
  readonly min?: bigint;
  readonly max?: bigint;
}

const INT32 = { kind: "int", min: -(2n ** 31n), max: 2n ** 31n - 1n } as const;
const UINT32 = { kind: "int", min: 0n, max: 2n ** 32n - 1n } as const;
const INT64 = { kind: "int", min: -(2n ** 63n), max: 2n ** 63n - 1n } as const;
const UINT64 = { kind: "int", min: 0n, max: 2n ** 64n - 1n } as const;

/** The proto2 scalar types, by name. */
export const PROTO_SCALARS: ReadonlyMap<string, ScalarInfo> = new Map<string, ScalarInfo>([
  ["double", { kind: "float" }],
  ["float", { kind: "float" }],
  ["int32", INT32],
  ["sint32", INT32],
  ["sfixed32", INT32],
  ["uint32", UINT32],
  ["fixed32", UINT32],
  ["int64", INT64],
  ["sint64", INT64],
  ["sfixed64", INT64],
  ["uint64", UINT64],
  ["fixed64", UINT64],
  ["bool", { kind: "bool" }],
  ["string", { kind: "string" }],
  ["bytes", { kind: "binary" }],
]);

export interface Builtin {
  /** The piqi type name (`int32-fixed`). */
  readonly name: string;
  readonly kind: PiqiKind;
  /** The proto2 scalar it maps to (`sfixed32`). */
  readonly protoType: string;
}

const TABLE: readonly [string, PiqiKind, string][] = [
  ["int", "int", "sint32"],
  ["uint", "int", "uint32"],
  ["int32", "int", "sint32"],
  ["uint32", "int", "uint32"],
  ["int64", "int", "sint64"],
  ["uint64", "int", "uint64"],
  ["int32-fixed", "int", "sfixed32"],
  ["uint32-fixed", "int", "fixed32"],
  ["int64-fixed", "int", "sfixed64"],
  ["uint64-fixed", "int", "fixed64"],
  ["protobuf-int32", "int", "int32"],
  ["protobuf-int64", "int", "int64"],
  ["float", "float", "double"],
  ["float64", "float", "double"],
  ["float32", "float", "float"],
  ["bool", "bool", "bool"],
  ["string", "string", "string"],
  ["binary", "binary", "bytes"],
];

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map(
  TABLE.map(([name, kind, protoType]) => [name, { name, kind, protoType }]),
);

/** The built-in type a bare `.piqi-type` kind stands for. */
export const BUILTIN_OF_KIND: Readonly<Record<PiqiKind, Builtin>> = {
  int: BUILTINS.get("int")!,
  float: BUILTINS.get("float")!,
  bool: BUILTINS.get("bool")!,
  string: BUILTINS.get("string")!,
  binary: BUILTINS.get("binary")!,
};
