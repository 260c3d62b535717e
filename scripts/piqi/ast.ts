// The parsed piq tree, before it is read as piqi definitions.
import type { Pos } from "./errors.js";

export type Node =
  | ListNode
  /** `.name` with no value: a flag, or an enum constant as a value. */
  | { readonly kind: "flag"; readonly name: string; readonly pos: Pos }
  /** `.name value`: a labelled value. */
  | NamedNode
  /** A bare word that is not a number or a boolean (names, type names). */
  | { readonly kind: "word"; readonly text: string; readonly pos: Pos }
  /** An integer literal; piq integers span int64 and uint64. */
  | { readonly kind: "int"; readonly value: bigint; readonly text: string; readonly pos: Pos }
  | { readonly kind: "float"; readonly value: number; readonly text: string; readonly pos: Pos }
  | { readonly kind: "bool"; readonly value: boolean; readonly pos: Pos }
  | { readonly kind: "string"; readonly bytes: Uint8Array; readonly text: string | undefined; readonly pos: Pos };

export interface ListNode {
  readonly kind: "list";
  readonly items: readonly Node[];
  readonly pos: Pos;
}

export interface NamedNode {
  readonly kind: "named";
  readonly name: string;
  readonly value: Node;
  readonly pos: Pos;
}

/** A short human description of a node, for messages ("unknown field: 42"). */
export function describe(node: Node): string {
  switch (node.kind) {
    case "flag":
    case "named":
      return node.name;
    case "word":
    case "int":
    case "float":
      return node.text;
    case "bool":
      return String(node.value);
    case "string":
      return JSON.stringify(node.text ?? "<binary>");
    case "list":
      return "[...]";
  }
}

/** What kind of value a node is, for "expected X, got Y" messages. */
export function kindOf(node: Node): string {
  switch (node.kind) {
    case "flag":
      return "a flag";
    case "named":
      return `a labelled value (.${node.name})`;
    case "word":
      return "a word";
    case "int":
      return "an integer";
    case "float":
      return "a floating point number";
    case "bool":
      return "a boolean";
    case "string":
      return "a string";
    case "list":
      return "a list";
  }
}
