// Public entry point of the hand-written runtime.
export * from "./errors.js";
export * from "./clock.js";
export * from "./framing/index.js";
export * as odds from "./odds/index.js";
export * as ids from "./ids/index.js";
