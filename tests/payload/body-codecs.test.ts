import test from "ava";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { payloadInfo, payloadNames, type PayloadInfo } from "../../generated/payload-map.js";
import * as seto from "../../generated/seto.js";
import { setoBodyByField, setoBodyCodecs, type SetoBodyProperty } from "../../generated/body-codecs.js";

/** `message.<property> = <Codec>.decode(` in the generated seto.Payload decoder, by property. */
function envelopeDecodeCalls(): Map<string, string> {
  const source = readFileSync(fileURLToPath(new URL("../../generated/seto.ts", import.meta.url)), "utf8");
  const start = source.indexOf("export const Payload: MessageFns<Payload> = {");
  const decodeAt = source.indexOf("decode(input: BinaryReader", start);
  const end = source.indexOf("fromJSON(", decodeAt);
  const calls = new Map<string, string>();
  for (const m of source.slice(decodeAt, end).matchAll(/message\.(\w+) = (\w+)\.decode\(/g)) calls.set(m[1]!, m[2]!);
  return calls;
}

test("each body codec is the one the envelope's own decoder calls for that property", (t) => {
  const calls = envelopeDecodeCalls();
  calls.delete("etoPayload");
  t.true(calls.size > 30);
  t.deepEqual(Object.keys(setoBodyCodecs).sort(), [...calls.keys()].sort());
  for (const [property, codec] of calls) {
    t.is<unknown, unknown>(setoBodyCodecs[property as SetoBodyProperty], (seto as unknown as Record<string, unknown>)[codec], property);
  }
});

test("the by-field table holds every seto body at its field number", (t) => {
  let bodies = 0;
  for (const name of payloadNames) {
    const info: PayloadInfo = payloadInfo[name];
    if (info.layer !== "seto" || info.property === undefined) continue;
    bodies++;
    const entry = setoBodyByField[info.fieldNumber!];
    t.is<string | undefined, string | undefined>(entry?.property, info.property, name);
    t.is(entry?.codec, setoBodyCodecs[info.property as SetoBodyProperty], name);
  }
  t.is(setoBodyByField.filter((e) => e !== undefined).length, bodies);
});
