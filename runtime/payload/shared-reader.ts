// One protobuf reader per receive buffer rather than one per payload: making
// a BinaryReader (and its DataView) costs about as much as decoding a small
// body. Payloads framed from one chunk share its ArrayBuffer, so the reader
// made for the first serves the rest. The last buffer seen stays referenced
// until another one replaces it.
import { BinaryReader } from "@bufbuild/protobuf/wire";

let cachedBuffer: ArrayBufferLike | undefined;
let cachedReader: BinaryReader | undefined;

/**
 * A reader over the whole buffer behind `bytes`, positioned at `bytes[offset]`.
 * It is not bounded by `bytes`: callers check where reading stopped (the
 * reader's `pos` is relative to the buffer, i.e. `bytes.byteOffset` + index).
 * Valid until the next call.
 */
export function sharedReaderAt(bytes: Uint8Array, offset: number): BinaryReader {
  const buffer = bytes.buffer;
  let reader = cachedReader;
  if (reader === undefined || cachedBuffer !== buffer) {
    reader = new BinaryReader(new Uint8Array(buffer));
    cachedReader = reader;
    cachedBuffer = buffer;
  }
  reader.pos = bytes.byteOffset + offset;
  return reader;
}
