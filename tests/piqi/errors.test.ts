// Malformed piqi: every problem is a PiqiError whose message is
// `file:line:col: message`, located at the offending value.
import test from "ava";
import { convertPiqiSources, PiqiError } from "../../scripts/piqi/index.js";
import { SmarketsError } from "../../runtime/errors.js";
import { errorOf, where } from "./helpers.js";

/** Asserts that `a.piqi` holding `text` is refused at the `nth` occurrence of `at` with `reason`. */
function refused(t: Parameters<typeof errorOf>[0], text: string, at: string, reason: string, nth = 1): void {
  t.is(errorOf(t, { "a.piqi": text }), `a.piqi:${where(text, at, nth)}: ${reason}`);
}

test("a PiqiError is a SmarketsError carrying the reason and the position apart", (t) => {
  const err = t.throws(() => convertPiqiSources(new Map([["m.piqi", "\n  .record [ .name r .field [ .type nosuch ] ]"]])), { instanceOf: PiqiError });
  t.true(err instanceof SmarketsError);
  t.is(err?.name, "PiqiError");
  t.is(err?.reason, 'unknown type "nosuch"');
  t.deepEqual(err?.pos, { file: "m.piqi", line: 2, col: 36 });
  t.is(err?.message, 'm.piqi:2:36: unknown type "nosuch"');
});

test("lexical and bracket errors surface through the converter", (t) => {
  refused(t, ".record [\n  .name r\n  .field [ .name a .type int ]\n", "[", 'unbalanced brackets: this "[" is never closed');
  refused(t, '.record [ .name r ]\n]', "]", 'unbalanced brackets: unexpected "]"', 2);
  refused(t, '.protobuf-package "smarkets', '"', "unterminated string literal");
  refused(t, String.raw`.protobuf-package "a\zb"`, "\\", String.raw`invalid string escape "\z": expected \\, \", \t, \n, \r, \xHH, \uHHHH or \UHHHHHHHH`);
});

test("unknown types are refused at the type name", (t) => {
  refused(t, ".record [ .name r .field [ .name a .type nosuch ] ]", "nosuch", 'unknown type "nosuch"');
  refused(t, ".record [ .name r .field [ .name a .type other/thing ] ]", "other/thing", 'unknown type "other/thing"');
  const imported = { "b.piqi": ".record [ .name thing ]", "a.piqi": ".import [ .module b ]\n.list [ .name l .type b/nothing ]" };
  t.is(errorOf(t, imported), `a.piqi:${where(imported["a.piqi"], "b/nothing")}: unknown type "b/nothing"`);
});

test("invalid names are refused: piqi names, type names, proto names and packages", (t) => {
  refused(t, ".record [ .name Foo_Bar ]", "Foo_Bar", 'invalid name: "Foo_Bar"');
  refused(t, ".record [ .name r .field [ .name a_b .type int ] ]", "a_b", 'invalid name: "a_b"');
  refused(t, ".enum [ .name e .option [ .name x.y ] ]", "x.y", 'invalid name: "x.y"');
  refused(t, ".record [ .name r .field [ .name a .type in_t ] ]", "in_t", 'invalid type name: "in_t"');
  refused(t, '.record [ .name r .protobuf-name "My Record" ]', '"My', 'invalid protobuf name "My Record": expected letters, digits and underscores, not starting with a digit');
  refused(t, '.enum [ .name e .option [ .name a .protobuf-name "1A" ] ]', '"1A"', 'invalid protobuf name "1A": expected letters, digits and underscores, not starting with a digit');
  refused(t, '.protobuf-package "smarkets..seto"', '"', 'invalid protobuf package "smarkets..seto"');
});

test("duplicate names are refused at the second, naming the first", (t) => {
  const types = ".record [ .name r ]\n.enum [ .name r .option [ .name x ] ]";
  refused(t, types, "r .option", `duplicate type definition "r" (first defined at a.piqi:${where(types, "r ]")})`);
  const fields = ".record [ .name r .field [ .name a .type int ] .field [ .name a .type bool ] ]";
  refused(t, fields, "a .type bool", `duplicate field name "a" (first defined at a.piqi:${where(fields, "a .type int")})`);
  const unnamed = ".record [ .name r .field [ .name int .type bool ] .field [ .type int ] ]";
  refused(t, unnamed, "int ]", `duplicate field name "int" (first defined at a.piqi:${where(unnamed, "int .type")})`);
  const options = ".variant [ .name v .option [ .name a ] .option [ .name a .type int ] ]";
  refused(t, options, "a .type", `duplicate option name "a" (first defined at a.piqi:${where(options, "a ]")})`);
  const constants = ".enum [ .name e .option [ .name a ] .option [ .name a ] ]";
  refused(t, constants, "a ]", `duplicate enum option name "a" (first defined at a.piqi:${where(constants, "a ]")})`, 2);
});

test("proto names that would clash in the .proto are refused", (t) => {
  const constants = ".enum [ .name a .option [ .name none ] ]\n.enum [ .name b .option [ .name none ] ]";
  refused(t, constants, "none", `enum constant "none" clashes with enum constant of the same name in the root package (at a.piqi:${where(constants, "none")})`, 2);
  const messages = '.protobuf-package "p"\n.record [ .name a .protobuf-name "X" ]\n.enum [ .name b .protobuf-name "X" .option [ .name c ] ]';
  refused(t, messages, '"X"', `enum "X" clashes with message of the same name in package p (at a.piqi:${where(messages, '"X"')})`, 2);
  const fields = '.record [ .name r .field [ .name a-b .type int ] .field [ .name c .type int .protobuf-name "a_b" ] ]';
  refused(t, fields, '"a_b"', `field "a_b" clashes with field of the same name in message r (at a.piqi:${where(fields, "a-b")})`);
});

test("mixed, duplicate and out-of-range codes are refused", (t) => {
  const mixed = ".record [\n    .name payload\n    .field [ .name a .type int .code 1 ]\n    .field [ .name b .type int .optional ]\n]";
  refused(t, mixed, "[", "codes must be defined for either all or none fields");
  const dup = ".record [ .name r .field [ .name a .type int .code 5 ] .field [ .name b .type int .code 5 ] ]";
  refused(t, dup, "5 ]", `duplicate wire code: 5 (first used at a.piqi:${where(dup, "5 ]")})`, 2);
  refused(t, ".record [ .name r .field [ .name a .type int .code 19123 ] ]", "19123", "wire code is out of allowed range: 19123 (allowed: 1..536870911 except 19000..19999)");
});

test("imports must name a module of the directory, by its file name, without loops", (t) => {
  const missing = ".import [ .module nosuch ]";
  t.is(errorOf(t, { "a.piqi": missing }), `a.piqi:${where(missing, "nosuch")}: imported piqi module is not found: "nosuch"`);
  const renamed = { "a.piqi": ".import [ .module b ]", "b.piqi": ".module c" };
  t.is(errorOf(t, renamed), `a.piqi:${where(renamed["a.piqi"], "b ]")}: module loaded as "b" has different name "c"`);
  const loop = { "a.piqi": ".import [ .module b ]", "b.piqi": ".import [ .module a ]" };
  t.is(errorOf(t, loop), "b.piqi:1:9: imported piqi modules form a loop: a -> b -> a");
  t.is(errorOf(t, { "a.piqi": ".import [ .module a ]" }), "a.piqi:1:9: imported piqi modules form a loop: a -> a");
  const twice = { "a.piqi": ".import [ .module b ]\n.import [ .module c .name b ]", "b.piqi": "", "c.piqi": "" };
  t.is(errorOf(t, twice), 'a.piqi:2:9: duplicate import name "b"');
});

test("module names must be valid and distinct", (t) => {
  t.is(errorOf(t, { "a.piqi": ".module x", "b.piqi": ".module x" }), 'b.piqi:1:9: duplicate module "x" (also defined by a.piqi)');
  t.is(errorOf(t, { "1st.piqi": "" }), "1st.piqi:1:1: piqi module name can not be derived from the file name");
  t.is(errorOf(t, { "a.piqi": '.module "my module"' }), "a.piqi:1:9: invalid piqi module name: my module");
  t.is(errorOf(t, { "a.piqi": ".module org/a" }), "a.piqi:1:9: module names with a path are not supported by this converter: org/a");
});

test("properties must be given as the schema expects", (t) => {
  refused(t, ".record [ .field [ .name a .type int ] ]", "[", 'missing field "name"');
  refused(t, ".record [ .name a .name b ]", "b ]", 'duplicate field "name"');
  refused(t, ".record [ .name ]", ".name", 'value must be specified for field "name"');
  refused(t, ".record [ .name r .field [ .name a .type int .optional true ] ]", ".optional", 'value can not be specified for flag "optional"');
  refused(t, ".record [ .name r .field [ .name a .type int .optional .deprecated 1 ] ]", ".deprecated", 'value can not be specified for flag "deprecated"');
  refused(t, ".record [ .name r .protobuf-name R ]", "R ]", "quoted string literal expected instead of word: R");
  refused(t, ".record [ .name [ ] ]", "[ ]", ".name expects a word, not a list");
  refused(t, '.record [ .name r .field [ .name a .type int .code "1" ] ]', '"1"', ".code expects an integer, not a string");
  refused(t, ".record [ .name r .field [ .name a .type int .optional .repeated ] ]", ".repeated", "conflicting field modes: .optional and .repeated");
  refused(t, ".record [ .name r .field [ .name a .type int .mode.sometimes ] ]", ".mode", ".mode expects .required, .optional or .repeated, not sometimes");
});

test("fields, options and definitions must be complete and consistent", (t) => {
  refused(t, ".record [ .name r .field [ .optional ] ]", "[ .optional", "name or type must be specified for a field");
  refused(t, ".record [ .name r .field [ .name present ] ]", "[ .name present", "flags must be optional");
  refused(t, ".enum [ .name e ]", "[", 'enum "e" doesn\'t specify any options');
  refused(t, ".variant [ .name v ]", "[", 'variant "v" doesn\'t specify any options');
  refused(t, ".variant [ .name v .option [ .code 1 ] ]", "[ .code", "name or type must be specified for an option");
  refused(t, ".enum [ .name e .option [ .code 1 ] ]", "[ .code", "enum options must specify name");
  refused(t, ".enum [ .name e .option [ .name a .type int ] ]", "int", "enum options must not specify type");
  refused(t, ".alias [ .name a ]", "[", 'alias "a" must specify either piqi-type or type');
});

test("aliases must end at a type, and .protobuf-type must fit it", (t) => {
  refused(t, ".alias [ .name a .type b ]\n.alias [ .name b .type c ]\n.alias [ .name c .type a ]", "[", 'alias loop: "a" -> "b" -> "c" -> "a"');
  const tail = ".alias [ .name a .type b ]\n.alias [ .name b .type c ]\n.alias [ .name c .type b ]";
  refused(t, tail, "[", 'alias loop: "b" -> "c" -> "b"', 2);
  refused(t, '.alias [ .name a .type int .protobuf-type "varint" ]', '"varint"', 'invalid .protobuf-type "varint": expected one of double, float, int32, sint32, sfixed32, uint32, fixed32, int64, sint64, sfixed64, uint64, fixed64, bool, string, bytes');
  refused(t, '.alias [ .name a .type string .protobuf-type "int32" ]', '"int32"', '.protobuf-type "int32" is incompatible with piqi type "string"');
  refused(t, '.record [ .name r ]\n.alias [ .name a .type r .protobuf-type "bytes" ]', '"bytes"', '.protobuf-type "bytes" is incompatible with record "r"');
  refused(t, ".alias [ .name a .type string .piqi-type.int ]", ".piqi-type", '.piqi-type int doesn\'t match the type "string"');
  refused(t, ".alias [ .name a .piqi-type.any ]", ".piqi-type", ".piqi-type expects one of .int, .float, .bool, .string, .binary, not any");
});

test("only repeated numeric, bool or enum fields can be packed", (t) => {
  refused(t, ".record [ .name r .field [ .name a .type int .optional .protobuf-packed ] ]", "[ .name a", "packed representation can be used only for repeated fields");
  refused(t, ".record [ .name r .field [ .name a .type string .repeated .protobuf-packed ] ]", "[ .name a", "packed representation can be used only for numeric, bool and enum types");
  refused(t, ".list [ .name l .type binary .protobuf-packed ]", "[", "packed representation can be used only for numeric, bool and enum types");
});

test("piqi features this converter does not translate are refused, not ignored", (t) => {
  refused(t, ".include [ .module other ]", ".include", ".include is not supported by this converter");
  refused(t, ".extend [ .typedef r .with.field [ .name x ] ]", ".extend", ".extend is not supported by this converter");
  refused(t, ".function [ .name f ]", ".function", ".function is not supported by this converter");
  refused(t, '.variant [ .name v .option [ .name a ] .protobuf-oneof "choice" ]', ".protobuf-oneof", ".protobuf-oneof is not supported by this converter");
});
