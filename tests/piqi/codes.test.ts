// Wire codes as piqi assigns and checks them: all or none explicit, 1, 2, 3…
// otherwise (skipping protobuf's reserved 19000–19999), enum values from 1.
import test from "ava";
import fc from "fast-check";
import { bodyOf, errorOf, protoOfText, where } from "./helpers.js";

const codesOf = (proto: string, keyword: "message" | "enum", name: string): number[] =>
  (bodyOf(proto, keyword, name) ?? []).map((line) => Number(/= (-?\d+)/.exec(line)?.[1]));

test("fields without codes are numbered 1, 2, 3… in order", (t) => {
  const proto = protoOfText(".record [ .name r .field [ .name a .type int ] .field [ .name b .type int ] .field [ .name c .type int ] ]");
  t.deepEqual(codesOf(proto, "message", "r"), [1, 2, 3]);
});

test("explicit codes are kept as written, in field order", (t) => {
  const proto = protoOfText(".record [ .name r .field [ .name a .type int .code 7 ] .field [ .name b .type int .code 2 ] .field [ .name c .type int .code 536870911 ] ]");
  t.deepEqual(bodyOf(proto, "message", "r"), ["required sint32 a = 7;", "required sint32 b = 2;", "required sint32 c = 536870911;"]);
});

test("automatic field codes skip protobuf's reserved 19000-19999", (t) => {
  const fields = Array.from({ length: 19001 }, (_, k) => `.field [ .name f${k} .type bool .optional ]`).join("\n");
  const codes = codesOf(protoOfText(`.record [ .name big\n${fields}\n]`), "message", "big");
  t.is(codes.length, 19001);
  t.deepEqual(codes.slice(18997), [18998, 18999, 20000, 20001]);
});

test("mixing fields with and without codes is refused at the record", (t) => {
  const message = errorOf(t, { "a.piqi": ".record [\n    .name r\n    .field [ .name a .type int .code 1 ]\n    .field [ .name b .type int ]\n]" });
  t.is(message, "a.piqi:1:9: codes must be defined for either all or none fields");
});

test("mixing variant options or enum options with and without codes is refused", (t) => {
  t.is(errorOf(t, { "a.piqi": ".variant [ .name v .option [ .name a .code 1 ] .option [ .name b ] ]" }), "a.piqi:1:10: codes must be defined for either all or none variant options");
  t.is(errorOf(t, { "a.piqi": ".enum [ .name e .option [ .name a ] .option [ .name b .code 2 ] ]" }), "a.piqi:1:7: codes must be defined for either all or none enum options");
});

test("duplicate field codes are refused at the second, naming the first", (t) => {
  const text = ".record [ .name r\n  .field [ .name a .type int .code 3 ]\n  .field [ .name b .type int .code 3 ] ]";
  t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, "3 ]", 2)}: duplicate wire code: 3 (first used at a.piqi:${where(text, "3 ]")})`);
});

test("field codes outside 1..2^29-1, or in 19000-19999, are refused", (t) => {
  for (const code of ["0", "-1", "19000", "19999", "536870912"]) {
    const text = `.record [ .name r .field [ .name a .type int .code ${code} ] ]`;
    t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, `${code} ]`)}: wire code is out of allowed range: ${code} (allowed: 1..536870911 except 19000..19999)`);
  }
  const proto = protoOfText(".record [ .name r .field [ .name a .type int .code 18999 ] .field [ .name b .type int .code 20000 ] ]");
  t.deepEqual(codesOf(proto, "message", "r"), [18999, 20000]);
});

test("variant options are numbered like fields", (t) => {
  const proto = protoOfText(".variant [ .name v .option [ .name a ] .option [ .name b .type int ] ]");
  t.deepEqual(codesOf(proto, "message", "v"), [1, 2]);
  const text = ".variant [ .name v .option [ .name a .code 2 ] .option [ .name b .code 2 ] ]";
  t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, "2 ]", 2)}: duplicate wire code: 2 (first used at a.piqi:${where(text, "2 ]")})`);
});

test("enum constants are numbered from 1, or take any int32 .code", (t) => {
  t.deepEqual(codesOf(protoOfText(".enum [ .name e .option [ .name a ] .option [ .name b ] ]"), "enum", "e"), [1, 2]);
  const proto = protoOfText(".enum [ .name e .option [ .name a .code 0 ] .option [ .name b .code -2147483648 ] .option [ .name c .code 2147483647 ] ]");
  t.deepEqual(codesOf(proto, "enum", "e"), [0, -2147483648, 2147483647]);
});

test("enum codes outside int32, or used twice, are refused", (t) => {
  const big = ".enum [ .name e .option [ .name a .code 2147483648 ] ]";
  t.is(errorOf(t, { "a.piqi": big }), `a.piqi:${where(big, "2147483648")}: enum wire code is out of allowed range: 2147483648 (allowed: -2147483648..2147483647)`);
  const twice = ".enum [ .name e .option [ .name a .code 1 ] .option [ .name b .code 1 ] ]";
  t.is(errorOf(t, { "a.piqi": twice }), `a.piqi:${where(twice, "1 ]", 2)}: duplicate enum wire code: 1 (first used at a.piqi:${where(twice, "1 ]")})`);
});

test("property: n fields without codes get 1..n; distinct explicit codes come out as written", (t) => {
  const validCode = fc.oneof(fc.integer({ min: 1, max: 18999 }), fc.integer({ min: 20000, max: 2 ** 29 - 1 }));
  fc.assert(
    fc.property(fc.uniqueArray(validCode, { minLength: 1, maxLength: 30 }), fc.boolean(), (codes, explicit) => {
      const fields = codes.map((code, k) => `.field [ .name f${k} .type int .optional${explicit ? ` .code ${code}` : ""} ]`).join(" ");
      const got = codesOf(protoOfText(`.record [ .name r ${fields} ]`), "message", "r");
      const want = explicit ? codes : codes.map((_, k) => k + 1);
      return JSON.stringify(got) === JSON.stringify(want);
    }),
    { numRuns: 50 },
  );
  t.pass();
});
