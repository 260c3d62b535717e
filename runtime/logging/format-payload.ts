// A decoded payload as one readable line for debug logs:
//   seto.order_create seq=12 is_replay=false {side=SIDE_BUY quantity=50000 price=2500 market_id=1 contract_id=2}
// Field names are the protocol's (snake_case), enums are shown by name (by
// number when unknown), bigints as digits, bytes as a count, and secrets
// (passwords, login cookies, session ids; see isSecretKey) as `<redacted>`.
import { lookupPayload, type PayloadInfo, type PayloadName } from "../../generated/payload-map.js";
import type * as eto from "../../generated/eto.js";
import type * as seto from "../../generated/seto.js";
import { payloadKindName } from "./payload-kind.js";
import { bodySchemas, enumName, type FieldSchema, type MessageSchema } from "./payload-schema.js";
import { isSecretKey, readProperty, REDACTED } from "./secrets.js";
import { errorText, scalarText } from "./text-value.js";

const MAX_DEPTH = 8;
const SETO_ENVELOPE_KEYS = new Set(["type", "etoPayload"]);
const ETO_ENVELOPE_KEYS = new Set(["seq", "type", "isReplay"]);

/** One-line text of `payload`; never throws, whatever the input. */
export function formatPayload(payload: seto.Payload): string {
  try {
    return render(payload);
  } catch (err) {
    return `<unformattable payload: ${err instanceof Error ? errorText(err) : String(scalarText(err))}>`;
  }
}

function render(payload: seto.Payload): string {
  if (payload === null || typeof payload !== "object") return `<not a payload: ${String(scalarText(payload))}>`;
  const envelope: Partial<eto.Payload> | undefined = payload.etoPayload ?? undefined;
  const parts = [
    payloadKindName(payload.type, envelope?.type),
    `seq=${envelope ? String(scalarText(envelope.seq)) : "?"}`,
    `is_replay=${envelope?.isReplay === true}`,
  ];
  const info = knownPayload(payload.type, envelope?.type);
  if (info?.property !== undefined) {
    const holder: object | undefined = info.layer === "seto" ? payload : envelope;
    const body = holder === undefined ? undefined : readProperty(holder, info.property);
    // Braced, because some bodies have a `seq` of their own (the order's).
    if (body !== undefined) parts.push(`{${fieldsText(body, bodySchemas[info.name as PayloadName], 0)}}`);
  }
  // Bodies that do not belong to the type (or any body of an unknown type) are
  // shown by name rather than hidden: they are what a reader debugging it needs.
  const own = info?.property;
  const sameLayer = (layer: "seto" | "eto"): string | undefined => (info?.layer === layer ? own : undefined);
  parts.push(...strayBodies(payload, SETO_ENVELOPE_KEYS, sameLayer("seto")), ...strayBodies(envelope, ETO_ENVELOPE_KEYS, sameLayer("eto")));
  return parts.filter((part) => part !== "").join(" ");
}

function strayBodies(holder: object | undefined, envelopeKeys: ReadonlySet<string>, own: string | undefined): string[] {
  if (holder === undefined || holder === null || typeof holder !== "object") return [];
  const parts: string[] = [];
  for (const key of Object.keys(holder)) {
    if (envelopeKeys.has(key) || key === own) continue;
    const body = readProperty(holder, key);
    if (body !== undefined) parts.push(`${snakeCase(key)}=${valueText(body, key, undefined, 0)}`);
  }
  return parts;
}

function knownPayload(setoType: unknown, etoType: unknown): PayloadInfo | undefined {
  if (typeof setoType !== "number" || (etoType !== undefined && typeof etoType !== "number")) return undefined;
  return lookupPayload(setoType, etoType);
}

/** `key=value …` for the fields of a message (absent fields omitted). */
function fieldsText(message: unknown, schema: MessageSchema | undefined, depth: number): string {
  if (message === null || typeof message !== "object" || message instanceof Uint8Array || Array.isArray(message)) {
    return `body=${valueText(message, "body", undefined, depth)}`;
  }
  const parts: string[] = [];
  for (const key of Object.keys(message)) {
    const value = readProperty(message, key);
    if (value === undefined) continue;
    parts.push(`${snakeCase(key)}=${valueText(value, key, schema !== undefined && Object.hasOwn(schema, key) ? schema[key] : undefined, depth)}`);
  }
  return parts.join(" ");
}

function valueText(value: unknown, key: string, field: FieldSchema | undefined, depth: number): string {
  if (isSecretKey(key)) return REDACTED;
  if (Array.isArray(value)) {
    if (depth >= MAX_DEPTH) return "[…]";
    return `[${value.map((item) => valueText(item, key, field, depth + 1)).join(", ")}]`;
  }
  const name = field !== undefined && "enum" in field ? enumName(field.enum, value) : undefined;
  if (name !== undefined) return name;
  const scalar = scalarText(value);
  if (scalar !== undefined) return scalar;
  if (depth >= MAX_DEPTH) return "{…}";
  const schema = field !== undefined && "message" in field ? field.message : undefined;
  return `{${fieldsText(value, schema, depth + 1)}}`;
}

/** Protocol spelling of a ts-proto property name: `accountSequence64` → `account_sequence64`. */
function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
