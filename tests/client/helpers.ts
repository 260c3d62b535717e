// Shared set-up for client tests: an in-process simulated exchange on an
// ephemeral loopback port and a client pointed at it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startExchange, type ExchangeHandle, type ExchangeOptions } from "../../exchange/index.js";
import { StreamingAPIClient, type ClientOptions } from "../../runtime/client/index.js";
import { silentLogger } from "../../runtime/logging/index.js";
import type { SessionSettings } from "../../runtime/session/settings.js";
import { projectRoot } from "../helpers/shared.js";

export const tlsFixture = (name: string) => readFileSync(join(projectRoot, "tests", "fixtures", "tls", name));

export async function exchange(options: ExchangeOptions = {}): Promise<ExchangeHandle> {
  return startExchange({ logger: silentLogger, ...options });
}

export function clientFor(ex: ExchangeHandle, settings: SessionSettings = {}, options: ClientOptions = {}): StreamingAPIClient {
  return new StreamingAPIClient(
    { username: "demo", password: "demo", host: ex.host, port: ex.port, tls: false, ...settings },
    { logger: silentLogger, ...options },
  );
}

/** Resolves with the first item of `iterable` that `pick` accepts. */
export async function first<T>(iterable: AsyncIterable<T>, pick: (item: T) => boolean): Promise<T> {
  for await (const item of iterable) if (pick(item)) return item;
  throw new Error("stream ended before the expected item");
}
