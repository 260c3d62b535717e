// ts-proto on its own omits a field equal to its default even when the field is
// `required`, and a proto2 peer then rejects the message. These tests encode
// messages whose required fields hold 0 / false / "" with the generated code
// and decode them with a real, strict proto2 implementation (buf's, through
// `buf convert`, which refuses a message missing a required field).
import test from "ava";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { projectRoot } from "../helpers/shared.js";

const buf = join(projectRoot, "node_modules", ".bin", "buf");

/** Decodes `bytes` as `type` with buf's proto2 decoder; returns its JSON, or throws with buf's complaint. */
function strictDecode(type: string, bytes: Uint8Array): unknown {
  const out = execFileSync(buf, ["convert", "--type", type, "--from", "-#format=binpb", "--to", "-#format=json"], {
    cwd: projectRoot,
    input: bytes,
    stdio: ["pipe", "pipe", "pipe"],
  });
  return JSON.parse(out.toString("utf8"));
}

test("the strict decoder really refuses a message missing a required field", (t) => {
  const err = t.throws(() => strictDecode("smarkets.eto.Replay", new Uint8Array(0)));
  t.regex(String((err as { stderr?: Buffer }).stderr ?? err?.message), /required field smarkets\.eto\.Replay\.seq not set/);
});

const cases: { type: string; bytes: Uint8Array; json: unknown }[] = [
  { type: "smarkets.eto.Replay", bytes: eto.Replay.encode({ seq: 0n }).finish(), json: { seq: "0" } },
  { type: "smarkets.eto.Login", bytes: eto.Login.encode({ session: "" }).finish(), json: { session: "" } },
  {
    type: "smarkets.seto.SettingsAccepted",
    bytes: seto.SettingsAccepted.encode({ cancelAllOnFailure: false }).finish(),
    json: { cancelAllOnFailure: false },
  },
  {
    type: "smarkets.seto.ThrottleLimitsChanged",
    bytes: seto.ThrottleLimitsChanged.encode({ averageRatePs: 0, burstSize: 0, tickMs: 0 }).finish(),
    json: { averageRatePs: 0, burstSize: 0, tickMs: 0 },
  },
  {
    type: "smarkets.seto.BalanceChanged",
    bytes: seto.BalanceChanged.encode({ reason: "", availableBalance: 0 }).finish(),
    json: { reason: "", availableBalance: 0 },
  },
  {
    type: "smarkets.seto.Payload",
    bytes: seto.Payload.encode({
      type: seto.PayloadType.PAYLOAD_MARKET_QUOTES,
      etoPayload: { seq: 0n },
      marketQuotes: { contractQuotes: [{ bids: [{ price: 0, quantity: 0n }], offers: [], executions: [], marketId: 0, contractId: 0 }], marketId: 0 },
    }).finish(),
    json: {
      type: "PAYLOAD_MARKET_QUOTES",
      etoPayload: { seq: "0" },
      marketQuotes: { contractQuotes: [{ bids: [{ price: 0, quantity: "0" }], marketId: 0, contractId: 0 }], marketId: 0 },
    },
  },
];

for (const c of cases) {
  test(`required fields at zero survive a proto2 decoder: ${c.type}`, (t) => {
    t.deepEqual(strictDecode(c.type, c.bytes), c.json);
  });
}

test("optional fields are on the wire exactly when set, even at their default", (t) => {
  // Unset optional fields stay off the wire...
  t.deepEqual([...eto.Logout.encode({}).finish()], []);
  // ...and an optional field set to its (proto2) default is still sent, as the Python SDK does.
  t.deepEqual([...eto.Logout.encode({ reason: eto.LogoutReason.LOGOUT_NONE }).finish()], [0x08, 0x01]);
  t.deepEqual([...seto.Login.encode({ accountSequence: 0 }).finish()], [0x20, 0x00]);
  // Decoding keeps that distinction.
  t.is(eto.Logout.decode(new Uint8Array(0)).reason, undefined);
  t.is(eto.Logout.decode(Uint8Array.of(0x08, 0x01)).reason, eto.LogoutReason.LOGOUT_NONE);
});
