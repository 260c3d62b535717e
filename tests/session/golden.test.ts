// The payloads the session writes must equal, byte for byte, what the
// reference Python SDK sends (frames recorded in ../shared/protocol/golden).
import test from "ava";
import { readFileSync } from "node:fs";
import * as seto from "../../generated/seto.js";
import { setoPayload } from "../../runtime/payload/index.js";
import { hasShared, sharedPath, withShared } from "../helpers/shared.js";
import { credentials, setup, type Written } from "./helpers/fixtures.js";

/** name → payload bytes (hex), the ULEB128 length prefix stripped and checked. */
function goldenPayloads(file: string): Golden {
  const out = new Map<string, string>();
  for (const line of readFileSync(sharedPath("golden", file), "utf8").split("\n")) {
    if (line.trim() === "") continue;
    const [name, hex] = line.trim().split(/\s+/);
    const frame = Buffer.from(hex!, "hex");
    let length = 0;
    let shift = 0;
    let i = 0;
    for (;;) {
      const b = frame[i++]!;
      length += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (b < 0x80) break;
    }
    if (length !== frame.length - i) throw new Error(`golden ${name}: length prefix ${length} but ${frame.length - i} bytes follow`);
    out.set(name!, frame.subarray(i).toString("hex"));
  }
  return {
    size: out.size,
    get(name: string): string {
      const hex = out.get(name);
      if (hex === undefined) throw new Error(`golden ${file} has no line ${name}`);
      return hex;
    },
  };
}

interface Golden {
  readonly size: number;
  get(name: string): string;
}

const hexOf = (w: Written | undefined): string => (w === undefined ? "(nothing written)" : Buffer.from(w.bytes).toString("hex"));

async function sessionAfterLogin(reset?: bigint) {
  const s = setup();
  s.session.connected();
  const login = s.session.login();
  const loginWrite = s.wire.take()[0];
  s.session.receive(s.peer.loginResponse("golden", reset));
  await login;
  return { ...s, loginWrite };
}

/** The operations after login, in the golden files' order; returns the payload each wrote. */
function operations(s: Awaited<ReturnType<typeof sessionAfterLogin>>): Map<string, string> {
  const out = new Map<string, string>();
  const last = (name: string) => out.set(name, hexOf(s.wire.take().at(-1)));
  void s.session.ping();
  last("ping");
  s.session.send(setoPayload("seto.order_create", { side: seto.Side.SIDE_BUY, quantity: 400_000n, price: 2500, marketId: 1, contractId: 2 }));
  last("order_create");
  s.session.send(setoPayload("seto.order_cancel", { orderId: 12345n }));
  last("order_cancel");
  s.session.send(setoPayload("seto.market_subscribe", { marketId: 1 }));
  last("market_subscribe");
  void s.session.logout();
  last("logout");
  return out;
}

const gtest = withShared(test);

gtest("login (username/password) and the session's next payloads equal the Python SDK's", async (t) => {
  const golden = goldenPayloads("python-sdk-frames.txt");
  const s = await sessionAfterLogin();
  t.is(hexOf(s.loginWrite), golden.get("login_user_pass"));
  for (const [name, hex] of operations(s)) t.is(hex, golden.get(name), name);
});

gtest("token login equals the Python SDK's", (t) => {
  const golden = goldenPayloads("python-sdk-frames.txt");
  const s = setup({ token: "tok" });
  s.session.connected();
  void s.session.login();
  t.is(hexOf(s.wire.take()[0]), golden.get("login_token"));
});

gtest("account-sequence login (new session, account_sequence 7) equals the Python SDK's", (t) => {
  const golden = goldenPayloads("python-sdk-frames.txt");
  const s = setup({ ...credentials, accountSequence: 7n });
  s.session.connected();
  void s.session.login();
  t.is(hexOf(s.wire.take()[0]), golden.get("login_resume"));
});

gtest("after a login response with reset = 5, payloads equal the Python SDK's", async (t) => {
  const golden = goldenPayloads("python-sdk-frames-reset5.txt");
  const s = await sessionAfterLogin(5n);
  t.is(hexOf(s.loginWrite), golden.get("login_user_pass"));
  const ops = operations(s);
  t.is(ops.size, 5);
  for (const [name, hex] of ops) t.is(hex, golden.get(name), name);
});

test("golden files are present in a development checkout", (t) => {
  if (!hasShared) {
    t.log("../shared is absent: the golden comparisons above are skipped");
    t.pass();
    return;
  }
  t.is(goldenPayloads("python-sdk-frames.txt").size, 8);
  t.is(goldenPayloads("python-sdk-frames-reset5.txt").size, 8);
});
