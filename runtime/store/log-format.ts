// The file store's log: a sequence of records, each
//
//   u32 LE  length of the body
//   u32 LE  CRC-32 of the body
//   body    u8 record type, then the type's content (records.ts)
//
// appended and never rewritten in place (compaction writes a new file and
// renames it over the old one). Reading checks every record; what a crash can
// leave at the end is told apart from damage:
//
// - the last record cut short (its header or body runs past the end of the
//   file), a last record whose checksum fails, or a tail of zero bytes (a
//   file system that extended the file but never wrote the data): a torn
//   write. The records before it are whole; reading stops there and says how
//   many bytes it dropped.
// - a record that fails with whole records after it, or an impossible
//   length: damage. StoreCorruptError, naming the offset.
import { crc32 } from "node:zlib";

/** Bytes before a record's body: its length and checksum. */
export const RECORD_HEADER_BYTES = 8;
/** Larger bodies are refused: no record the store writes comes near it (a payload is at most maxFrameSize). */
export const MAX_RECORD_BODY = 1 << 30;

/** One record read back: its type and content (a view into the file's bytes). */
export interface LogRecord {
  readonly type: number;
  readonly content: Uint8Array;
  readonly offset: number;
}

/** What reading a log found: the whole records, and a torn end if there was one. */
export interface LogScan {
  readonly records: LogRecord[];
  /** Offset after the last whole record: where the file must end. */
  readonly end: number;
  /** Why the bytes from `end` on were dropped, if any were. */
  readonly torn: string | undefined;
}

/** Damage before the last record: what and where. */
export class LogDamage extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** One record's bytes: header and body (`type`, then `content`). */
export function encodeRecord(type: number, content: Uint8Array): Uint8Array {
  const out = new Uint8Array(RECORD_HEADER_BYTES + 1 + content.length);
  out[RECORD_HEADER_BYTES] = type;
  out.set(content, RECORD_HEADER_BYTES + 1);
  const body = out.subarray(RECORD_HEADER_BYTES);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  view.setUint32(0, body.length, true);
  view.setUint32(4, crc32(body), true);
  return out;
}

/** Reads every record of `bytes`; throws LogDamage for damage before the last record (see the file comment). */
export function scanLog(bytes: Uint8Array): LogScan {
  const records: LogRecord[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    const torn = (why: string): LogScan => ({ records, end: at, torn: why });
    if (isZeros(bytes, at)) return torn(`${bytes.length - at} zero bytes after the last record (never written)`);
    if (bytes.length - at < RECORD_HEADER_BYTES) return torn(`a record header cut short (${bytes.length - at} of ${RECORD_HEADER_BYTES} bytes)`);
    const length = view.getUint32(at, true);
    const sum = view.getUint32(at + 4, true);
    if (length === 0 || length > MAX_RECORD_BODY) {
      throw new LogDamage(`record at offset ${at} has an impossible length ${length} (1..${MAX_RECORD_BODY})`, at);
    }
    const start = at + RECORD_HEADER_BYTES;
    const end = start + length;
    if (end > bytes.length) return torn(`the last record cut short (${bytes.length - start} of ${length} bytes)`);
    const body = bytes.subarray(start, end);
    if (crc32(body) !== sum) {
      if (end === bytes.length || isZeros(bytes, end)) return torn(`the last record's checksum fails (a write cut short)`);
      throw new LogDamage(`record at offset ${at} (${length} bytes) fails its checksum, with records after it`, at);
    }
    records.push({ type: body[0]!, content: body.subarray(1), offset: at });
    at = end;
  }
  return { records, end: at, torn: undefined };
}

function isZeros(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}
