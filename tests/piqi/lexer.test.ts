// The piq tokeniser: comments, brackets, labels, words, string escapes, and
// the line:col of every token and every lexical error.
import test from "ava";
import fc from "fast-check";
import { tokenize, type Token } from "../../scripts/piqi/lexer.js";
import { PiqiError } from "../../scripts/piqi/errors.js";

const lexError = (text: string): string => {
  try {
    tokenize("a.piqi", text);
  } catch (err) {
    if (err instanceof PiqiError) return err.message;
    throw err;
  }
  throw new Error("expected a lexical error");
};

const summary = (tokens: Token[]): string[] =>
  tokens.map((t) => {
    const at = `${t.pos.line}:${t.pos.col}`;
    switch (t.kind) {
      case "name":
        return `${at} .${t.text}`;
      case "word":
        return `${at} ${t.text}`;
      case "string":
        return `${at} "${t.text}"`;
      default:
        return `${at} ${t.kind}`;
    }
  });

test("tokens carry their line and column; comments and whitespace are skipped", (t) => {
  const text = ".record [ % a comment [ ] \"not a string\n    .name foo-bar\t.code -5\r\n]\n";
  t.deepEqual(summary(tokenize("a.piqi", text)), [
    "1:1 .record",
    "1:9 lbr",
    "2:5 .name",
    "2:11 foo-bar",
    "2:19 .code",
    "2:25 -5",
    "3:1 rbr",
    "4:1 eof",
  ]);
});

test("dotted labels and type names with a module are single tokens", (t) => {
  t.deepEqual(summary(tokenize("a.piqi", ".default.limit .type eto/payload")), [
    "1:1 .default.limit",
    "1:16 .type",
    "1:22 eto/payload",
    "1:33 eof",
  ]);
});

test("a byte order mark at the start is skipped", (t) => {
  t.deepEqual(summary(tokenize("a.piqi", "\uFEFF.module a")), ["1:1 .module", "1:9 a", "1:10 eof"]);
});

test("columns count code points, not UTF-16 units", (t) => {
  t.deepEqual(summary(tokenize("a.piqi", '"😀" x')), ['1:1 "😀"', "1:5 x", "1:6 eof"]);
});

test("string escapes decode to the bytes they name", (t) => {
  const [token] = tokenize("a.piqi", String.raw`"a\\b\"c\td\ne\rf\x41\u00e9\U0001F600"`);
  t.is(token?.kind, "string");
  if (token?.kind !== "string") return;
  t.is(token.text, 'a\\b"c\td\ne\rfAé😀');
});

test("a \\x escape above 0x7f makes binary data that is not text", (t) => {
  const [token] = tokenize("a.piqi", String.raw`"\xff\x00"`);
  if (token?.kind !== "string") return t.fail();
  t.deepEqual([...token.bytes], [0xff, 0x00]);
  t.is(token.text, undefined);
});

test("an unterminated string is reported at its opening quote", (t) => {
  t.is(lexError('.protobuf-name "Payload'), "a.piqi:1:16: unterminated string literal");
  t.is(lexError('.x [\n  "abc\n"]'), "a.piqi:2:3: unterminated string literal");
});

test("a bad escape is reported at its backslash, naming the escape", (t) => {
  const expected = String.raw`invalid string escape "\q": expected \\, \", \t, \n, \r, \xHH, \uHHHH or \UHHHHHHHH`;
  t.is(lexError(String.raw`.a "ok\qno"`), `a.piqi:1:7: ${expected}`);
  t.is(lexError(String.raw`"\x4"`).startsWith(String.raw`a.piqi:1:2: invalid string escape "\x4":`), true);
  t.is(lexError(String.raw`"\u12"`).startsWith(String.raw`a.piqi:1:2: invalid string escape "\u12":`), true);
  t.is(lexError(String.raw`"\ud800"`), String.raw`a.piqi:1:2: invalid string escape "\ud800": not a Unicode scalar value`);
});

test("control characters must be escaped inside strings", (t) => {
  t.is(lexError('"a\tb"'), "a.piqi:1:3: invalid character U+0009 in string literal; write it as an escape");
});

test("characters piq reserves are refused with their position", (t) => {
  t.is(lexError(".a {"), "a.piqi:1:4: invalid character U+007B");
  t.is(lexError("x\ry"), "a.piqi:1:2: invalid character: a carriage return must be followed by a newline");
  t.is(lexError("%% doc"), "a.piqi:1:1: '%%' literal is reserved for future versions");
  t.is(lexError(".a # text"), "a.piqi:1:4: verbatim text (#) is not supported by this converter; use a quoted string");
  t.is(lexError(".default (.x)"), 'a.piqi:1:10: forms in parentheses are not supported by this converter: unexpected "("');
  t.is(lexError(".type :int 1"), "a.piqi:1:7: typed values are not supported by this converter: :int");
});

/** Writes `text` as a piq string literal, escaping what must be escaped. */
function piqLiteral(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\" || ch === '"') out += `\\${ch}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

test("property: any text written as a piq literal reads back as the same text", (t) => {
  fc.assert(
    fc.property(fc.string({ unit: "grapheme" }), (text) => {
      const [token] = tokenize("a.piqi", piqLiteral(text));
      return token?.kind === "string" && token.text === text;
    }),
  );
  t.pass();
});
