// Public entry point of the hand-written runtime.
export * from "./errors.js";
export * from "./clock.js";
export * from "./framing/index.js";
