// Finds the type a type name refers to from inside a module: a local
// definition, a built-in, or `import-name/definition` from an imported module.
import { BUILTINS } from "./builtins.js";
import { fail, quote } from "./errors.js";
import type { Def, Module, TypeRef } from "./model.js";
import { protoNameOf } from "./names.js";
import type { Located } from "./props.js";

export function lookupType(module: Module, ref: Located<string>): TypeRef {
  const slash = ref.value.lastIndexOf("/");
  let def: Def | undefined;
  if (slash >= 0) {
    const imported = module.imports.find((i) => i.name === ref.value.slice(0, slash));
    def = imported?.module.defsByName.get(ref.value.slice(slash + 1));
  } else {
    // A local definition may override a built-in.
    def = module.defsByName.get(ref.value);
    const builtin = BUILTINS.get(ref.value);
    if (!def && builtin) return { kind: "builtin", builtin };
  }
  if (!def) fail(ref.pos, `unknown type ${quote(ref.value)}`);
  return { kind: "def", def };
}

/** The proto name piqi gives a field or option that has no name: its type's. */
export function protoNameOfType(type: TypeRef): string {
  return type.kind === "def" ? type.def.protoName : protoNameOf(type.builtin.name);
}
