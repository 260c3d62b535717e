// A protocol bump touches no hand-written code. This takes the published
// v6.6.0 definitions, adds a payload type with its own message
// (seto.my_new_thing, MyNewThing) and an optional field on an existing
// message (OrderAccepted.venue_note), regenerates into a temporary copy of
// the project with the project's own `npm run generate`, type-checks the copy
// with runtime, exchange, CLI and tests as they are, and runs a client of the
// copy against a bare peer (a raw TCP server built here from frames and
// protobuf bytes, knowing nothing of the new protocol's generated code).
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import test from "ava";
import { BinaryWriter, WireType } from "@bufbuild/protobuf/wire";
import * as eto from "../../generated/eto.js";
import * as seto from "../../generated/seto.js";
import { encodeFrame, FrameDecoder } from "../../runtime/framing/index.js";
import { encodePayload, loginResponsePayload, withSeq } from "../../runtime/payload/encode.js";
import { IncomingPayload } from "../../runtime/payload/incoming.js";
import { hasShared, projectRoot, sharedPath, skipReason } from "../helpers/shared.js";

const run = promisify(execFile);

/** Field and enum numbers of the bump: the next free ones in v6.6.0. */
const NEW_TYPE = 45; // PAYLOAD_MY_NEW_THING
const NEW_PAYLOAD_FIELD = 46; // Payload.my_new_thing
const NEW_ACCEPTED_FIELD = 99; // OrderAccepted.venue_note

/** seto.piqi of v6.6.0 with the bump applied; each edit must find its anchor. */
function bumpedSeto(source: string): string {
  const edit = (text: string, anchor: string, insert: string): string => {
    const at = text.indexOf(anchor);
    if (at < 0) throw new Error(`seto.piqi has no ${JSON.stringify(anchor)} any more: update the bump`);
    return text.slice(0, at + anchor.length) + insert + text.slice(at + anchor.length);
  };
  let text = edit(
    source,
    ".name order-cancel-replace-rejected\n        .type order-cancel-replace-rejected\n        .optional\n        .code 45\n    ]",
    `\n    .field [\n        .name my-new-thing\n        .type my-new-thing\n        .optional\n        .code ${NEW_PAYLOAD_FIELD}\n    ]`,
  );
  text = edit(
    text,
    '.protobuf-name "PAYLOAD_ORDER_CANCEL_REPLACE_REJECTED"\n        .code 44\n    ]',
    `\n    .option [\n        .name my-new-thing\n        .protobuf-name "PAYLOAD_MY_NEW_THING"\n        .code ${NEW_TYPE}\n    ]`,
  );
  text = edit(
    text,
    '.name order-accepted\n    .protobuf-name "OrderAccepted"',
    `\n    .field [\n        .name venue-note\n        .type string\n        .optional\n        .code ${NEW_ACCEPTED_FIELD}\n    ]`,
  );
  return (
    text +
    `\n.record [\n    .name my-new-thing\n    .protobuf-name "MyNewThing"\n` +
    `    .field [\n        .name market-id\n        .type uint64\n        .code 1\n    ]\n` +
    `    .field [\n        .name note\n        .type string\n        .optional\n        .code 2\n    ]\n]\n`
  );
}

/** What `tsc -p` reads, plus what `npm run generate` needs; node_modules is linked, generated/ and proto/ are rebuilt. */
const COPIED = ["package.json", "tsconfig.json", "buf.yaml", "buf.gen.yaml", "scripts", "runtime", "exchange", "cli", "tests", "examples", "bench", "reliability", "generated", "proto"];

let copy: string | undefined;

/** The steps run in order, each on the copy the first made; without ../shared each is skipped, saying why. */
const step: typeof test.serial = hasShared
  ? test.serial
  : (((title: string, fn: never) => test.skip(`${title} [skipped: ${skipReason}]`, fn)) as unknown as typeof test.serial);

test.after.always(() => {
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});

step("a new payload type and a new field regenerate into a copy of the project", async (t) => {
  t.timeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), "smarkets-bump-"));
  copy = dir;
  for (const entry of COPIED) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"), "dir");
  const protocol = join(dir, "protocol-next");
  mkdirSync(protocol);
  const source = sharedPath("versions", "v6.6.0");
  writeFileSync(join(protocol, "eto.piqi"), readFileSync(join(source, "eto.piqi")));
  writeFileSync(join(protocol, "seto.piqi"), bumpedSeto(readFileSync(join(source, "seto.piqi"), "utf8")));

  await run(process.execPath, ["--import", "tsx", join(dir, "scripts", "generate.ts"), protocol], { cwd: dir });

  const map = readFileSync(join(dir, "generated", "payload-map.ts"), "utf8");
  t.regex(map, /"seto\.my_new_thing": seto\.MyNewThing;/);
  t.regex(readFileSync(join(dir, "generated", "body-codecs.ts"), "utf8"), /myNewThing: seto\.MyNewThing,/);
  t.regex(readFileSync(join(dir, "generated", "seto.ts"), "utf8"), /venueNote\?: string \| undefined;/);
  // Nothing hand-written was touched: runtime, exchange and CLI are byte for byte the project's.
  for (const folder of ["runtime", "exchange", "cli"]) {
    for (const file of readdirSync(join(projectRoot, folder), { recursive: true, encoding: "utf8" })) {
      const path = join(folder, file);
      if (statSync(join(projectRoot, path)).isFile() && !readFileSync(join(dir, path)).equals(readFileSync(join(projectRoot, path)))) t.fail(`${path} differs`);
    }
  }
});

step("the copy type-checks unchanged, with a typed handler for seto.my_new_thing", async (t) => {
  t.timeout(180_000);
  if (copy === undefined) return t.fail("no regenerated copy (see the test above)");
  cpSync(join(projectRoot, "tests", "fixtures", "protocol-bump", "probe.ts.txt"), join(copy, "tests", "protocol-bump-probe.ts"));
  const tsc = join(projectRoot, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "--noEmit", "-p", join(copy, "tsconfig.json")], { cwd: copy }).then(
    () => "",
    (e: { stdout?: string; message: string }) => e.stdout || e.message,
  );
  t.is(result, "", "tsc on the copy reports no errors");
});

/** A bare peer: answers the login, then sends the new payload and an order-accepted carrying the new field. */
async function barePeer(): Promise<{ port: number; close: () => Promise<void>; received: string[] }> {
  const received: string[] = [];
  const server = createServer((socket: Socket) => {
    const decoder = new FrameDecoder({
      frame(bytes) {
        const p = new IncomingPayload(bytes.slice());
        received.push(p.name);
        if (p.etoType !== eto.PayloadType.PAYLOAD_LOGIN) return;
        const reply = [
          encodePayload(withSeq(loginResponsePayload("bump-session", p.seq + 1n), 1n)),
          newThingPayload(2n),
          acceptedWithNote(3n),
        ];
        for (const payload of reply) socket.write(encodeFrame(payload));
      },
    });
    socket.on("data", (chunk) => decoder.push(chunk));
    socket.on("error", () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A length-delimited field `field` holding `bytes`. */
function lengthDelimited(field: number, bytes: Uint8Array): Uint8Array {
  return new BinaryWriter().tag(field, WireType.LengthDelimited).bytes(bytes).finish();
}

const concat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

/** seto.Payload of the new type: the envelope our generated code knows, then the body it does not, by hand. */
function newThingPayload(seq: bigint): Uint8Array {
  const envelope = encodePayload({ type: NEW_TYPE as seto.PayloadType, etoPayload: { seq } });
  const body = new BinaryWriter().tag(1, WireType.Varint).uint64(42n).tag(2, WireType.LengthDelimited).string("hello").finish();
  return concat(envelope, lengthDelimited(NEW_PAYLOAD_FIELD, body));
}

/** An order-accepted whose body ends with the new venue_note field. */
function acceptedWithNote(seq: bigint): Uint8Array {
  const envelope = encodePayload({ type: seto.PayloadType.PAYLOAD_ORDER_ACCEPTED, etoPayload: { seq } });
  const known = seto.OrderAccepted.encode({ seq: 2n, orderId: 81n }).finish();
  const note = new BinaryWriter().tag(NEW_ACCEPTED_FIELD, WireType.LengthDelimited).string("from the venue").finish();
  return concat(envelope, lengthDelimited(6, concat(known, note)));
}

step("the copy's client receives the new payload from a bare peer, and the new field on order-accepted", async (t) => {
  t.timeout(120_000);
  if (copy === undefined) return t.fail("no regenerated copy (see the tests above)");
  const peer = await barePeer();
  t.teardown(() => peer.close());
  const { stdout } = await run(process.execPath, ["--import", "tsx", join(copy, "tests", "protocol-bump-probe.ts"), String(peer.port)], {
    cwd: copy,
    timeout: 60_000,
  });
  const out = JSON.parse(stdout.trim().split("\n").pop()!) as {
    fromPeer: { thing: { marketId: string; note: string; seq: string }; accepted: { orderId: string; venueNote: string } };
    exchange: { pingAnswered: boolean; logout: string };
  };
  t.deepEqual(out.fromPeer.thing, { marketId: "42", note: "hello", seq: "seto.my_new_thing@2" });
  t.deepEqual(out.fromPeer.accepted, { orderId: "81", venueNote: "from the venue" });
  t.is(peer.received[0], "seto.login");
  // The copy's exchange ignored the new payload from its client and went on: ping answered, logout confirmed.
  t.true(out.exchange.pingAnswered);
  t.is(out.exchange.logout, String(eto.LogoutReason.LOGOUT_CONFIRMATION));
});
