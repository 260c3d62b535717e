// The client fuzz as a FuzzTarget: one hostile server for the whole run.
import type { FuzzTarget } from "../target.js";
import { runClientCase } from "./client-case.js";
import { HostileServer } from "./hostile-server.js";

export async function clientTarget(): Promise<FuzzTarget> {
  const server = await HostileServer.start();
  return {
    side: "client",
    run: (seed, k) => runClientCase(seed, k, server),
    toolErrors: () => server.scriptErrors.splice(0),
    close: () => server.close(),
  };
}
