// Converts every .piqi file of a directory (imports resolve within it).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { convertPiqiSources, type ConvertOptions, type ConvertResult } from "./convert.js";
import { PiqiError } from "./errors.js";

function readOrFail<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new PiqiError(`${what}: cannot read (${(err as Error).message})`, undefined, { cause: err });
  }
}

/** The `.piqi` files directly in `dir`, sorted; throws PiqiError when there are none. */
export function listPiqiFiles(dir: string): string[] {
  const entries = readOrFail(dir, () => readdirSync(dir, { withFileTypes: true }));
  const piqi = entries.filter((e) => e.name.endsWith(".piqi") && !e.isDirectory()).map((e) => e.name).sort();
  if (piqi.length === 0) throw new PiqiError(`${dir}: no .piqi files found`);
  return piqi;
}

/** Converts every `.piqi` in `inDir`; messages name files relative to it (`seto.piqi:25:9: …`). */
export function convertPiqiDirectory(inDir: string, options?: ConvertOptions): ConvertResult {
  const sources = new Map<string, string>();
  for (const name of listPiqiFiles(inDir)) {
    const path = join(inDir, name);
    sources.set(name, readOrFail(path, () => readFileSync(path, "utf8")));
  }
  return convertPiqiSources(sources, options);
}
