// Reads a parsed piqi file into a ModuleSpec: which definitions, fields and
// options it holds, with their properties. Names and types are checked later.
import { describe, type ListNode, type Node } from "./ast.js";
import { fail, type Warnings } from "./errors.js";
import type { Located, Props } from "./props.js";
import { readProps } from "./read-props.js";
import {
  aliasSchema,
  enumSchema,
  fieldSchema,
  importSchema,
  listSchema,
  moduleSchema,
  optionSchema,
  recordSchema,
  TYPEDEF_KINDS,
  variantSchema,
  type TypedefKind,
} from "./schemas.js";
import type { DefSpec, FieldSpec, ImportSpec, ModuleSpec, OptionSpec, PiqiKind } from "./spec.js";

const PIQI_KINDS: readonly PiqiKind[] = ["int", "float", "bool", "string", "binary"];

/** `.protobuf-name`, or the deprecated `.proto-name` when that is all there is. */
function protobufName(props: Props): Located<string> | undefined {
  return props.string("protobuf-name") ?? props.string("proto-name");
}

function custom(props: Props): Located<string>[] {
  return [...props.strings("protobuf-custom"), ...props.strings("proto-custom")];
}

function readField(list: ListNode, warnings: Warnings): FieldSpec {
  const props = readProps(list, fieldSchema, warnings);
  return {
    pos: list.pos,
    name: props.word("name"),
    type: props.word("type"),
    mode: props.mode()?.value ?? "required",
    default: props.any("default"),
    code: props.int("code"),
    packed: props.flag("protobuf-packed"),
    protobufName: protobufName(props),
  };
}

function readOption(list: ListNode, warnings: Warnings): OptionSpec {
  const props = readProps(list, optionSchema, warnings);
  return {
    pos: list.pos,
    name: props.word("name"),
    type: props.word("type"),
    code: props.int("code"),
    protobufName: protobufName(props),
  };
}

function readPiqiType(node: Node | undefined): Located<PiqiKind> | undefined {
  if (node === undefined) return undefined;
  if (node.kind === "flag" && (PIQI_KINDS as readonly string[]).includes(node.name)) {
    return { value: node.name as PiqiKind, pos: node.pos };
  }
  return fail(node.pos, `.piqi-type expects one of .int, .float, .bool, .string, .binary, not ${describe(node)}`);
}

function readDef(kind: TypedefKind, list: ListNode, warnings: Warnings): DefSpec {
  switch (kind) {
    case "record": {
      const props = readProps(list, recordSchema, warnings);
      const fields = props.lists("field").map((f) => readField(f, warnings));
      return { kind, pos: list.pos, name: props.word("name")!, protobufName: protobufName(props), custom: custom(props), fields };
    }
    case "variant": {
      const props = readProps(list, variantSchema, warnings);
      const options = props.lists("option").map((o) => readOption(o, warnings));
      return { kind, pos: list.pos, name: props.word("name")!, protobufName: protobufName(props), custom: custom(props), options };
    }
    case "enum": {
      const props = readProps(list, enumSchema, warnings);
      const options = props.lists("option").map((o) => readOption(o, warnings));
      return {
        kind,
        pos: list.pos,
        name: props.word("name")!,
        protobufName: protobufName(props),
        custom: custom(props),
        options,
        prefix: props.string("protobuf-prefix"),
      };
    }
    case "alias": {
      const props = readProps(list, aliasSchema, warnings);
      return {
        kind,
        pos: list.pos,
        name: props.word("name")!,
        protobufName: protobufName(props),
        custom: [],
        type: props.word("type"),
        piqiType: readPiqiType(props.any("piqi-type")),
        protobufType: props.string("protobuf-type"),
      };
    }
    case "list": {
      const props = readProps(list, listSchema, warnings);
      return {
        kind,
        pos: list.pos,
        name: props.word("name")!,
        protobufName: protobufName(props),
        custom: custom(props),
        type: props.word("type")!,
        packed: props.flag("protobuf-packed"),
      };
    }
  }
}

function readImport(list: ListNode, warnings: Warnings): ImportSpec {
  const props = readProps(list, importSchema, warnings);
  return { pos: list.pos, module: props.word("module")!, name: props.word("name") };
}

/** Reads the top-level items of `file` (as parsed by parsePiq). */
export function readModule(file: string, top: ListNode, warnings: Warnings): ModuleSpec {
  const props = readProps(top, moduleSchema, warnings);
  // Definitions keep the order they are written in, whatever their kind.
  const defLists = TYPEDEF_KINDS.flatMap((kind) => props.lists(kind).map((list) => ({ kind, list })));
  defLists.sort((a, b) => a.list.pos.line - b.list.pos.line || a.list.pos.col - b.list.pos.col);
  return {
    file,
    declaredName: props.word("module"),
    package: props.string("protobuf-package") ?? props.string("proto-package"),
    imports: props.lists("import").map((list) => readImport(list, warnings)),
    defs: defLists.map(({ kind, list }) => readDef(kind, list, warnings)),
    custom: custom(props),
  };
}
