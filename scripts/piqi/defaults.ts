// `.default` values, checked against the field's type and written as proto2
// `[default = …]` literals: numbers in decimal, strings and bytes as escaped
// literals, enum defaults by the constant's proto name.
import { describe, kindOf, type Node } from "./ast.js";
import { PROTO_SCALARS } from "./builtins.js";
import { fail, quote } from "./errors.js";
import { baseType, type EnumDef, type TypeRef } from "./model.js";
import type { PiqiKind } from "./spec.js";

function escapeByte(byte: number): string {
  if (byte === 0x5c) return "\\\\";
  if (byte === 0x22) return '\\"';
  if (byte === 0x0a) return "\\n";
  if (byte === 0x0d) return "\\r";
  if (byte === 0x09) return "\\t";
  if (byte < 0x20 || byte >= 0x7f) return `\\x${byte.toString(16).padStart(2, "0")}`;
  return String.fromCharCode(byte);
}

/** A proto string literal; non-ASCII text stays as UTF-8, like piqi writes it. */
function stringLiteral(text: string): string {
  let out = "";
  for (const ch of text) out += ch.codePointAt(0)! < 0x80 ? escapeByte(ch.codePointAt(0)!) : ch;
  return `"${out}"`;
}

function bytesLiteral(bytes: Uint8Array): string {
  return `"${Array.from(bytes, escapeByte).join("")}"`;
}

function floatLiteral(value: number): string {
  if (Number.isNaN(value)) return "nan";
  if (value === Infinity) return "inf";
  if (value === -Infinity) return "-inf";
  return Object.is(value, -0) ? "-0" : String(value);
}

function enumDefault(node: Node, def: EnumDef): string {
  if (node.kind !== "flag") {
    fail(node.pos, `invalid default: enum ${quote(def.piqiName)} expects one of its options written as .name, not ${kindOf(node)}`);
  }
  const constant = def.constants.find((c) => c.piqiName === node.name);
  if (!constant) {
    const known = def.constants.map((c) => c.piqiName).join(", ");
    fail(node.pos, `invalid default: enum ${quote(def.piqiName)} has no option ${quote(node.name)} (it has: ${known})`);
  }
  return constant.protoName;
}

function scalarDefault(node: Node, kind: PiqiKind, protoType: string): string {
  const expected = (what: string): never => fail(node.pos, `invalid default: ${what} expected for ${protoType}, not ${kindOf(node)}`);
  switch (kind) {
    case "int": {
      if (node.kind !== "int") return expected("int constant");
      const range = PROTO_SCALARS.get(protoType);
      if (range?.min !== undefined && range.max !== undefined && (node.value < range.min || node.value > range.max)) {
        fail(node.pos, `invalid default: ${node.text} is out of range for ${protoType} (${range.min}..${range.max})`);
      }
      return node.value.toString();
    }
    case "float":
      if (node.kind === "float") return floatLiteral(node.value);
      if (node.kind === "int") return node.value.toString();
      return expected("float constant");
    case "bool":
      return node.kind === "bool" ? String(node.value) : expected("boolean constant");
    case "string":
      if (node.kind === "word") fail(node.pos, `invalid default: quoted string literal expected instead of word: ${describe(node)}`);
      if (node.kind !== "string") return expected("string");
      if (node.text === undefined) fail(node.pos, "invalid default: string contains non-unicode binary data");
      return stringLiteral(node.text);
    case "binary":
      return node.kind === "string" ? bytesLiteral(node.bytes) : expected("binary string");
  }
}

/** The `[default = …]` literal for `node` as a value of `type`. */
export function defaultLiteral(node: Node, type: TypeRef): string {
  const base = baseType(type);
  if (base.kind === "builtin") {
    return scalarDefault(node, base.builtin.kind, base.protobufType ?? base.builtin.protoType);
  }
  const def = base.def;
  if (def.kind === "enum") return enumDefault(node, def);
  return fail(node.pos, `invalid default: .proto has no default values for ${def.kind} types (${quote(def.piqiName)})`);
}
