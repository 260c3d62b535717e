// Builds the piq tree from tokens: lists, labelled values and flags.
//
// A label takes the value that follows it unless that is another label, a
// closing bracket or the end of input: `.optional .code 3` is a flag and a
// labelled 3. A dotted label abbreviates nesting: `.default.limit` is
// `.default` holding the flag `.limit`, and `.a.b v` is `.a` holding `.b v`.
import { fail, quote } from "./errors.js";
import type { ListNode, Node } from "./ast.js";
import { tokenize, type Token } from "./lexer.js";
import { classifyWord } from "./numbers.js";

const NAME_SEGMENT = /^[A-Za-z][A-Za-z0-9-]*$/;

/** Parses a whole piqi file into its top-level items, as one list positioned at 1:1. */
export function parsePiq(file: string, text: string): ListNode {
  const tokens = tokenize(file, text);
  let next = 0;
  const peek = (): Token => tokens[next]!;
  const take = (): Token => tokens[next++]!;

  const items: Node[] = [];
  while (peek().kind !== "eof") items.push(parseItem(take()));
  return { kind: "list", items, pos: { file, line: 1, col: 1 } };

  function parseItem(token: Token): Node {
    switch (token.kind) {
      case "lbr":
        return parseList(token);
      case "rbr":
        return fail(token.pos, 'unbalanced brackets: unexpected "]"');
      case "name":
        return parseLabel(token);
      case "word":
        return classifyWord(token.text, token.pos);
      case "string":
        return { kind: "string", bytes: token.bytes, text: token.text, pos: token.pos };
      case "eof":
        return fail(token.pos, "unexpected end of input");
    }
  }

  function parseList(open: Token): ListNode {
    const listItems: Node[] = [];
    for (;;) {
      const token = take();
      if (token.kind === "rbr") return { kind: "list", items: listItems, pos: open.pos };
      if (token.kind === "eof") fail(open.pos, 'unbalanced brackets: this "[" is never closed');
      listItems.push(parseItem(token));
    }
  }

  function parseLabel(token: Extract<Token, { kind: "name" }>): Node {
    const segments = token.text.split(".");
    for (const segment of segments) {
      if (!NAME_SEGMENT.test(segment)) fail(token.pos, `invalid name: ${quote(token.text)}`);
    }
    const following = peek().kind;
    const hasValue = following !== "name" && following !== "rbr" && following !== "eof";
    let node: Node = hasValue
      ? { kind: "named", name: segments[segments.length - 1]!, value: parseItem(take()), pos: token.pos }
      : { kind: "flag", name: segments[segments.length - 1]!, pos: token.pos };
    for (let k = segments.length - 2; k >= 0; k--) {
      node = { kind: "named", name: segments[k]!, value: node, pos: token.pos };
    }
    return node;
  }
}
