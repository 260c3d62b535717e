// Resolves one module whose imports are already resolved, in piqi's order:
// check each definition as written, register them all (refusing duplicates),
// resolve type names, check members and aliases, assign wire codes, then
// evaluate defaults. Each step runs over every definition before the next, so
// a definition may refer to one written after it.
import { BUILTINS } from "./builtins.js";
import { builderFor, type DefBuilder } from "./builders.js";
import { checkDef } from "./checks.js";
import { fail, formatPos, quote, type Pos, type Warnings } from "./errors.js";
import type { Module } from "./model.js";

function registerDefs(module: Module, warnings: Warnings): DefBuilder[] {
  const firstPos = new Map<string, Pos>();
  return module.spec.defs.map((spec) => {
    const name = spec.name.value;
    const previous = firstPos.get(name);
    if (previous) fail(spec.name.pos, `duplicate type definition ${quote(name)} (first defined at ${formatPos(previous)})`);
    if (BUILTINS.has(name)) warnings.add(spec.name.pos, `override of built-in type definition ${quote(name)}`);
    firstPos.set(name, spec.name.pos);
    const builder = builderFor(module, spec);
    module.defs.push(builder.def);
    module.defsByName.set(name, builder.def);
    return builder;
  });
}

/** Resolves `module` in place; throws PiqiError on the first problem found. */
export function resolveModule(module: Module, warnings: Warnings): void {
  module.spec.defs.forEach(checkDef);
  const builders = registerDefs(module, warnings);
  for (const builder of builders) builder.link();
  for (const builder of builders) builder.check();
  for (const builder of builders) builder.number();
  for (const builder of builders) builder.evaluateDefaults();
}
