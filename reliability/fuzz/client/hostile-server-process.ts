// Entry of the client fuzz's hostile-server process: started by the worker
// (hostile-server-link.ts) with `fork`, it answers the worker's requests in
// order and exits when the worker disconnects.
import { HostileServer } from "./hostile-server.js";
import type { ServerReply, ServerRequest } from "./hostile-server-protocol.js";

const server = await HostileServer.start();
// A script's stray exception must not end the process: it is the fuzz's bug, reported with the case.
process.on("uncaughtException", (e) => server.noteScriptError(e));
process.on("unhandledRejection", (e) => server.noteScriptError(e));

const reply = (m: ServerReply): void => void process.send!(m);

// Requests come one at a time, but `end` awaits: chain them so replies keep their order.
let queue = Promise.resolve();
process.on("message", (m: ServerRequest) => {
  queue = queue.then(async () => {
    switch (m.t) {
      case "begin":
        server.begin(m.seed, m.k);
        return reply({ t: "begun" });
      case "state":
        return reply({ t: "state", ...server.state() });
      case "advance":
        server.advanceTo(m.to);
        return reply({ t: "state", ...server.state() });
      case "end":
        return reply({ t: "ended", ...(await server.end()) });
    }
  });
});
process.on("disconnect", () => void server.close().then(() => process.exit(0)));
reply({ t: "ready", port: server.port });
