// Whose session a store holds, from the client's settings: a store is only
// ever resumed by a client of the same account, host, port and protocol.
import { createHash } from "node:crypto";
import { protocolSource } from "../../generated/protocol-version.js";
import type { ResolvedSessionSettings } from "../session/settings.js";
import type { StoreIdentity } from "./session-store.js";

/** The identity a client with `settings` opens its store with. A token is named by a digest, never written. */
export function storeIdentity(settings: ResolvedSessionSettings): StoreIdentity {
  const account =
    settings.username !== undefined ? `user ${settings.username}` : `token sha256:${createHash("sha256").update(settings.token ?? "").digest("hex").slice(0, 16)}`;
  return { account, host: settings.host.toLowerCase(), port: settings.port, protocol: protocolVersion() };
}

/** "seto: smk_api_common v6.6.0; eto: eto_common v1.2.3": what the generated code speaks. */
function protocolVersion(): string {
  const versions = protocolSource.filter((line) => line.startsWith("seto:") || line.startsWith("eto:"));
  return (versions.length > 0 ? versions : protocolSource).join("; ");
}
