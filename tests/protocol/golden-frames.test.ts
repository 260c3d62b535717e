// Every frame the reference Python SDK sends (../shared/protocol/golden)
// decodes with the generated types and re-encodes to the very same bytes:
// field order, presence of optional fields set to their default (the resume
// login's account_sequence = 0, logout's reason = LOGOUT_NONE) and the seto
// messages' seq-only eto_payload all survive the round trip.
import test from "ava";
import { readFileSync } from "node:fs";
import * as seto from "../../generated/seto.js";
import { encodeFrame, FrameDecoder } from "../../runtime/framing/index.js";
import { hasShared, sharedPath, skipReason } from "../helpers/shared.js";

const files = ["python-sdk-frames.txt", "python-sdk-frames-reset5.txt"];

function golden(file: string): { name: string; frame: Uint8Array }[] {
  return readFileSync(sharedPath("golden", file), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const [name, hex] = line.trim().split(/\s+/);
      return { name: name!, frame: Uint8Array.from(Buffer.from(hex!, "hex")) };
    });
}

function deframe(frame: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [];
  new FrameDecoder({ frame: (p) => out.push(p.slice()) }).push(frame);
  if (out.length !== 1) throw new Error(`expected one frame, got ${out.length}`);
  return out[0]!;
}

for (const file of files) {
  (hasShared ? test : test.skip)(`golden frames of ${file} decode and re-encode byte for byte${hasShared ? "" : ` [${skipReason}]`}`, (t) => {
    const frames = golden(file);
    t.true(frames.length >= 8, "the golden file lists the SDK's operations");
    for (const { name, frame } of frames) {
      const payload = seto.Payload.decode(deframe(frame));
      t.truthy(payload.etoPayload, `${name}: every payload carries an eto_payload`);
      const again = encodeFrame(seto.Payload.encode(payload).finish());
      t.deepEqual(Buffer.from(again).toString("hex"), Buffer.from(frame).toString("hex"), `${name} re-encodes identically`);
    }
  });
}

(hasShared ? test : test.skip)(`golden frames carry what the operations mean${hasShared ? "" : ` [${skipReason}]`}`, (t) => {
  const byName = new Map(golden("python-sdk-frames.txt").map((g) => [g.name, seto.Payload.decode(deframe(g.frame))]));
  t.deepEqual(byName.get("login_user_pass")?.login, { username: "user", password: "pass", cookie: undefined, accountSequence: undefined, accountSequence64: undefined });
  t.deepEqual(Buffer.from(byName.get("login_token")?.login?.cookie ?? []).toString(), "tok");
  t.is(byName.get("login_resume")?.login?.accountSequence, 0);
  t.is(byName.get("login_resume")?.login?.accountSequence64, 7n);
  const order = byName.get("order_create")?.orderCreate;
  t.like(order, { side: seto.Side.SIDE_BUY, quantity: 400000n, price: 2500, marketId: 1, contractId: 2 });
  t.is(byName.get("order_cancel")?.orderCancel?.orderId, 12345n);
  t.is(byName.get("market_subscribe")?.marketSubscribe?.marketId, 1);
  t.is(byName.get("order_create")?.etoPayload?.type, undefined, "a seto message's eto_payload holds only seq");
});
