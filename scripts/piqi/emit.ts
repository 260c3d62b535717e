// Writes one resolved module as a proto2 file, laid out like `piqi to-proto`
// output. Types from other modules are named from the root (`.smarkets.eto.Payload`)
// and their modules imported by the file names this converter writes.
import { protoShape, type Def, type Field, type Module, type TypeRef, type VariantOption } from "./model.js";

const INDENT = "    ";

/** The .proto file name written for a module. */
export function protoFileName(module: Module): string {
  return `${module.name}.proto`;
}

class ModuleWriter {
  /** Modules whose types this file refers to, in order of first use. */
  readonly used: Module[] = [];

  constructor(private readonly module: Module) {}

  typeName(type: TypeRef | undefined): string {
    if (type === undefined) return "bool"; // a flag
    if (type.kind === "builtin") return type.builtin.protoType;
    const def = type.def;
    // Aliases unwind to what they alias; the first `.protobuf-type` on the way wins.
    if (def.kind === "alias") return def.protobufType ?? this.typeName(def.target);
    if (def.module === this.module) return def.protoName;
    if (!this.used.includes(def.module)) this.used.push(def.module);
    const pkg = def.module.package?.value;
    // A leading dot resolves from the root, so no local name can shadow it.
    return pkg ? `.${pkg}.${def.protoName}` : `.${def.protoName}`;
  }

  field(field: Field): string {
    // Only optional fields have defaults and only repeated ones are packed: never both.
    const options = field.packed ? " [packed = true]" : field.defaultLiteral !== undefined ? ` [default = ${field.defaultLiteral}]` : "";
    return `${field.mode} ${this.typeName(field.type)} ${field.protoName} = ${field.code}${options};`;
  }

  option(option: VariantOption): string {
    return `optional ${this.typeName(option.type)} ${option.protoName} = ${option.code};`;
  }

  block(keyword: string, name: string, lines: readonly string[], custom: readonly string[]): string {
    const body = [...lines, ...custom].map((line) => `${INDENT}${line}\n`).join("");
    return `${keyword} ${name} {\n${body}}\n`;
  }

  /** The definition's text, or undefined when it has no .proto counterpart. */
  definition(def: Def): string | undefined {
    const shape = protoShape(def);
    if (!shape) return undefined;
    // An alias of a record, variant or list is a copy under the alias's name.
    const name = def.protoName;
    switch (shape.kind) {
      case "record":
        return this.block("message", name, shape.fields.map((f) => this.field(f)), shape.custom);
      case "variant":
        return this.block("message", name, shape.options.map((o) => this.option(o)), shape.custom);
      case "list": {
        const packed = shape.packed ? " [packed = true]" : "";
        return this.block("message", name, [`repeated ${this.typeName(shape.element)} elem = 1${packed};`], shape.custom);
      }
      case "enum":
        return this.block("enum", name, shape.constants.map((c) => `${c.protoName} = ${c.code};`), shape.custom);
    }
  }
}

/** The proto2 text of `module`, with `header` lines as `//` comments on top. */
export function emitModule(module: Module, header: readonly string[]): string {
  const writer = new ModuleWriter(module);
  const definitions = module.defs.map((def) => writer.definition(def)).filter((text): text is string => text !== undefined);

  const imported = module.imports.map((i) => i.module);
  for (const used of writer.used) if (!imported.includes(used)) imported.push(used);
  const imports = [...new Set(imported)].map((m) => `import "${protoFileName(m)}";\n`);

  const sections: string[] = [];
  const comments = header.flatMap((line) => line.split("\n")).map((line) => (line ? `// ${line}\n` : "//\n"));
  sections.push(comments.join("") + 'syntax = "proto2";\n');
  if (module.package) sections.push(`package ${module.package.value};\n`);
  for (const custom of module.spec.custom) sections.push(`${custom.value}\n`);
  if (imports.length > 0) sections.push(imports.join(""));
  sections.push(...definitions);
  return sections.join("\n");
}
