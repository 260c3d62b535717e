// Checks the names that end up in the .proto files. Piqi passes
// `.protobuf-name` through untouched and never checks for clashes, leaving
// protoc to fail; this converter reports them at their source instead.
// In proto2, messages, enums and enum constants share their package's scope.
import { fail, formatPos, quote, type Pos } from "./errors.js";
import { protoShape, type Module } from "./model.js";
import { isValidProtoIdent, isValidProtoPackage } from "./names.js";

class Scope {
  private readonly first = new Map<string, { what: string; pos: Pos }>();

  constructor(private readonly where: string) {}

  add(name: string, pos: Pos, what: string): void {
    if (!isValidProtoIdent(name)) {
      fail(pos, `invalid protobuf name ${quote(name)}: expected letters, digits and underscores, not starting with a digit`);
    }
    const previous = this.first.get(name);
    if (previous) {
      fail(pos, `${what} ${quote(name)} clashes with ${previous.what} of the same name ${this.where} (at ${formatPos(previous.pos)})`);
    }
    this.first.set(name, { what, pos });
  }
}

/** Throws on an invalid proto name or package, or two definitions with one proto name in one scope. */
export function checkProtoNames(modules: readonly Module[]): void {
  const packages = new Map<string, Scope>();
  for (const module of modules) {
    const pkg = module.package;
    if (pkg && !isValidProtoPackage(pkg.value)) fail(pkg.pos, `invalid protobuf package ${quote(pkg.value)}`);
    const key = pkg?.value ?? "";
    let scope = packages.get(key);
    if (!scope) {
      scope = new Scope(key ? `in package ${key}` : "in the root package");
      packages.set(key, scope);
    }
    for (const def of module.defs) {
      const shape = protoShape(def);
      if (!shape) continue;
      scope.add(def.protoName, def.protoNamePos, shape.kind === "enum" ? "enum" : "message");
      const members = new Scope(`in ${shape.kind === "enum" ? "enum" : "message"} ${def.protoName}`);
      if (shape.kind === "record") shape.fields.forEach((f) => members.add(f.protoName, f.protoNamePos, "field"));
      if (shape.kind === "variant") shape.options.forEach((o) => members.add(o.protoName, o.protoNamePos, "field"));
      if (shape.kind === "enum") shape.constants.forEach((c) => scope.add(c.protoName, c.protoNamePos, "enum constant"));
    }
  }
}
