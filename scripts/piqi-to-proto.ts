// `npm run piqi-to-proto -- <in-dir> <out-dir>`: converts every .piqi file in
// <in-dir> (imports resolve there) to proto2, one <module>.proto per module,
// written to <out-dir>. Warnings go to stderr. Exit status: 0 done, 1 the
// input is malformed (the message says file:line:col), 2 bad usage.
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { convertPiqiDirectory, listPiqiFiles, PiqiError, type ConvertResult } from "./piqi/index.js";

const USAGE = "usage: piqi-to-proto <in-dir> <out-dir>\n  converts every .piqi file in <in-dir> to <out-dir>/<module>.proto";

function usageError(message: string): never {
  process.stderr.write(`piqi-to-proto: ${message}\n${USAGE}\n`);
  process.exit(2);
}

function convertOrExit(inDir: string): ConvertResult {
  try {
    return convertPiqiDirectory(inDir);
  } catch (err) {
    if (!(err instanceof PiqiError)) throw err;
    process.stderr.write(`piqi-to-proto: ${err.message}\n`);
    process.exit(1);
  }
}

function main(argv: readonly string[]): void {
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (argv.length !== 2) usageError(`expected 2 arguments (<in-dir> <out-dir>), got ${argv.length}`);
  const [inDir, outDir] = argv as [string, string];
  if (!existsSync(inDir) || !statSync(inDir).isDirectory()) usageError(`input directory not found: ${inDir}`);
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) usageError(`output path is not a directory: ${outDir}`);

  try {
    listPiqiFiles(inDir);
  } catch (err) {
    if (err instanceof PiqiError) usageError(err.message);
    throw err;
  }

  const result = convertOrExit(inDir);
  for (const warning of result.warnings) process.stderr.write(`Warning: ${warning}\n`);
  mkdirSync(outDir, { recursive: true });
  for (const file of result.files) {
    const path = join(outDir, file.fileName);
    writeFileSync(path, file.content);
    process.stdout.write(`wrote ${path}\n`);
  }
}

main(process.argv.slice(2));
