// Reads the properties of one piqi object (a `[ … ]` list) against a schema,
// the way piqi reads its own self-description:
//
// - `.prop value` sets a property, `.flag` sets a flag;
// - an unlabelled word or integer fills the first "positional" property of that
//   kind that is still unset (required properties first), so `.import [ eto ]`
//   names the module and `.optional` sets the field mode;
// - anything left over is ignored with a warning `unknown field: <name>`;
// - deprecated spellings (`.proto-name`) are accepted with a warning.
import { describe, kindOf, type ListNode, type Node } from "./ast.js";
import { fail, quote, type Warnings } from "./errors.js";
import { MODES, Props, type ObjectSchema, type PropSpec } from "./props.js";

/** Checks a labelled value against the property's kind; returns the node to store. */
function checkValue(spec: PropSpec, node: Node, warnings: Warnings): Node {
  const label = `.${spec.name}`;
  const mismatch = (expected: string): never => fail(node.pos, `${label} expects ${expected}, not ${kindOf(node)}`);
  switch (spec.kind) {
    case "word":
      if (node.kind === "word") return node;
      if (node.kind === "string") {
        if (node.text === undefined) fail(node.pos, "string contains non-unicode binary data");
        warnings.add(node.pos, "word literal expected instead of quoted string");
        return node;
      }
      return mismatch("a word");
    case "string":
      if (node.kind === "string") {
        if (node.text === undefined) fail(node.pos, "string contains non-unicode binary data");
        return node;
      }
      if (node.kind === "word") fail(node.pos, `quoted string literal expected instead of word: ${node.text}`);
      return mismatch("a quoted string");
    case "int":
      return node.kind === "int" ? node : mismatch("an integer");
    case "list":
      return node.kind === "list" ? node : mismatch("a list [ ... ]");
    case "mode":
      if (node.kind === "flag" && MODES.includes(node.name)) return node;
      return fail(node.pos, `${label} expects .required, .optional or .repeated, not ${describe(node)}`);
    case "any":
      return node;
    case "flag":
      throw new Error("internal: flags carry no value");
  }
}

function fitsPositionally(spec: PropSpec, node: Node): boolean {
  if (spec.kind === "mode") return node.kind === "flag" && MODES.includes(node.name);
  if (!spec.positional) return false;
  if (spec.kind === "word") return node.kind === "word";
  if (spec.kind === "int") return node.kind === "int";
  return false;
}

/** Reads `list` against `schema`; unknown items produce warnings, malformed ones a PiqiError. */
export function readProps(list: ListNode, schema: ObjectSchema, warnings: Warnings): Props {
  let remaining: Node[] = [...list.items];
  for (const item of remaining) {
    if ((item.kind === "named" || item.kind === "flag") && schema.unsupported?.includes(item.name)) {
      fail(item.pos, `.${item.name} is not supported by this converter`);
    }
  }

  const values = new Map<string, Node[]>();
  const ordered = [...schema.props.filter((p) => p.required), ...schema.props.filter((p) => !p.required)];
  for (const spec of ordered) {
    const found: Node[] = [];
    const rest: Node[] = [];
    for (const item of remaining) {
      if (item.kind === "named" && item.name === spec.name) {
        if (spec.kind === "flag") fail(item.pos, `value can not be specified for flag ${quote(spec.name)}`);
        found.push(checkValue(spec, item.value, warnings));
      } else if (spec.kind === "mode" && item.kind === "named" && MODES.includes(item.name)) {
        fail(item.pos, `value can not be specified for flag ${quote(item.name)}`);
      } else if (item.kind === "flag" && item.name === spec.name) {
        if (spec.kind !== "flag") fail(item.pos, `value must be specified for field ${quote(spec.name)}`);
        found.push(item);
      } else {
        rest.push(item);
      }
    }
    remaining = rest;

    if (found.length === 0) {
      // Piqi fills an unlabelled property with the first value that parses as it.
      const candidates = remaining.filter((item) => fitsPositionally(spec, item));
      if (spec.kind === "mode" && candidates.length > 1) {
        fail(candidates[1]!.pos, `conflicting field modes: ${candidates.map((c) => `.${describe(c)}`).join(" and ")}`);
      }
      const take = spec.repeated ? candidates : candidates.slice(0, 1);
      found.push(...take);
      remaining = remaining.filter((item) => !take.includes(item));
    }

    if (found.length > 1 && !spec.repeated) fail(found[1]!.pos, `duplicate field ${quote(spec.name)}`);
    if (found.length === 0 && spec.required) fail(list.pos, `missing field ${quote(spec.name)}`);
    if (found.length === 0) continue;

    if (spec.deprecatedFor) {
      for (const node of found) {
        warnings.add(node.pos, `.${spec.name} is deprecated; use .${spec.deprecatedFor} instead`);
      }
    }
    values.set(spec.name, found);
  }

  for (const item of remaining) warnings.add(item.pos, `unknown field: ${describe(item)}`);
  return new Props(list.pos, values);
}
