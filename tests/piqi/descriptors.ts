// Compiles .proto directories with buf and compares what they define, by full
// name: packages, messages with their fields (name, number, label, type, type
// name, default, packed), enums with their values. File names and the order of
// definitions do not matter.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { fromBinary } from "@bufbuild/protobuf";
import {
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorSetSchema,
  type DescriptorProto,
  type FileDescriptorSet,
} from "@bufbuild/protobuf/wkt";
import { projectRoot } from "../helpers/shared.js";

const run = promisify(execFile);
const buf = join(projectRoot, "node_modules", ".bin", "buf");

/** `buf build <dir> -o <outFile>`, decoded. */
export async function buildDescriptors(dir: string, outFile: string): Promise<FileDescriptorSet> {
  await run(buf, ["build", dir, "-o", outFile]);
  return fromBinary(FileDescriptorSetSchema, await readFile(outFile));
}

export interface Definitions {
  readonly packages: string[];
  /** "message pkg.Name" / "enum pkg.Name" → member name → description. */
  readonly types: Map<string, Map<string, string>>;
}

function describeFields(message: DescriptorProto): Map<string, string> {
  const fields = new Map<string, string>();
  for (const f of message.field) {
    const parts = [
      `number=${f.number}`,
      `label=${FieldDescriptorProto_Label[f.label]}`,
      `type=${FieldDescriptorProto_Type[f.type]}`,
      `type_name=${f.typeName}`,
      `default=${f.defaultValue ?? ""}`,
      `packed=${f.options?.packed ?? false}`,
    ];
    fields.set(f.name, parts.join(" "));
  }
  return fields;
}

export function definitionsOf(set: FileDescriptorSet): Definitions {
  const types = new Map<string, Map<string, string>>();
  const packages = new Set<string>();
  for (const file of set.file) {
    packages.add(file.package);
    const prefix = file.package ? `${file.package}.` : "";
    const addMessage = (message: DescriptorProto, scope: string): void => {
      types.set(`message ${scope}${message.name}`, describeFields(message));
      for (const nested of message.nestedType) addMessage(nested, `${scope}${message.name}.`);
    };
    for (const message of file.messageType) addMessage(message, prefix);
    for (const e of file.enumType) types.set(`enum ${prefix}${e.name}`, new Map(e.value.map((v) => [v.name, `number=${v.number}`])));
  }
  return { packages: [...packages].sort(), types };
}

/** Readable differences between two sets of definitions; empty when they agree. */
export function diffDefinitions(ours: Definitions, reference: Definitions): string[] {
  const out: string[] = [];
  if (ours.packages.join(",") !== reference.packages.join(",")) {
    out.push(`packages: ours [${ours.packages.join(", ")}], reference [${reference.packages.join(", ")}]`);
  }
  const names = [...new Set([...ours.types.keys(), ...reference.types.keys()])].sort();
  for (const name of names) {
    const a = ours.types.get(name);
    const b = reference.types.get(name);
    if (!a || !b) {
      out.push(`${name}: only in ${a ? "ours" : "the reference"}`);
      continue;
    }
    for (const member of [...new Set([...a.keys(), ...b.keys()])].sort()) {
      const x = a.get(member);
      const y = b.get(member);
      if (x !== y) out.push(`${name} ${member}:\n    ours:      ${x ?? "(missing)"}\n    reference: ${y ?? "(missing)"}`);
    }
  }
  return out;
}
