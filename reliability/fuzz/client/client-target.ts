// The client fuzz as a FuzzTarget: one hostile-server process for the whole
// run (or a worker's share of it), which the cases' clients connect to.
import { compileEntry } from "../../common/compiled-entry.js";
import type { FuzzTarget } from "../target.js";
import { runClientCase } from "./client-case.js";
import { HOSTILE_SERVER_ENTRY, HostileServerLink } from "./hostile-server-link.js";

/**
 * `serverEntry`: the hostile server compiled (the supervisor compiles it once
 * for all its workers); without it, it is compiled here (a test's run).
 */
export async function clientTarget(serverEntry?: string): Promise<FuzzTarget> {
  const entry = serverEntry ?? (await compileEntry(HOSTILE_SERVER_ENTRY, `hostile-server-${process.pid}`));
  const server = await HostileServerLink.start(entry);
  const scriptErrors: string[] = [];
  return {
    side: "client",
    run: async (seed, k) => {
      const r = await runClientCase(seed, k, server);
      scriptErrors.push(...r.scriptErrors);
      return r;
    },
    toolErrors: () => scriptErrors.splice(0),
    close: () => server.close(),
  };
}
