// Warnings, located like piqi's: unknown properties are ignored with
// `unknown field: <name>`, deprecated spellings still work, each warning once.
import test from "ava";
import { convert, where } from "./helpers.js";

const warningsOf = (text: string): string[] => convert({ "a.piqi": text }).warnings;

test("unknown properties are ignored with a warning at the property", (t) => {
  const text = `.enum [
    .name currency
    .option [
        .name great-british-pound
        .erlang-name "'GBP'"
        .protobuf-name "CURRENCY_GBP"
    ]
]`;
  const result = convert({ "a.piqi": text });
  t.deepEqual(result.warnings, [`a.piqi:${where(text, ".erlang-name")}: unknown field: erlang-name`]);
  t.true(result.files[0]!.content.includes("CURRENCY_GBP = 1;"));
});

test(".deprecated is known on fields and options, unknown on records and aliases (as in piqi)", (t) => {
  const text = `.alias [ .name a .type int .deprecated ]
.record [ .name r .field [ .name f .type int .optional .deprecated ] .deprecated ]
.enum [ .name e .option [ .name x .deprecated ] ]`;
  t.deepEqual(warningsOf(text), [
    `a.piqi:${where(text, ".deprecated")}: unknown field: deprecated`,
    `a.piqi:${where(text, ".deprecated", 3)}: unknown field: deprecated`,
  ]);
});

test("unlabelled values that fill nothing are reported as unknown", (t) => {
  const text = '.record [ .name r "stray" 42 ]';
  t.deepEqual(warningsOf(text), [`a.piqi:${where(text, '"stray"')}: unknown field: "stray"`, `a.piqi:${where(text, "42")}: unknown field: 42`]);
});

test("deprecated spellings warn at their value and are used", (t) => {
  const text = '.proto-package "p"\n.record [ .name r .proto-custom "extensions 5 to 9;" ]';
  const result = convert({ "a.piqi": text });
  t.deepEqual(result.warnings, [
    "a.piqi:1:16: .proto-package is deprecated; use .protobuf-package instead",
    `a.piqi:${where(text, '"extensions')}: .proto-custom is deprecated; use .protobuf-custom instead`,
  ]);
  t.true(result.files[0]!.content.includes("    extensions 5 to 9;\n"));
});

test("a quoted string where piqi wants a word works, with piqi's warning", (t) => {
  const text = '.record [ .name "r" ]';
  const result = convert({ "a.piqi": text });
  t.deepEqual(result.warnings, ["a.piqi:1:17: word literal expected instead of quoted string"]);
  t.true(result.files[0]!.content.includes("message r {"));
});

test("importing one module twice under two names warns", (t) => {
  const result = convert({ "b.piqi": "", "a.piqi": ".import [ .module b ]\n.import [ .module b .name c ]" });
  t.deepEqual(result.warnings, ['a.piqi:2:9: duplicate import module "b"']);
});

test("each warning is reported once even when its module is imported by several", (t) => {
  const result = convert({
    "eto.piqi": '.proto-package "e"\n.record [ .name r ]',
    "a.piqi": ".import [ .module eto ]",
    "b.piqi": ".import [ .module eto ]",
  });
  t.deepEqual(result.warnings, ["eto.piqi:1:16: .proto-package is deprecated; use .protobuf-package instead"]);
});

test("a clean module produces no warnings", (t) => {
  t.deepEqual(warningsOf('.protobuf-package "p"\n.record [ .name r .field [ .name a .type int .optional .deprecated ] ]'), []);
});
