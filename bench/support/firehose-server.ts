// The firehose's server, run in a process of its own by bench/firehose.ts:
// on each connection it answers the login (login response, seq 1), and on
// the client's market subscribe writes the whole pre-encoded stream (seqs
// from 2) in one write, which goes out as fast as the socket takes it. What
// the client sends (its answers to the stream's heartbeats) is read and
// counted, and reported to the parent when the connection closes.
//
// Run by the benchmark: node bench/build/support/firehose-server.js STREAM_FILE
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { eto, seto } from "smarkets-streaming/protocol";
import { encodeFrame, encodePayload, FrameDecoder, loginResponsePayload, peekPayload, withSeq } from "smarkets-streaming/internal";

const file = process.argv[2];
if (file === undefined) throw new Error("usage: firehose-server.js STREAM_FILE");
const stream = readFileSync(file);
let sessions = 0;

/** What a client sent on one connection. */
export interface FirehoseReport {
  readonly frames: number;
  readonly heartbeats: number;
  readonly bytes: number;
}

const server = createServer((socket) => {
  socket.setNoDelay(true);
  const report = { frames: 0, heartbeats: 0, bytes: 0 };
  let streamed = false;
  const decoder = new FrameDecoder({
    frame(payload) {
      report.frames++;
      const header = peekPayload(payload);
      if (header.etoType === eto.PayloadType.PAYLOAD_LOGIN) {
        const response = withSeq(loginResponsePayload(`firehose-${process.pid}-${++sessions}`), 1n);
        socket.write(encodeFrame(encodePayload(response)));
      } else if (header.etoType === eto.PayloadType.PAYLOAD_HEARTBEAT) {
        report.heartbeats++;
      } else if (header.setoType === seto.PayloadType.PAYLOAD_MARKET_SUBSCRIBE && !streamed) {
        streamed = true;
        socket.write(stream);
      }
    },
  });
  socket.on("data", (chunk) => {
    report.bytes += chunk.length;
    decoder.push(chunk);
  });
  socket.on("error", () => undefined); // the client closes without logging out
  socket.on("close", () => process.send?.({ report }));
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address !== null ? address.port : 0 });
});
// The parent going away ends this process.
process.on("disconnect", () => process.exit(0));
