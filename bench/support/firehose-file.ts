// The firehose (firehose-stream.ts) framed and kept in a file, so the
// benchmark's client process and its server process play the same bytes and
// the stream, slow to encode, is built once: the file's name carries the
// count, the seed and a hash of the generator's code, so a changed generator
// builds a new one.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { encodeFrames, FrameDecoder } from "smarkets-streaming/internal";
import { buildFirehose } from "./firehose-stream.js";
import { packageRoot } from "./paths.js";

const cacheDir = join(packageRoot, ".tmp", "bench-cache");

export interface FirehoseFile {
  /** Where the framed stream lies. */
  readonly path: string;
  /** Payloads by name. */
  readonly counts: Readonly<Record<string, number>>;
}

/** The framed stream's file, built first if it is not there yet. */
export function firehoseFile(count: number, seed: number): FirehoseFile {
  const generator = readFileSync(new URL("./firehose-stream.js", import.meta.url));
  const hash = createHash("sha256").update(generator).digest("hex").slice(0, 12);
  const path = join(cacheDir, `firehose-${count}-${seed}-${hash}.bin`);
  const countsPath = `${path}.json`;
  if (!existsSync(path) || !existsSync(countsPath)) {
    const stream = buildFirehose({ count, seed });
    mkdirSync(cacheDir, { recursive: true });
    // Written aside and renamed, so a run interrupted mid-write leaves no half file.
    writeFileSync(`${path}.part`, encodeFrames(stream.payloads));
    renameSync(`${path}.part`, path);
    writeFileSync(countsPath, JSON.stringify(stream.counts));
  }
  return { path, counts: JSON.parse(readFileSync(countsPath, "utf8")) as Record<string, number> };
}

/** The framed stream's payloads, each in an array of its own (as the generated encoder made them). */
export function splitPayloads(framed: Uint8Array): Uint8Array[] {
  const payloads: Uint8Array[] = [];
  new FrameDecoder({ frame: (payload) => payloads.push(payload.slice()) }).push(framed);
  return payloads;
}
