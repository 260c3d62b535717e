// A piqi → proto2 converter with the semantics of `piqi to-proto` (piqi 0.6.16).
export { convertPiqiSources, type ConvertOptions, type ConvertResult, type ProtoFile } from "./convert.js";
export { convertPiqiDirectory, listPiqiFiles } from "./directory.js";
export { PiqiError, formatPos, type Pos } from "./errors.js";
