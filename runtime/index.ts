// Public entry point of the hand-written runtime. Generated message types are
// imported from generated/ (eto.js, seto.js, payload-map.js).
export * from "./errors.js";
export * from "./clock.js";
export { FakeClock } from "./fake-clock.js";
export * from "./integers.js";
export * from "./framing/index.js";
export * from "./payload/index.js";
export * from "./session/index.js";
export * from "./transport/index.js";
export * from "./dispatch/handler-types.js";
export { HandlerRegistry } from "./dispatch/handler-registry.js";
export * from "./client/index.js";
export * from "./streams/index.js";
export { consoleLogger, formatPayload, redactSettings, type ConsoleLoggerOptions } from "./logging/index.js";
export * as odds from "./odds/index.js";
export * as ids from "./ids/index.js";
