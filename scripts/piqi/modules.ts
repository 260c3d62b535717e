// Turns the parsed files into modules, links each `.import` to its module and
// orders modules so that every module comes after the modules it imports.
//
// As in piqi, a module is found by file name: `.import [ .module eto ]` loads
// `eto.piqi` (or `eto.proto.piqi`), whose `.module`, if any, must say `eto`.
import { fail, quote, type Pos, type Warnings } from "./errors.js";
import { Module } from "./model.js";
import { isValidModuleName, isValidPiqiName, moduleNameOfFile } from "./names.js";
import type { ImportSpec, ModuleSpec } from "./spec.js";

function moduleName(spec: ModuleSpec): string {
  const declared = spec.declaredName;
  if (declared) {
    if (declared.value.includes("/")) {
      fail(declared.pos, `module names with a path are not supported by this converter: ${declared.value}`);
    }
    if (!isValidModuleName(declared.value)) fail(declared.pos, `invalid piqi module name: ${declared.value}`);
    return declared.value;
  }
  const derived = moduleNameOfFile(spec.file);
  if (!isValidModuleName(derived)) {
    fail({ file: spec.file, line: 1, col: 1 }, "piqi module name can not be derived from the file name");
  }
  return derived;
}

function linkImport(module: Module, imp: ImportSpec, byFileName: ReadonlyMap<string, Module>, warnings: Warnings): void {
  const wanted = imp.module;
  if (!isValidModuleName(wanted.value)) fail(wanted.pos, `invalid piqi module name: ${wanted.value}`);
  const target = byFileName.get(wanted.value);
  if (!target) fail(wanted.pos, `imported piqi module is not found: ${quote(wanted.value)}`);
  if (target.name !== wanted.value) {
    fail(wanted.pos, `module loaded as ${quote(wanted.value)} has different name ${quote(target.name)}`);
  }
  const name = imp.name?.value ?? wanted.value;
  if (!isValidPiqiName(name)) fail(imp.name?.pos ?? wanted.pos, `invalid name: ${quote(name)}`);
  if (module.imports.some((i) => i.name === name)) fail(imp.pos, `duplicate import name ${quote(name)}`);
  if (module.imports.some((i) => i.module === target)) warnings.add(imp.pos, `duplicate import module ${quote(wanted.value)}`);
  module.imports.push({ name, module: target });
}

/** Modules in dependency order (imports first; otherwise by file name). */
function dependencyOrder(modules: readonly Module[]): Module[] {
  const ordered: Module[] = [];
  const done = new Set<Module>();
  const visiting: Module[] = [];
  const visit = (module: Module, via: Pos | undefined): void => {
    if (done.has(module)) return;
    if (visiting.includes(module)) {
      const loop = [...visiting.slice(visiting.indexOf(module)), module].map((m) => m.name).join(" -> ");
      fail(via!, `imported piqi modules form a loop: ${loop}`);
    }
    visiting.push(module);
    module.imports.forEach((imp, k) => visit(imp.module, module.spec.imports[k]!.pos));
    visiting.pop();
    done.add(module);
    ordered.push(module);
  };
  for (const module of modules) visit(module, undefined);
  return ordered;
}

/** Builds the modules of `specs` (sorted by file name) with their imports linked. */
export function linkModules(specs: readonly ModuleSpec[], warnings: Warnings): Module[] {
  const modules: Module[] = [];
  const byName = new Map<string, Module>();
  const byFileName = new Map<string, Module>();
  for (const spec of specs) {
    const name = moduleName(spec);
    const other = byName.get(name);
    if (other) {
      fail(spec.declaredName?.pos ?? { file: spec.file, line: 1, col: 1 }, `duplicate module ${quote(name)} (also defined by ${other.file})`);
    }
    const module = new Module(name, spec.file, spec);
    modules.push(module);
    byName.set(name, module);
    byFileName.set(moduleNameOfFile(spec.file), module);
  }
  for (const module of modules) {
    for (const imp of module.spec.imports) linkImport(module, imp, byFileName, warnings);
  }
  return dependencyOrder(modules);
}
