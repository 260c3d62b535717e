// The name of every session setting. The mapped type makes this list
// complete: a setting added to SessionSettings without an entry here does not
// compile, so the unknown-key check can never refuse a real setting.
import type { SessionSettings } from "./settings.js";

const NAMES: { readonly [K in keyof Required<SessionSettings>]: true } = {
  username: true,
  password: true,
  token: true,
  host: true,
  port: true,
  tls: true,
  connectTimeoutMs: true,
  loginTimeoutMs: true,
  pingTimeoutMs: true,
  logoutTimeoutMs: true,
  heartbeatIntervalMs: true,
  deadAfterMs: true,
  replayTimeoutMs: true,
  maxHeldPayloads: true,
  maxHeldBytes: true,
  maxPeerFaults: true,
  outgoingStoreSize: true,
  outgoingStoreBytes: true,
  maxReplayBytes: true,
  maxReplayPayloads: true,
  maxFrameSize: true,
  maxOutboundBytes: true,
  sessionId: true,
  inSeq: true,
  outSeq: true,
  accountSequence: true,
};

export const SETTING_NAMES: readonly (keyof SessionSettings)[] = Object.freeze(Object.keys(NAMES) as (keyof SessionSettings)[]);
