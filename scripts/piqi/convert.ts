// The whole conversion: parse every source, link imports, resolve each module
// after the ones it imports, check proto names, write one .proto per module.
import { emitModule, protoFileName } from "./emit.js";
import { Warnings } from "./errors.js";
import { linkModules } from "./modules.js";
import { parsePiq } from "./parser.js";
import { checkProtoNames } from "./proto-names.js";
import { readModule } from "./reader.js";
import { resolveModule } from "./resolve.js";

export interface ConvertOptions {
  /** Lines written as `//` comments at the top of every file. */
  readonly header?: readonly string[];
}

export interface ProtoFile {
  /** `<module>.proto`. */
  readonly fileName: string;
  readonly module: string;
  readonly content: string;
}

export interface ConvertResult {
  /** One file per module, ordered by file name. */
  readonly files: ProtoFile[];
  /** `file:line:col: message`, in the order found. */
  readonly warnings: string[];
}

/**
 * Converts piqi sources (file name → text) into proto2 files. Imports resolve
 * among the given sources. Throws PiqiError on malformed input.
 */
export function convertPiqiSources(sources: ReadonlyMap<string, string>, options: ConvertOptions = {}): ConvertResult {
  const warnings = new Warnings();
  const fileNames = [...sources.keys()].sort();
  const specs = fileNames.map((file) => readModule(file, parsePiq(file, sources.get(file)!), warnings));
  const modules = linkModules(specs, warnings);
  for (const module of modules) resolveModule(module, warnings);
  checkProtoNames(modules);
  const files = modules
    .map((module) => ({ fileName: protoFileName(module), module: module.name, content: emitModule(module, options.header ?? []) }))
    .sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  return { files, warnings: warnings.toArray() };
}
