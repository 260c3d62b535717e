// Shared helpers for the piqi converter tests: convert in-memory snippets and
// pick definitions out of the generated .proto text.
import type { ExecutionContext } from "ava";
import { convertPiqiSources, PiqiError, type ConvertResult } from "../../scripts/piqi/index.js";

/** Converts `files` (file name → piqi text). */
export function convert(files: Record<string, string>, header?: string[]): ConvertResult {
  return convertPiqiSources(new Map(Object.entries(files)), header ? { header } : {});
}

/** The .proto text generated for `module` from `files`. */
export function protoOf(files: Record<string, string>, module: string): string {
  const file = convert(files).files.find((f) => f.module === module);
  if (!file) throw new Error(`no output for module ${module}`);
  return file.content;
}

/** The body lines (trimmed) of `message name` or `enum name` in `proto`, or undefined. */
export function bodyOf(proto: string, keyword: "message" | "enum", name: string): string[] | undefined {
  const lines = proto.split("\n");
  const start = lines.indexOf(`${keyword} ${name} {`);
  if (start < 0) return undefined;
  const end = lines.indexOf("}", start);
  return lines.slice(start + 1, end).map((line) => line.trim());
}

/** Asserts that converting `files` throws a PiqiError and returns its message. */
export function errorOf(t: ExecutionContext, files: Record<string, string>): string {
  const err = t.throws(() => convert(files), { instanceOf: PiqiError });
  return err?.message ?? "";
}

/** Converts one file `a.piqi` holding `text` and returns its .proto. */
export function protoOfText(text: string): string {
  return protoOf({ "a.piqi": text }, "a");
}

/** `line:col` of the `nth` (1-based) occurrence of `needle` in `text`, for expected messages. */
export function where(text: string, needle: string, nth = 1): string {
  let index = -1;
  for (let k = 0; k < nth; k++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth} times`);
  }
  const before = text.slice(0, index).split("\n");
  return `${before.length}:${Array.from(before[before.length - 1]!).length + 1}`;
}
