// Splits piq text into tokens, each with the line:col where it starts.
//
// The piq syntax used by .piqi files: `%` starts a comment running to the end of
// the line, `[` `]` delimit lists, `.name` (possibly `.a.b`) labels a value,
// `"…"` is a string with C-like escapes, and anything else up to a delimiter is
// a word (numbers, booleans and type names are words the parser classifies).
import { fail, type Pos } from "./errors.js";

export type Token =
  | { readonly kind: "lbr"; readonly pos: Pos }
  | { readonly kind: "rbr"; readonly pos: Pos }
  /** `.text`: a label (field name or flag); `text` excludes the leading dot. */
  | { readonly kind: "name"; readonly text: string; readonly pos: Pos }
  | { readonly kind: "word"; readonly text: string; readonly pos: Pos }
  /** A string literal: its bytes (escapes applied) and its text when they are valid UTF-8. */
  | { readonly kind: "string"; readonly bytes: Uint8Array; readonly text: string | undefined; readonly pos: Pos }
  | { readonly kind: "eof"; readonly pos: Pos };

/** Characters that end a word (besides whitespace and control characters): ( ) [ ] { } " % # */
const DELIMITERS = new Set([0x28, 0x29, 0x5b, 0x5d, 0x7b, 0x7d, 0x22, 0x25, 0x23]);

function isWordChar(code: number): boolean {
  return code > 0x20 && code !== 0x7f && !DELIMITERS.has(code);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, "0");
}

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Tokenises `text` (the contents of `file`); the last token is always `eof`. */
export function tokenize(file: string, text: string): Token[] {
  const tokens: Token[] = [];
  let i = text.startsWith("\uFEFF") ? 1 : 0; // index into `text` (UTF-16 units), past a byte order mark
  let line = 1;
  let col = 1; // counts code points
  const here = (): Pos => ({ file, line, col });
  const codeAt = (k: number): number => text.codePointAt(k) ?? -1;
  /** Steps over one code point (two UTF-16 units for a surrogate pair). */
  const advance = (): void => {
    i += isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length ? 2 : 1;
    col++;
  };
  const newline = (): void => {
    line++;
    col = 1;
  };

  while (i < text.length) {
    const code = codeAt(i);
    if (code === 0x0a) {
      i++;
      newline();
    } else if (code === 0x0d) {
      if (text.charCodeAt(i + 1) !== 0x0a) fail(here(), "invalid character: a carriage return must be followed by a newline");
      i += 2;
      newline();
    } else if (code === 0x20 || code === 0x09) {
      advance();
    } else if (code === 0x25 /* % */) {
      if (text.charCodeAt(i + 1) === 0x25) fail(here(), "'%%' literal is reserved for future versions");
      const eol = text.indexOf("\n", i);
      i = eol < 0 ? text.length : eol;
    } else if (code === 0x5b /* [ */) {
      tokens.push({ kind: "lbr", pos: here() });
      advance();
    } else if (code === 0x5d /* ] */) {
      tokens.push({ kind: "rbr", pos: here() });
      advance();
    } else if (code === 0x22 /* " */) {
      tokens.push(readString());
    } else if (code === 0x23 /* # */) {
      fail(here(), "verbatim text (#) is not supported by this converter; use a quoted string");
    } else if (code === 0x28 || code === 0x29) {
      fail(here(), `forms in parentheses are not supported by this converter: unexpected "${text[i]}"`);
    } else if (isWordChar(code)) {
      const pos = here();
      const start = i;
      while (i < text.length && isWordChar(codeAt(i))) advance();
      const word = text.slice(start, i);
      if (word.startsWith(":")) fail(pos, `typed values are not supported by this converter: ${word}`);
      if (word.startsWith(".")) tokens.push({ kind: "name", text: word.slice(1), pos });
      else tokens.push({ kind: "word", text: word, pos });
    } else {
      fail(here(), `invalid character U+${hex4(code)}`);
    }
  }
  tokens.push({ kind: "eof", pos: here() });
  return tokens;

  function readString(): Token {
    const pos = here();
    advance(); // opening quote
    const bytes: number[] = [];
    for (;;) {
      const code = codeAt(i);
      if (code < 0 || code === 0x0a || code === 0x0d) fail(pos, "unterminated string literal");
      if (code === 0x22) {
        advance();
        break;
      }
      if (code === 0x5c /* \ */) {
        readEscape(bytes, pos);
        continue;
      }
      if (code < 0x20 || code === 0x7f) fail(here(), `invalid character U+${hex4(code)} in string literal; write it as an escape`);
      bytes.push(...utf8.encode(String.fromCodePoint(code)));
      advance();
    }
    const array = Uint8Array.from(bytes);
    return { kind: "string", bytes: array, text: decodeUtf8(array), pos };
  }

  function readEscape(out: number[], stringPos: Pos): void {
    const pos = here();
    advance(); // backslash
    if (i >= text.length || text[i] === "\n" || text[i] === "\r") fail(stringPos, "unterminated string literal");
    const ch = String.fromCodePoint(codeAt(i));
    const simple: Record<string, number> = { "\\": 0x5c, '"': 0x22, t: 0x09, n: 0x0a, r: 0x0d };
    if (ch in simple) {
      out.push(simple[ch]!);
      advance();
      return;
    }
    const digits = ch === "x" ? 2 : ch === "u" ? 4 : ch === "U" ? 8 : 0;
    const hex = text.slice(i + 1, i + 1 + digits);
    if (digits === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) {
      const shown = `\\${ch}${digits > 0 ? hex.replace(/[^0-9a-fA-F].*$/, "") : ""}`;
      fail(pos, `invalid string escape "${shown}": expected \\\\, \\", \\t, \\n, \\r, \\xHH, \\uHHHH or \\UHHHHHHHH`);
    }
    for (let k = 0; k <= digits; k++) advance();
    const value = Number.parseInt(hex, 16);
    if (digits === 2) {
      out.push(value);
      return;
    }
    if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
      fail(pos, `invalid string escape "\\${ch}${hex}": not a Unicode scalar value`);
    }
    out.push(...utf8.encode(String.fromCodePoint(value)));
  }
}
