// Which fields of the protocol messages hold enums or nested messages, so a
// decoded payload (where enums are bare numbers) can be logged with names.
// The table itself is generated from the protocol (generated/message-schema.ts).
export { bodySchemas, type EnumObject, type FieldSchema, type MessageSchema } from "../../generated/message-schema.js";
import type { EnumObject } from "../../generated/message-schema.js";

/** The name of `value` in `enumObject`, or undefined if it is not one of its members. */
export function enumName(enumObject: EnumObject, value: unknown): string | undefined {
  if (typeof value !== "number" || !Number.isInteger(value)) return undefined;
  const name = enumObject[value];
  // UNRECOGNIZED (-1) is ts-proto's placeholder, not a protocol value: show the number.
  return typeof name === "string" && name !== "UNRECOGNIZED" ? name : undefined;
}
