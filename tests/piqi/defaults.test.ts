// `.default` values: checked against the field's type, written as proto2
// default literals; enum defaults by the constant's proto name.
import test from "ava";
import { bodyOf, errorOf, protoOfText, where } from "./helpers.js";

const fieldLine = (type: string, value: string, extra = ""): string => {
  const proto = protoOfText(`${extra}\n.record [ .name r .field [ .name f .type ${type} .optional .default ${value} ] ]`);
  return bodyOf(proto, "message", "r")?.[0] ?? "";
};

test("numbers, booleans and strings become proto literals", (t) => {
  t.is(fieldLine("bool", "false"), "optional bool f = 1 [default = false];");
  t.is(fieldLine("uint64", "0"), "optional uint64 f = 1 [default = 0];");
  t.is(fieldLine("int", "-42"), "optional sint32 f = 1 [default = -42];");
  t.is(fieldLine("uint64", "0xFFFFFFFFFFFFFFFF"), "optional uint64 f = 1 [default = 18446744073709551615];");
  t.is(fieldLine("int64", "-9223372036854775808"), "optional sint64 f = 1 [default = -9223372036854775808];");
  t.is(fieldLine("float", "1.5"), "optional double f = 1 [default = 1.5];");
  t.is(fieldLine("float32", "2"), "optional float f = 1 [default = 2];");
  t.is(fieldLine("float", "-0.inf"), "optional double f = 1 [default = -inf];");
  t.is(fieldLine("string", String.raw`"say \"hi\"\n\u00e9"`), String.raw`optional string f = 1 [default = "say \"hi\"\né"];`);
  t.is(fieldLine("binary", String.raw`"\x00\xffA"`), String.raw`optional bytes f = 1 [default = "\x00\xffA"];`);
});

test("an enum default names the option, written as the constant's proto name", (t) => {
  const enumDef = '.enum [ .name kind .protobuf-name "Kind" .option [ .name limit .protobuf-name "KIND_LIMIT" ] .option [ .name market ] ]';
  const proto = protoOfText(`${enumDef}\n.record [ .name r .field [ .name a .type kind .optional .default.limit ] .field [ .name b .type kind .optional .default.market ] ]`);
  t.deepEqual(bodyOf(proto, "message", "r"), ["optional Kind a = 1 [default = KIND_LIMIT];", "optional Kind b = 2 [default = market];"]);
});

test("an enum default includes the enum's .protobuf-prefix", (t) => {
  const proto = protoOfText('.enum [ .name e .protobuf-prefix "E_" .option [ .name a ] ]\n.record [ .name r .field [ .name f .type e .optional .default.a ] ]');
  t.deepEqual(bodyOf(proto, "message", "r"), ["optional e f = 1 [default = E_a];"]);
});

test("defaults go through aliases, and their range is the proto type's", (t) => {
  t.is(fieldLine("price", "7", ".alias [ .name price .type uint32 ]"), "optional uint32 f = 1 [default = 7];");
  t.is(fieldLine("small", "-5", '.alias [ .name small .type uint64 .protobuf-type "int32" ]'), "optional int32 f = 1 [default = -5];");
});

test("a default of the wrong kind is refused, naming what was expected", (t) => {
  const cases: [string, string, string][] = [
    ["uint32", '"7"', "invalid default: int constant expected for uint32, not a string"],
    ["bool", "1", "invalid default: boolean constant expected for bool, not an integer"],
    ["float", "true", "invalid default: float constant expected for double, not a boolean"],
    ["string", "hello", "invalid default: quoted string literal expected instead of word: hello"],
    ["binary", "5", "invalid default: binary string expected for bytes, not an integer"],
  ];
  for (const [type, value, reason] of cases) {
    const text = `.record [ .name r .field [ .name f .type ${type} .optional .default ${value} ] ]`;
    t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, `${value} ]`)}: ${reason}`);
  }
});

test("an integer default outside its proto type's range is refused, naming the range", (t) => {
  const cases: [string, string, string][] = [
    ["uint32", "-1", "-1 is out of range for uint32 (0..4294967295)"],
    ["uint32", "4294967296", "4294967296 is out of range for uint32 (0..4294967295)"],
    ["int32", "2147483648", "2147483648 is out of range for sint32 (-2147483648..2147483647)"],
    ["int64", "9223372036854775808", "9223372036854775808 is out of range for sint64 (-9223372036854775808..9223372036854775807)"],
  ];
  for (const [type, value, reason] of cases) {
    const text = `.record [ .name r .field [ .name f .type ${type} .optional .default ${value} ] ]`;
    t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, `${value} ]`)}: invalid default: ${reason}`);
  }
});

test("an enum default must be one of the enum's options, written as .name", (t) => {
  const enumDef = ".enum [ .name kind .option [ .name limit ] .option [ .name market ] ]\n";
  const unknown = `${enumDef}.record [ .name r .field [ .name f .type kind .optional .default.stop ] ]`;
  t.is(errorOf(t, { "a.piqi": unknown }), `a.piqi:${where(unknown, ".default.stop")}: invalid default: enum "kind" has no option "stop" (it has: limit, market)`);
  const word = `${enumDef}.record [ .name r .field [ .name f .type kind .optional .default limit ] ]`;
  t.is(errorOf(t, { "a.piqi": word }), `a.piqi:${where(word, "limit ] ]")}: invalid default: enum "kind" expects one of its options written as .name, not a word`);
});

test("records, variants and lists cannot have defaults in .proto", (t) => {
  const text = ".record [ .name inner ]\n.record [ .name r .field [ .name f .type inner .optional .default [] ] ]";
  t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, "[] ]")}: invalid default: .proto has no default values for record types ("inner")`);
});

test("only optional fields may have defaults, and flags may not", (t) => {
  const required = ".record [ .name r .field [ .name f .type int .default 1 ] ]";
  t.is(errorOf(t, { "a.piqi": required }), `a.piqi:${where(required, "1 ]")}: default values may only be specified for optional fields`);
  const repeated = ".record [ .name r .field [ .name f .type int .repeated .default 1 ] ]";
  t.is(errorOf(t, { "a.piqi": repeated }), `a.piqi:${where(repeated, "1 ]")}: default values may only be specified for optional fields`);
  const flag = ".record [ .name r .field [ .name f .optional .default true ] ]";
  t.is(errorOf(t, { "a.piqi": flag }), `a.piqi:${where(flag, "[ .name f")}: flags may not specify default`);
});
