// The generated message schema used to log payloads must match the protocol:
// every enum field is listed with its enum (else it would log as a bare number)
// and nothing is listed that the protocol does not have. Checked against proto/.
import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { payloadInfo, payloadNames } from "../../generated/payload-map.js";
import { bodySchemas, type MessageSchema } from "../../runtime/logging/payload-schema.js";
import { projectRoot } from "../helpers/shared.js";

interface ProtoField {
  name: string;
  type: string;
}

interface ProtoFile {
  messages: Map<string, ProtoField[]>;
  enums: Set<string>;
}

function parseProto(file: string): ProtoFile {
  const messages = new Map<string, ProtoField[]>();
  const enums = new Set<string>();
  let current: ProtoField[] | undefined;
  for (const line of readFileSync(join(projectRoot, "proto", file), "utf8").split("\n")) {
    const message = /^message (\w+)/.exec(line);
    const enumDecl = /^enum (\w+)/.exec(line);
    const field = /^\s+(?:optional|required|repeated) ([\w.]+) (\w+) = \d+/.exec(line);
    if (message) messages.set(message[1]!, (current = []));
    else if (enumDecl) (enums.add(enumDecl[1]!), (current = undefined));
    else if (field && current) current.push({ type: field[1]!, name: field[2]! });
  }
  return { messages, enums };
}

const protos = { eto: parseProto("eto.proto"), seto: parseProto("seto.proto") };
const modules: Record<"eto" | "seto", Record<string, unknown>> = { eto, seto };

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Problems found comparing `schema` with the proto message `messageName` of `layer`. */
function compare(layer: "eto" | "seto", messageName: string, schema: MessageSchema | undefined, path: string): string[] {
  const fields = protos[layer].messages.get(messageName);
  if (!fields) return [`${path}: message ${messageName} not in ${layer}.proto`];
  const problems: string[] = [];
  const listed = new Set(Object.keys(schema ?? {}));
  for (const field of fields) {
    const key = camel(field.name);
    listed.delete(key);
    const entry = schema?.[key];
    if (protos[layer].enums.has(field.type)) {
      const expected = modules[layer][field.type];
      if (!entry || !("enum" in entry)) problems.push(`${path}.${key}: enum ${field.type} not listed`);
      else if (entry.enum !== expected) problems.push(`${path}.${key}: listed with the wrong enum (expected ${field.type})`);
    } else if (protos[layer].messages.has(field.type)) {
      const nested = entry && "message" in entry ? entry.message : undefined;
      if (entry && !nested) problems.push(`${path}.${key}: listed as an enum but is message ${field.type}`);
      problems.push(...compare(layer, field.type, nested, `${path}.${key}`));
    } else if (entry) {
      problems.push(`${path}.${key}: listed but is a ${field.type}`);
    }
  }
  for (const extra of listed) problems.push(`${path}.${extra}: listed but not a field of ${messageName}`);
  return problems;
}

test("the body schemas list exactly the enum and message fields of every payload body", (t) => {
  const problems: string[] = [];
  let checked = 0;
  for (const name of payloadNames) {
    const info = payloadInfo[name];
    if (info.property === undefined) {
      if (bodySchemas[name]) problems.push(`${name}: has a schema but no body`);
      continue;
    }
    const payloadFields = protos[info.layer].messages.get("Payload") ?? [];
    const field = payloadFields.find((f) => camel(f.name) === info.property);
    if (!field) {
      problems.push(`${name}: property ${info.property} not in ${info.layer}.Payload`);
      continue;
    }
    problems.push(...compare(info.layer, field.type, bodySchemas[name], name));
    checked += 1;
  }
  t.deepEqual(problems, []);
  t.is(checked, 44); // 40 seto bodies and 4 eto ones: the parser saw them all
});
