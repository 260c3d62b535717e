// Classifies a bare piq word: booleans and numbers, as piqi reads them
// (integers in decimal, 0x hex, 0o octal or 0b binary, `_` separators allowed;
// floats with a `.` or an exponent, plus 0.nan, 0.inf and -0.inf).
import { fail, quote, type Pos } from "./errors.js";
import type { Node } from "./ast.js";

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

const INT_FORMS: readonly { re: RegExp; radix: bigint; prefix: number }[] = [
  { re: /^0[xX][0-9a-fA-F][0-9a-fA-F_]*$/, radix: 16n, prefix: 2 },
  { re: /^0[oO][0-7][0-7_]*$/, radix: 8n, prefix: 2 },
  { re: /^0[bB][01][01_]*$/, radix: 2n, prefix: 2 },
  { re: /^[0-9][0-9_]*$/, radix: 10n, prefix: 0 },
];

const FLOAT = /^[0-9][0-9_]*(\.[0-9_]*)?([eE][+-]?[0-9][0-9_]*)?$/;
const SPECIAL_FLOATS: Record<string, number> = { "0.nan": Number.NaN, "0.inf": Infinity, "-0.inf": -Infinity };

function looksNumeric(text: string): boolean {
  return /^-?[0-9]/.test(text);
}

function parseUnsigned(body: string): bigint | undefined {
  for (const form of INT_FORMS) {
    if (!form.re.test(body)) continue;
    let value = 0n;
    for (const ch of body.slice(form.prefix)) {
      if (ch === "_") continue;
      value = value * form.radix + BigInt(Number.parseInt(ch, Number(form.radix)));
    }
    return value;
  }
  return undefined;
}

/** Turns a word token into a bool, int, float or plain word node. */
export function classifyWord(text: string, pos: Pos): Node {
  if (text === "true" || text === "false") return { kind: "bool", value: text === "true", pos };
  if (!looksNumeric(text)) return { kind: "word", text, pos };
  if (text in SPECIAL_FLOATS) return { kind: "float", value: SPECIAL_FLOATS[text]!, text, pos };

  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const isRadixForm = /^0[xXoObB]/.test(body);
  if (!isRadixForm && /[.eE]/.test(body)) {
    if (!FLOAT.test(body)) fail(pos, `invalid floating point literal: ${quote(text)}`);
    const value = Number(body.replace(/_/g, ""));
    return { kind: "float", value: negative ? -value : value, text, pos };
  }
  const magnitude = parseUnsigned(body);
  if (magnitude === undefined) fail(pos, `invalid integer literal: ${quote(text)}`);
  const value = negative ? -magnitude : magnitude;
  if (value < INT64_MIN || value > UINT64_MAX) {
    fail(pos, `integer literal ${text} is out of range (${INT64_MIN}..${UINT64_MAX})`);
  }
  return { kind: "int", value, text, pos };
}
