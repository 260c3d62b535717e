// The properties of one piqi object (a `[ … ]` list): the schema they are
// read against (see read-props.ts) and the values found.
import type { ListNode, Node } from "./ast.js";
import type { Pos } from "./errors.js";

export type PropKind = "word" | "string" | "int" | "flag" | "mode" | "any" | "list";

export interface PropSpec {
  readonly name: string;
  readonly kind: PropKind;
  readonly required?: boolean;
  readonly repeated?: boolean;
  /** An unlabelled value of this kind may fill the property. */
  readonly positional?: boolean;
  /** The property is a deprecated spelling of this one: warn, then read it as that. */
  readonly deprecatedFor?: string;
}

export interface ObjectSchema {
  readonly props: readonly PropSpec[];
  /** Real piqi properties this converter refuses rather than silently mistranslate. */
  readonly unsupported?: readonly string[];
}

export interface Located<T> {
  readonly value: T;
  readonly pos: Pos;
}

export type FieldMode = "required" | "optional" | "repeated";
export const MODES: readonly string[] = ["required", "optional", "repeated"];

/** The properties found on one object, by property name, in document order. */
export class Props {
  constructor(
    /** Position of the object's `[` (or 1:1 for a whole file). */
    readonly pos: Pos,
    private readonly values: ReadonlyMap<string, readonly Node[]>,
  ) {}

  private nodes(name: string): readonly Node[] {
    return this.values.get(name) ?? [];
  }

  /** A word-valued property (names, type names); strings are accepted too. */
  word(name: string): Located<string> | undefined {
    const node = this.nodes(name)[0];
    return node ? { value: wordText(node), pos: node.pos } : undefined;
  }

  string(name: string): Located<string> | undefined {
    return this.strings(name)[0];
  }

  strings(name: string): Located<string>[] {
    return this.nodes(name).map((node) => ({ value: stringText(node), pos: node.pos }));
  }

  int(name: string): Located<bigint> | undefined {
    const node = this.nodes(name)[0];
    return node?.kind === "int" ? { value: node.value, pos: node.pos } : undefined;
  }

  flag(name: string): boolean {
    return this.nodes(name).length > 0;
  }

  mode(): Located<FieldMode> | undefined {
    const node = this.nodes("mode")[0];
    return node?.kind === "flag" ? { value: node.name as FieldMode, pos: node.pos } : undefined;
  }

  any(name: string): Node | undefined {
    return this.nodes(name)[0];
  }

  lists(name: string): ListNode[] {
    return this.nodes(name).filter((node): node is ListNode => node.kind === "list");
  }
}

function wordText(node: Node): string {
  if (node.kind === "word") return node.text;
  if (node.kind === "string" && node.text !== undefined) return node.text;
  throw new Error(`internal: word property holds ${node.kind}`);
}

function stringText(node: Node): string {
  if (node.kind === "string" && node.text !== undefined) return node.text;
  throw new Error(`internal: string property holds ${node.kind}`);
}
