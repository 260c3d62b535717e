// A protoc/buf plugin that writes what the runtime needs per payload type, so
// a protocol bump needs no hand edit: generated/payload-map.ts, every payload
// type of both protocol layers, by the name the seed SDK uses
// (`eto.login_response`, `seto.order_accepted`, …), with its enum values, the
// Payload field that carries it and its message type (the runtime dispatches
// with a table lookup on it and handler maps are checked against it at compile
// time); generated/body-codecs.ts, the codec of each seto body; and
// generated/message-schema.ts, the enum and message fields of every message.
// It reads only descriptors, so it regenerates with everything else.
import { fromBinary, toBinary, create } from "@bufbuild/protobuf";
import {
  CodeGeneratorRequestSchema,
  CodeGeneratorResponseSchema,
  CodeGeneratorResponse_Feature,
  type DescriptorProto,
  type FileDescriptorProto,
} from "@bufbuild/protobuf/wkt";
import { buildPayloadMap, type LayerInput } from "./payload-map/build.js";
import { renderPayloadMap } from "./payload-map/render.js";
import { renderBodyCodecs } from "./payload-map/render-body-codecs.js";
import { renderMessageSchema, type SchemaLayer } from "./payload-map/render-schema.js";

const OUTPUT = "payload-map.ts";
const SCHEMA_OUTPUT = "message-schema.ts";
const CODECS_OUTPUT = "body-codecs.ts";
const TYPE_ENUM = 14;
const TYPE_MESSAGE = 11;

function schemaLayer(file: FileDescriptorProto): SchemaLayer {
  return {
    layer: file.package.split(".").pop() ?? file.package,
    package: file.package,
    module: file.name.replace(/\.proto$/, ""),
    enums: file.enumType.map((e) => e.name),
    messages: file.messageType.map((m) => ({
      fullName: `${file.package}.${m.name}`,
      fields: m.field
        .filter((f) => f.type === TYPE_ENUM || f.type === TYPE_MESSAGE)
        .map((f) => ({ name: f.name, kind: f.type === TYPE_ENUM ? ("enum" as const) : ("message" as const), typeName: f.typeName })),
    })),
  };
}

function findLayer(file: FileDescriptorProto): LayerInput | undefined {
  const payload = file.messageType.find((m: DescriptorProto) => m.name === "Payload");
  const payloadType = file.enumType.find((e) => e.name === "PayloadType");
  if (!payload || !payloadType) return undefined;
  const layer = file.package.split(".").pop() ?? file.package;
  return {
    layer,
    package: file.package,
    module: file.name.replace(/\.proto$/, ""),
    payloadTypes: payloadType.value.map((v) => ({ name: v.name, number: v.number })),
    fields: payload.field.map((f) => ({ name: f.name, number: f.number, typeName: f.typeName })),
  };
}

async function main(): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const request = fromBinary(CodeGeneratorRequestSchema, new Uint8Array(Buffer.concat(chunks)));
  const wanted = new Set(request.fileToGenerate);
  const files = request.protoFile.filter((f) => wanted.has(f.name));
  const layers = files
    .map(findLayer)
    .filter((l): l is LayerInput => l !== undefined);

  const response = create(CodeGeneratorResponseSchema, {
    supportedFeatures: BigInt(CodeGeneratorResponse_Feature.PROTO3_OPTIONAL),
  });
  try {
    const map = buildPayloadMap(layers);
    const file = (name: string, content: string) =>
      response.file.push({ $typeName: "google.protobuf.compiler.CodeGeneratorResponse.File", name, content, insertionPoint: "" });
    file(OUTPUT, renderPayloadMap(map));
    file(SCHEMA_OUTPUT, renderMessageSchema(files.map(schemaLayer), map));
    file(CODECS_OUTPUT, renderBodyCodecs(map));
  } catch (err) {
    response.error = err instanceof Error ? err.message : String(err);
  }
  process.stdout.write(toBinary(CodeGeneratorResponseSchema, response));
}

await main();
