// Settings as code ported from the seed spells them. The seed's
// SessionSettings(username, password, host, port, ssl, socket_timeout,
// ssl_kwargs, tcp_nodelay) with its read_chunksize attribute, and the
// Session(settings, inseq, outseq, account_sequence) arguments: each is
// either taken as an alias of our setting or refused with an ArgumentError
// naming what to write instead — never silently ignored, which once left TLS
// on for `{ ssl: false }`. Any other key that is not a setting is refused too,
// naming the closest setting.
import { closestName } from "../closest-name.js";
import { ArgumentError } from "../errors.js";
import { show } from "../show-value.js";
import { SETTING_NAMES } from "./setting-names.js";
import type { SessionSettings } from "./settings.js";

type SeedName = "ssl" | "ssl_kwargs" | "socket_timeout" | "tcp_nodelay" | "read_chunksize" | "inseq" | "outseq" | "account_sequence";

type SeedSetting =
  /** The same setting under our name; `convert` returns the value to use, or throws. */
  | { readonly alias: keyof SessionSettings; readonly convert: (value: unknown) => unknown }
  /** No setting to alias: `accept` says whether the value is what the client does anyway; else refused, saying `instead` what to do. */
  | { readonly instead: string; readonly accept?: (value: unknown) => boolean };

/** A Python int as the seed took it: a bigint, or a safe whole number turned into one. */
function seqValue(name: SeedName, ours: string) {
  return (value: unknown): unknown => {
    if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
    if (typeof value === "bigint") return value;
    throw new ArgumentError(`${name} (the seed's name for ${ours}) must be a bigint or a whole number, got ${show(value)}`);
  };
}

/** How each name of the seed is taken. */
export const SEED_SETTINGS: { readonly [N in SeedName]: SeedSetting } = {
  ssl: {
    alias: "tls",
    convert(value) {
      if (typeof value !== "boolean") {
        throw new ArgumentError(`ssl (the seed's name for tls) must be true or false, got ${show(value)}; give TLS options as tls: { ca, … }`);
      }
      return value;
    },
  },
  ssl_kwargs: {
    instead: "give tls: { … } with node tls.connect options (ca, cert, key, servername, rejectUnauthorized); Python's ssl.wrap_socket arguments do not carry over",
  },
  socket_timeout: {
    instead: "give connectTimeoutMs (milliseconds, not seconds) to limit connecting, and deadAfterMs for a connection gone silent",
  },
  tcp_nodelay: {
    instead: "the client always sets TCP_NODELAY (Nagle off) and has no setting to turn it on; remove it",
    accept: (value) => value === true,
  },
  read_chunksize: {
    instead: "Node reads whatever the socket has, so there is nothing to size; remove it (maxFrameSize bounds one frame)",
  },
  inseq: { alias: "inSeq", convert: seqValue("inseq", "inSeq") },
  outseq: { alias: "outSeq", convert: seqValue("outseq", "outSeq") },
  account_sequence: { alias: "accountSequence", convert: seqValue("account_sequence", "accountSequence") },
};

const known: ReadonlySet<string> = new Set<string>(SETTING_NAMES);

function isSeedName(key: string): key is SeedName {
  return Object.prototype.hasOwnProperty.call(SEED_SETTINGS, key);
}

/** The setting a misspelt key most likely meant, or the list of settings. */
function hintFor(key: string): string {
  const near = closestName(key, [...SETTING_NAMES, ...Object.keys(SEED_SETTINGS)]);
  if (near === undefined) return `settings are ${SETTING_NAMES.join(", ")}`;
  if (!isSeedName(near)) return `did you mean ${near}?`;
  const seed = SEED_SETTINGS[near];
  return "alias" in seed ? `did you mean ${seed.alias}?` : `if you meant the seed's ${near}, ${seed.instead}`;
}

/**
 * `given` with the seed's names turned into ours; the object itself when it
 * has none. Throws ArgumentError for a seed name with no equivalent, for a
 * seed name given together with ours, and for any key that is not a setting.
 */
export function fromSeedNames(given: SessionSettings): SessionSettings {
  let translated: Record<string, unknown> | undefined;
  for (const key of Object.keys(given)) {
    if (known.has(key)) continue;
    const value = (given as Record<string, unknown>)[key];
    if (!isSeedName(key)) throw new ArgumentError(`unknown setting ${show(key)}: ${hintFor(key)}`);
    const seed = SEED_SETTINGS[key];
    if (value === undefined) continue;
    if (!("alias" in seed)) {
      if (seed.accept?.(value)) continue;
      throw new ArgumentError(`${key} (the seed's setting) is not taken: ${seed.instead}`);
    }
    if ((given as Record<string, unknown>)[seed.alias] !== undefined) {
      throw new ArgumentError(`${key} is the seed's name for ${seed.alias}: give one of them, not both`);
    }
    translated ??= { ...given };
    delete translated[key];
    translated[seed.alias] = seed.convert(value);
  }
  return (translated as SessionSettings | undefined) ?? given;
}
