// A ParseError keeps a copy of at most the first 1 KiB of the offending frame:
// a peer sending unparseable frames of up to maxFrameSize cannot make every
// queued error hold a whole frame, or the receive buffer it is a view of.
import test from "ava";
import { PARSE_ERROR_FRAME_BYTES, ParseError } from "../../runtime/errors.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";

test("a 16 MiB frame that does not parse: the error keeps its first 1 KiB, copied, and its length", (t) => {
  const receiveBuffer = new Uint8Array(16 * 1024 * 1024 + 100);
  const frame = receiveBuffer.subarray(50, 50 + 16 * 1024 * 1024);
  frame.fill(0xff); // not protobuf
  const e = t.throws(() => new IncomingPayload(frame), { instanceOf: ParseError });
  t.is(PARSE_ERROR_FRAME_BYTES, 1024);
  t.is(e.frame?.length, 1024);
  t.is(e.frame?.buffer.byteLength, 1024, "a copy, not a view keeping the receive buffer alive");
  t.is(e.frameLength, 16 * 1024 * 1024);
});

test("a small frame is kept whole", (t) => {
  const e = new ParseError("bad", Uint8Array.of(1, 2, 3));
  t.deepEqual(e.frame, Uint8Array.of(1, 2, 3));
  t.is(e.frameLength, 3);
  t.is(new ParseError("no frame").frame, undefined);
});
