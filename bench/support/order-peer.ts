// The order round trip's peer, run in a process of its own by
// bench/round-trip.ts: the least an exchange does to answer an order. Every
// frame it receives is decoded whole (seto.Payload.decode); a login is
// answered with a login response, an order-create with an order-accepted
// echoing its seq and reference, each written at once with its own seq;
// anything else (heartbeats) is read and dropped. The raw echo mode of the
// benchmark sends it the same order-create bytes, so the peer does the same
// work per request in both modes and the difference is the client's.
//
// Run by the benchmark: node bench/build/support/order-peer.js
import { createServer } from "node:net";
import { eto, seto } from "smarkets-streaming/protocol";
import { encodeFrame, encodePayload, FrameDecoder, frameLength, loginResponsePayload, withSeq } from "smarkets-streaming/internal";

/** What one connection exchanged, reported to the parent when it closes. */
export interface OrderPeerReport {
  readonly orders: number;
  /** Bytes of the order-create frames received, and of the order-accepted frames sent. */
  readonly requestBytes: number;
  readonly replyBytes: number;
}

let sessions = 0;

const server = createServer((socket) => {
  socket.setNoDelay(true);
  let outSeq = 1n;
  let orderId = 1_000_000n;
  const report = { orders: 0, requestBytes: 0, replyBytes: 0 };
  const send = (payload: seto.Payload): number => {
    const frame = encodeFrame(encodePayload(payload));
    socket.write(frame);
    return frame.length;
  };
  const decoder = new FrameDecoder({
    frame(bytes) {
      const payload = seto.Payload.decode(bytes);
      if (payload.etoPayload?.type === eto.PayloadType.PAYLOAD_LOGIN) {
        send(withSeq(loginResponsePayload(`order-peer-${process.pid}-${++sessions}`), outSeq++));
      } else if (payload.orderCreate !== undefined) {
        const order = payload.orderCreate;
        orderId += 4096n;
        report.orders++;
        report.requestBytes += frameLength(bytes.length);
        report.replyBytes += send({
          type: seto.PayloadType.PAYLOAD_ORDER_ACCEPTED,
          etoPayload: { seq: outSeq },
          orderAccepted: {
            seq: payload.etoPayload?.seq ?? 0n,
            reference: order.reference,
            orderId,
            price: order.price,
            quantity: order.quantity,
            marketId: order.marketId,
            contractId: order.contractId,
            side: order.side,
            accountSequence64: outSeq,
          },
        });
        outSeq++;
      }
    },
  });
  socket.on("data", (chunk) => decoder.push(chunk));
  socket.on("error", () => undefined);
  socket.on("close", () => process.send?.({ report }));
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address !== null ? address.port : 0 });
});
process.on("disconnect", () => process.exit(0));
