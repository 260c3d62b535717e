// The connection options every client command takes: where the exchange is
// (an embedded simulator, a local one, or a host), TLS, credentials and the
// time limit. Resolved before anything connects, so a mistake costs nothing.
import { readFileSync } from "node:fs";
import type { ConnectionOptions } from "node:tls";
import { DEMO_ACCOUNTS } from "../exchange/server/accounts.js";
import { ArgumentError } from "../runtime/errors.js";
import { formatAddress } from "../runtime/transport/tls-config.js";
import { integerArg, positiveNumberArg, type FlagSpecs, type ParsedArgs } from "./args.js";

export const CONNECTION_FLAGS = {
  "--host": "value",
  "--port": "value",
  "--plain": "switch",
  "--ca": "value",
  "--user": "value",
  "--password": "value",
  "--timeout": "value",
} as const satisfies FlagSpecs;

export const CONNECTION_HELP = `connection:
  --host HOST        the exchange to connect to (TLS, certificate verified)
  --port PORT        its port (default 3701); --port alone means 127.0.0.1:PORT,
                     e.g. a simulator started with "smarkets exchange"
  --plain            plain TCP instead of TLS ("smarkets exchange" speaks plain
                     TCP unless given a key and certificate)
  --ca FILE          trust this CA certificate (PEM) for TLS
  --user USER        log in as USER (else SMARKETS_USERNAME) ...
  --password PASS    ... with PASS (else SMARKETS_PASSWORD, which keeps it
                     out of the process list); or set SMARKETS_TOKEN to log
                     in with a token instead
  --timeout SECONDS  for connecting, logging in and each request (default 10)

Without --host or --port, a simulator is started inside this command and is
gone when it ends. Without credentials, the simulator's demo account is used.`;

export type Endpoint =
  /** Start a simulator in-process for this command. */
  | { readonly kind: "embedded" }
  | { readonly kind: "remote"; readonly host: string; readonly port: number; readonly tls: boolean | ConnectionOptions };

export type Credentials = { readonly username: string; readonly password: string } | { readonly token: string };

export interface ConnectionArgs {
  readonly endpoint: Endpoint;
  readonly credentials: Credentials;
  /** Where the credentials came from; "demo" when none were given. */
  readonly credentialSource: "options" | "environment" | "demo";
  readonly timeoutMs: number;
}

const DEFAULT_PORT = 3701;
const DEFAULT_TIMEOUT_S = 10;
const LOCAL_HOST = "127.0.0.1";

export function connectionArgs(args: ParsedArgs, env: NodeJS.ProcessEnv): ConnectionArgs {
  const { credentials, source } = credentialsFrom(args, env);
  const timeout = args.values.get("--timeout");
  return {
    endpoint: endpointFrom(args),
    credentials,
    credentialSource: source,
    timeoutMs: 1000 * (timeout === undefined ? DEFAULT_TIMEOUT_S : positiveNumberArg("--timeout", timeout, 3600)),
  };
}

/** "127.0.0.1:3701 (plain TCP)", for messages. */
export function describeEndpoint(host: string, port: number, tls: boolean | ConnectionOptions): string {
  return `${formatAddress(host, port)} (${tls === false ? "plain TCP" : "TLS"})`;
}

function endpointFrom(args: ParsedArgs): Endpoint {
  const host = args.values.get("--host");
  const portText = args.values.get("--port");
  const ca = args.values.get("--ca");
  const plain = args.switches.has("--plain");
  if (host === undefined && portText === undefined) {
    if (ca !== undefined) throw new ArgumentError(`--ca ${ca} needs --host or --port: the embedded simulator speaks plain TCP`);
    return { kind: "embedded" };
  }
  if (ca !== undefined && plain) throw new ArgumentError(`--ca ${ca} is for TLS, and --plain turns TLS off: give one of them`);
  const port = portText === undefined ? DEFAULT_PORT : integerArg("--port", portText, 1, 65_535);
  const tls = plain ? false : ca === undefined ? true : { ca: readCa(ca) };
  return { kind: "remote", host: host ?? LOCAL_HOST, port, tls };
}

function readCa(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));
    throw new ArgumentError(`--ca ${file} cannot be read (${why})`);
  }
}

/** An environment variable, with "" counting as unset. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v === "" ? undefined : v;
}

function credentialsFrom(args: ParsedArgs, env: NodeJS.ProcessEnv): { credentials: Credentials; source: ConnectionArgs["credentialSource"] } {
  const user = args.values.get("--user");
  const password = args.values.get("--password");
  if (user !== undefined || password !== undefined) {
    const username = user ?? fromEnv(env, "SMARKETS_USERNAME");
    const secret = password ?? fromEnv(env, "SMARKETS_PASSWORD");
    // The password itself is never repeated in a message.
    if (username === undefined) throw new ArgumentError("--password needs --user (or SMARKETS_USERNAME in the environment)");
    if (secret === undefined) throw new ArgumentError(`--user ${username} needs --password (or SMARKETS_PASSWORD in the environment)`);
    return { credentials: { username, password: secret }, source: "options" };
  }
  const token = fromEnv(env, "SMARKETS_TOKEN");
  if (token !== undefined) return { credentials: { token }, source: "environment" };
  const envUser = fromEnv(env, "SMARKETS_USERNAME");
  const envPassword = fromEnv(env, "SMARKETS_PASSWORD");
  if (envUser !== undefined && envPassword !== undefined) return { credentials: { username: envUser, password: envPassword }, source: "environment" };
  if (envUser !== undefined) throw new ArgumentError("SMARKETS_USERNAME is set but SMARKETS_PASSWORD is not");
  if (envPassword !== undefined) throw new ArgumentError("SMARKETS_PASSWORD is set but SMARKETS_USERNAME is not");
  const demo = DEMO_ACCOUNTS[0]!;
  return { credentials: { username: demo.username, password: demo.password }, source: "demo" };
}
