// Works out the payload map from the two layers' descriptors: which payload
// types exist, what each is called, and which Payload field carries its body.

export interface LayerInput {
  /** Last component of the proto package: "eto" or "seto". */
  layer: string;
  package: string;
  /** Module path of the generated TypeScript, relative to generated/ without extension. */
  module: string;
  payloadTypes: { name: string; number: number }[];
  fields: { name: string; number: number; typeName?: string | undefined }[];
}

export interface PayloadEntry {
  /** The seed's name: `<layer>.<enum constant without PAYLOAD_, lower case>`. */
  name: string;
  layer: "eto" | "seto";
  enumName: string;
  setoType: number;
  etoType: number | undefined;
  /** The field of the layer's Payload that carries the body, if the type has one. */
  body: { field: string; property: string; number: number; messageType: string } | undefined;
}

export interface PayloadMap {
  eto: LayerInput;
  seto: LayerInput;
  /** seto.PayloadType value that wraps an eto payload. */
  envelopeType: number;
  /** seto.Payload field holding the eto.Payload. */
  envelopeField: { field: string; property: string; number: number };
  entries: PayloadEntry[];
}

const PREFIX = "PAYLOAD_";

/** snake_case field name → the camelCase property ts-proto generates. */
export function tsProperty(field: string): string {
  return field.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function slug(enumName: string): string {
  if (!enumName.startsWith(PREFIX)) throw new Error(`payload type ${enumName} does not start with ${PREFIX}`);
  return enumName.slice(PREFIX.length).toLowerCase();
}

function messageType(typeName: string | undefined, layers: LayerInput[]): string {
  const owner = layers.find((l) => typeName?.startsWith(`.${l.package}.`));
  if (!typeName || !owner) throw new Error(`payload body type ${typeName ?? "(none)"} is not defined in eto or seto`);
  return `${owner.layer}.${typeName.slice(owner.package.length + 2)}`;
}

function entriesOf(input: LayerInput, layers: LayerInput[], setoType: (n: number) => number, skip: Set<number>): PayloadEntry[] {
  return input.payloadTypes
    .filter((t) => !skip.has(t.number))
    .map((t) => {
      const s = slug(t.name);
      const field = input.fields.find((f) => f.name === s);
      const isSeto = input.layer === "seto";
      if (isSeto && !field) throw new Error(`seto payload type ${t.name} has no field "${s}" in seto.Payload`);
      return {
        name: `${input.layer}.${s}`,
        layer: input.layer as "eto" | "seto",
        enumName: t.name,
        setoType: setoType(t.number),
        etoType: isSeto ? undefined : t.number,
        body: field && {
          field: field.name,
          property: tsProperty(field.name),
          number: field.number,
          messageType: messageType(field.typeName, layers),
        },
      };
    });
}

export function buildPayloadMap(layers: LayerInput[]): PayloadMap {
  const eto = layers.find((l) => l.layer === "eto");
  const seto = layers.find((l) => l.layer === "seto");
  if (!eto || !seto) {
    throw new Error(`need the eto and seto layers (a Payload message and a PayloadType enum in each); found: ${layers.map((l) => l.layer).join(", ") || "none"}`);
  }
  const envelope = seto.payloadTypes.find((t) => t.name === `${PREFIX}ETO`);
  const envelopeField = seto.fields.find((f) => f.typeName === `.${eto.package}.Payload`);
  if (!envelope || !envelopeField) throw new Error("seto.Payload has no PAYLOAD_ETO type or no eto.Payload field");
  const entries = [
    ...entriesOf(eto, layers, () => envelope.number, new Set()),
    ...entriesOf(seto, layers, (n) => n, new Set([envelope.number])),
  ];
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.name)) throw new Error(`two payload types are both called ${e.name}`);
    seen.add(e.name);
  }
  return {
    eto,
    seto,
    envelopeType: envelope.number,
    envelopeField: { field: envelopeField.name, property: tsProperty(envelopeField.name), number: envelopeField.number },
    entries,
  };
}
