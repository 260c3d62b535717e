// Each piqi construct and what `piqi to-proto` makes of it: records, fields
// and their modes, flags, enums, variants, lists, aliases, imports, packages,
// custom lines, headers and module names.
import test from "ava";
import { bodyOf, convert, protoOf, protoOfText } from "./helpers.js";

const B = `
.protobuf-package "test.b"
.record [ .name thing .protobuf-name "Thing" .field [ .name id .type uint64 ] ]
.alias [ .name id .type uint64 ]
.alias [ .name thing-ref .type thing ]
.enum [ .name colour .option [ .name red ] .option [ .name light-blue ] ]
`;

test("fields: modes, names with dashes, unnamed fields named after their type, flags", (t) => {
  const proto = protoOf(
    {
      "b.piqi": B,
      "a.piqi": `
.protobuf-package "test.a"
.import [ .module b ]
.import [ .module b .name other ]
.record [
    .name all-modes
    .field [ .name req-field .type int ]
    .field [ .name opt-field .type string .optional ]
    .field [ .name rep-field .type b/thing .repeated ]
    .field [ .type b/id ]
    .field [ .type int32-fixed .optional ]
    .field [ .type other/thing .optional ]
    .field [ .name is-set .optional ]
    .field [ .name old .type float .optional .deprecated ]
]`,
    },
    "a",
  );
  t.deepEqual(bodyOf(proto, "message", "all_modes"), [
    "required sint32 req_field = 1;",
    "optional string opt_field = 2;",
    "repeated .test.b.Thing rep_field = 3;",
    "required uint64 id = 4;",
    "optional sfixed32 int32_fixed = 5;",
    "optional .test.b.Thing Thing = 6;",
    "optional bool is_set = 7;",
    "optional double old = 8;",
  ]);
});

test("the file: syntax, package, one import per imported module, definitions in order", (t) => {
  const proto = protoOf({ "b.piqi": B, "a.piqi": '.protobuf-package "test.a"\n.import [ .module b ]\n.import [ .module b .name other ]\n.record [ .name r ]\n.enum [ .name e .option [ .name x ] ]' }, "a");
  t.is(proto, 'syntax = "proto2";\n\npackage test.a;\n\nimport "b.proto";\n\nmessage r {\n}\n\nenum e {\n    x = 1;\n}\n');
});

test("header lines become // comments at the top of every file", (t) => {
  const result = convert({ "b.piqi": B, "a.piqi": ".import [ .module b ]" }, ["Generated. DO NOT EDIT.", "source: test"]);
  for (const file of result.files) t.true(file.content.startsWith('// Generated. DO NOT EDIT.\n// source: test\nsyntax = "proto2";\n'), file.fileName);
});

test("one file per module, named <module>.proto, ordered by name", (t) => {
  const result = convert({ "b.piqi": B, "x.proto.piqi": ".import [ .module b ]", "c.piqi": ".module cee" });
  t.deepEqual(
    result.files.map((f) => [f.fileName, f.module]),
    [
      ["b.proto", "b"],
      ["cee.proto", "cee"],
      ["x.proto", "x"],
    ],
  );
});

test("enums: constants named by .protobuf-name or the option name, codes, .protobuf-prefix", (t) => {
  const proto = protoOfText(`
.enum [ .name colour .option [ .name red ] .option [ .name light-blue .protobuf-name "LIGHT_BLUE" ] ]
.enum [ .name e .protobuf-prefix "E_" .option [ .name x .code -1 ] .option [ .name y .protobuf-name "WHY" .code 7 ] ]`);
  t.deepEqual(bodyOf(proto, "enum", "colour"), ["red = 1;", "LIGHT_BLUE = 2;"]);
  t.deepEqual(bodyOf(proto, "enum", "e"), ["E_x = -1;", "E_WHY = 7;"]);
});

test("variants become messages of optional fields; an option with no type is a bool", (t) => {
  const proto = protoOfText(`
.record [ .name r ]
.variant [ .name choice .protobuf-name "Choice" .option [ .name a-number .type uint32 ] .option [ .type r ] .option [ .name nothing ] ]`);
  t.deepEqual(bodyOf(proto, "message", "Choice"), ["optional uint32 a_number = 1;", "optional r r = 2;", "optional bool nothing = 3;"]);
});

test("lists become messages with one repeated elem field, packed on request", (t) => {
  const proto = protoOfText(".list [ .name numbers .type int .protobuf-packed ]\n.list [ .name names .type string ]");
  t.deepEqual(bodyOf(proto, "message", "numbers"), ["repeated sint32 elem = 1 [packed = true];"]);
  t.deepEqual(bodyOf(proto, "message", "names"), ["repeated string elem = 1;"]);
});

test("repeated numeric fields can be packed", (t) => {
  const proto = protoOfText(".record [ .name r .field [ .name nums .type int64 .repeated .protobuf-packed ] ]");
  t.deepEqual(bodyOf(proto, "message", "r"), ["repeated sint64 nums = 1 [packed = true];"]);
});

test("aliases of primitives and enums vanish; uses unwind to the aliased type", (t) => {
  const proto = protoOfText(`
.alias [ .name seq .type uint64 ]
.alias [ .name seq2 .type seq ]
.enum [ .name colour .option [ .name red ] ]
.alias [ .name hue .type colour ]
.record [ .name r .field [ .name a .type seq2 ] .field [ .name b .type hue .optional .default.red ] ]`);
  t.deepEqual(bodyOf(proto, "message", "r"), ["required uint64 a = 1;", "optional colour b = 2 [default = red];"]);
  t.is(bodyOf(proto, "message", "seq"), undefined);
  t.is(bodyOf(proto, "message", "hue"), undefined);
  t.false(proto.includes("seq2"));
});

test("an alias of a record becomes a copy of its message under the alias's name (v0.4.0 uuid style)", (t) => {
  const proto = protoOfText(`
.alias [ .name order .type uuid-128 ]
.record [ .name uuid-128 .protobuf-name "Uuid128" .field [ .name low .type uint64 ] .field [ .name high .type uint64 .optional .default 0 ] ]
.alias [ .name account .type order ]
.record [ .name r .field [ .type order ] ]`);
  const copy = ["required uint64 low = 1;", "optional uint64 high = 2 [default = 0];"];
  t.deepEqual(bodyOf(proto, "message", "order"), copy);
  t.deepEqual(bodyOf(proto, "message", "Uuid128"), copy);
  t.deepEqual(bodyOf(proto, "message", "account"), copy);
  t.deepEqual(bodyOf(proto, "message", "r"), ["required Uuid128 order = 1;"]);
});

test("an alias of an imported record copies it, naming the record's field types from the root", (t) => {
  const proto = protoOf({ "b.piqi": B + ".record [ .name holder .field [ .type thing ] ]", "a.piqi": ".import [ .module b ]\n.alias [ .name my-holder .type b/holder ]" }, "a");
  t.deepEqual(bodyOf(proto, "message", "my_holder"), ["required .test.b.Thing Thing = 1;"]);
});

test(".protobuf-type on an alias overrides the proto type, also through other aliases", (t) => {
  const proto = protoOfText(`
.alias [ .name price .type int .protobuf-type "int32" ]
.alias [ .name my-price .type price ]
.record [ .name r .field [ .name a .type my-price ] .field [ .name b .type int ] ]`);
  t.deepEqual(bodyOf(proto, "message", "r"), ["required int32 a = 1;", "required sint32 b = 2;"]);
});

test(".piqi-type declares an alias of a piqi primitive", (t) => {
  const proto = protoOfText(".alias [ .name n .piqi-type.float ]\n.record [ .name r .field [ .name a .type n ] ]");
  t.deepEqual(bodyOf(proto, "message", "r"), ["required double a = 1;"]);
});

test("piqi's built-in types map to proto2 scalars", (t) => {
  const table: [string, string][] = [
    ["int", "sint32"],
    ["uint", "uint32"],
    ["int32", "sint32"],
    ["uint32", "uint32"],
    ["int64", "sint64"],
    ["uint64", "uint64"],
    ["int32-fixed", "sfixed32"],
    ["uint32-fixed", "fixed32"],
    ["int64-fixed", "sfixed64"],
    ["uint64-fixed", "fixed64"],
    ["protobuf-int32", "int32"],
    ["protobuf-int64", "int64"],
    ["float", "double"],
    ["float64", "double"],
    ["float32", "float"],
    ["bool", "bool"],
    ["string", "string"],
    ["binary", "bytes"],
  ];
  const fields = table.map(([piqi]) => `.field [ .type ${piqi} ]`).join("\n");
  const proto = protoOfText(`.record [ .name r ${fields} ]`);
  t.deepEqual(
    bodyOf(proto, "message", "r"),
    table.map(([piqi, scalar], k) => `required ${scalar} ${piqi.replace(/-/g, "_")} = ${k + 1};`),
  );
});

test("imported types are named from the root with their package, or from the root alone without one", (t) => {
  const proto = protoOf(
    {
      "nopkg.piqi": ".record [ .name bare ]",
      "b.piqi": B,
      "a.piqi": '.protobuf-package "p"\n.import [ .module b ]\n.import [ .module nopkg .name n ]\n.record [ .name r .field [ .type b/thing ] .field [ .type n/bare ] .field [ .type b/colour ] ]',
    },
    "a",
  );
  t.deepEqual(bodyOf(proto, "message", "r"), ["required .test.b.Thing Thing = 1;", "required .bare bare = 2;", "required .test.b.colour colour = 3;"]);
  t.true(proto.includes('import "b.proto";\nimport "nopkg.proto";\n'));
});

test("a module is imported where an imported alias leads to its types", (t) => {
  const proto = protoOf(
    {
      "c.piqi": '.protobuf-package "c"\n.record [ .name deep ]',
      "b.piqi": ".import [ .module c ]\n.alias [ .name via .type c/deep ]",
      "a.piqi": ".import [ .module b ]\n.record [ .name r .field [ .name x .type b/via ] ]",
    },
    "a",
  );
  t.deepEqual(bodyOf(proto, "message", "r"), ["required .c.deep x = 1;"]);
  t.true(proto.includes('import "b.proto";\nimport "c.proto";\n'));
});

test(".proto-package and .proto-name still work (with a deprecation warning)", (t) => {
  const result = convert({ "a.piqi": '.proto-package "old.pkg"\n.record [ .name r .proto-name "R" .field [ .name f .type int .proto-name "F" ] ]' });
  const proto = result.files[0]!.content;
  t.true(proto.includes("package old.pkg;"));
  t.deepEqual(bodyOf(proto, "message", "R"), ["required sint32 F = 1;"]);
  t.deepEqual(result.warnings, [
    "a.piqi:1:16: .proto-package is deprecated; use .protobuf-package instead",
    "a.piqi:2:31: .proto-name is deprecated; use .protobuf-name instead",
    "a.piqi:2:74: .proto-name is deprecated; use .protobuf-name instead",
  ]);
});

test(".protobuf-name wins over .proto-name", (t) => {
  const proto = protoOfText('.record [ .name r .proto-name "Old" .protobuf-name "New" ]');
  t.truthy(bodyOf(proto, "message", "New"));
});

test(".protobuf-custom lines go inside the definition, or after the package at top level", (t) => {
  const proto = protoOfText('.protobuf-package "p"\n.protobuf-custom "option java_package = \\"x\\";"\n.record [ .name r .field [ .name a .type int ] .protobuf-custom "extensions 100 to 199;" ]');
  t.true(proto.includes('package p;\n\noption java_package = "x";\n'));
  t.deepEqual(bodyOf(proto, "message", "r"), ["required sint32 a = 1;", "extensions 100 to 199;"]);
});

test("unlabelled words and numbers fill name, type, module and code, as piqi reads them", (t) => {
  const proto = protoOf({ "b.piqi": B, "a.piqi": ".import [ b ]\n.record [ r .field [ x b/id 5 .optional ] ]" }, "a");
  t.deepEqual(bodyOf(proto, "message", "r"), ["optional uint64 x = 5;"]);
});

test("a mode can also be written .mode.repeated", (t) => {
  t.deepEqual(bodyOf(protoOfText(".record [ .name r .field [ .name a .type int .mode.repeated ] ]"), "message", "r"), ["repeated sint32 a = 1;"]);
});

test("a local definition may override a built-in type, with a warning", (t) => {
  const result = convert({ "a.piqi": ".record [ .name string ]\n.record [ .name r .field [ .name s .type string ] ]" });
  t.deepEqual(bodyOf(result.files[0]!.content, "message", "r"), ["required string s = 1;"]);
  t.deepEqual(result.warnings, ['a.piqi:1:17: override of built-in type definition "string"']);
});

test("the same input always gives byte-identical output, whatever order the sources come in", (t) => {
  const files = { "b.piqi": B, "a.piqi": ".import [ .module b ]\n.record [ .name r .field [ .type b/thing ] ]" };
  const first = convert(files);
  const reversed = convert(Object.fromEntries(Object.entries(files).reverse()));
  t.deepEqual(reversed, first);
  t.deepEqual(convert(files), first);
});
