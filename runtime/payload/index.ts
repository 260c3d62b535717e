// The payload layer: header peeking, lazy incoming payloads, outgoing builders.
export { peekPayload, type PayloadHeader } from "./peek.js";
export { IncomingPayload } from "./incoming.js";
export { payloadName } from "./names.js";
export * from "./encode.js";
export { setoPayload } from "../../generated/payload-map.js";
