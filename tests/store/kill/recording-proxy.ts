// A TCP proxy between the crashing bots and the simulated exchange that
// records every payload the exchange sends (its seq, type and replay flag),
// from the frames on the wire: the ground truth of what each inbound seq
// carried, to check the bots' deliveries against.
import * as net from "node:net";
import { FrameDecoder } from "../../../runtime/framing/index.js";
import { IncomingPayload } from "../../../runtime/payload/incoming.js";

/** What the exchange sent as each seq of each session, over every connection: the names it came as (a gapfill in a replay, say). */
export type SeenBySeq = Map<string, Map<bigint, Set<string>>>;

export interface RecordingProxy {
  readonly host: string;
  readonly port: number;
  readonly seen: SeenBySeq;
  /** Payloads the exchange sent, over all connections. */
  readonly frames: () => number;
  close(): Promise<void>;
}

export async function recordingProxy(target: { host: string; port: number }): Promise<RecordingProxy> {
  const seen: SeenBySeq = new Map();
  let frames = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    sockets.add(client).add(upstream);
    // A connection's payloads belong to the session its login response names.
    let session: Map<bigint, Set<string>> | undefined;
    const decoder = new FrameDecoder({
      frame(payload) {
        frames++;
        const p = new IncomingPayload(payload);
        if (p.name === "eto.login_response") {
          const id = p.payload.etoPayload?.loginResponse?.session ?? "?";
          session = seen.get(id) ?? new Map();
          seen.set(id, session);
        }
        if (session === undefined) return; // a logout refusing the login
        let names = session.get(p.seq);
        if (names === undefined) session.set(p.seq, (names = new Set()));
        names.add(p.name);
      },
    });
    client.pipe(upstream);
    upstream.on("data", (chunk: Buffer) => {
      decoder.push(chunk);
      client.write(chunk);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("error", end).on("close", end);
    upstream.on("error", end).on("close", end);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    host: "127.0.0.1",
    port,
    seen,
    frames: () => frames,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
