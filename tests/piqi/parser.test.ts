// The piq tree: lists, labels and flags, dotted-label abbreviations, number
// and boolean words, and bracket errors.
import test from "ava";
import fc from "fast-check";
import type { Node } from "../../scripts/piqi/ast.js";
import { PiqiError } from "../../scripts/piqi/errors.js";
import { parsePiq } from "../../scripts/piqi/parser.js";

/** The tree without positions, for comparison. */
function shape(node: Node): unknown {
  switch (node.kind) {
    case "list":
      return node.items.map(shape);
    case "flag":
      return `.${node.name}`;
    case "named":
      return { [node.name]: shape(node.value) };
    case "word":
      return `word:${node.text}`;
    case "int":
      return node.value;
    case "float":
      return node.value;
    case "bool":
      return node.value;
    case "string":
      return `"${node.text}"`;
  }
}

const parse = (text: string): unknown => shape(parsePiq("a.piqi", text));
const parseError = (text: string): string => {
  try {
    parsePiq("a.piqi", text);
  } catch (err) {
    if (err instanceof PiqiError) return err.message;
    throw err;
  }
  throw new Error("expected a parse error");
};

test("a label takes the next value unless it is another label or a closing bracket", (t) => {
  t.deepEqual(parse('.record [ .name foo .optional .code 3 .protobuf-name "Foo" [] ]'), [
    { record: [{ name: "word:foo" }, ".optional", { code: 3n }, { "protobuf-name": '"Foo"' }, []] },
  ]);
  t.deepEqual(parse(".flag"), [".flag"]);
});

test("dotted labels abbreviate nesting", (t) => {
  t.deepEqual(parse(".default.limit"), [{ default: ".limit" }]);
  t.deepEqual(parse(".a.b.c 5"), [{ a: { b: { c: 5n } } }]);
});

test("words are classified as booleans, integers, floats or plain words", (t) => {
  t.deepEqual(parse("true false 42 -7 0x1F -0x10 0o17 0b101 1_000 1.5 -2.5e3 1e2 0.inf -0.inf eto/payload -x"), [
    true, false, 42n, -7n, 31n, -16n, 15n, 5n, 1000n, 1.5, -2500, 100, Infinity, -Infinity, "word:eto/payload", "word:-x",
  ]);
  const nan = parsePiq("a.piqi", "0.nan").items[0];
  t.true(nan?.kind === "float" && Number.isNaN(nan.value));
});

test("integers span int64 and uint64", (t) => {
  t.deepEqual(parse("18446744073709551615 -9223372036854775808 0xFFFFFFFFFFFFFFFF"), [
    18446744073709551615n,
    -9223372036854775808n,
    18446744073709551615n,
  ]);
  t.is(parseError(".code 18446744073709551616"), "a.piqi:1:7: integer literal 18446744073709551616 is out of range (-9223372036854775808..18446744073709551615)");
  t.is(parseError("-9223372036854775809"), "a.piqi:1:1: integer literal -9223372036854775809 is out of range (-9223372036854775808..18446744073709551615)");
});

test("malformed numbers are reported with the offending word", (t) => {
  t.is(parseError(".code 12ab"), 'a.piqi:1:7: invalid integer literal: "12ab"');
  t.is(parseError(".default 1.2.3"), 'a.piqi:1:10: invalid floating point literal: "1.2.3"');
  t.is(parseError("0x"), 'a.piqi:1:1: invalid integer literal: "0x"');
});

test("unbalanced brackets are reported where the imbalance is", (t) => {
  t.is(parseError(".record [\n    .name foo\n    .field [ .name x ]\n"), 'a.piqi:1:9: unbalanced brackets: this "[" is never closed');
  t.is(parseError(".record [ .name foo ] ]"), 'a.piqi:1:23: unbalanced brackets: unexpected "]"');
});

test("labels must be piqi names", (t) => {
  t.is(parseError(".foo_bar 1"), 'a.piqi:1:1: invalid name: "foo_bar"');
  t.is(parseError(".a..b"), 'a.piqi:1:1: invalid name: "a..b"');
  t.is(parseError(".9lives"), 'a.piqi:1:1: invalid name: "9lives"');
});

test("property: every integer literal form reads as the value it spells", (t) => {
  const forms = (value: bigint): string[] => [value.toString(), `0x${value.toString(16)}`, `0o${value.toString(8)}`, `0b${value.toString(2)}`];
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.boolean(), (value, negate) => {
      const signed = negate && value > 0n && value <= 2n ** 63n;
      return forms(value).every((text) => {
        const node = parsePiq("a.piqi", signed ? `-${text}` : text).items[0];
        return node?.kind === "int" && node.value === (signed ? -value : value);
      });
    }),
  );
  t.pass();
});
