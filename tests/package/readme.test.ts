// The README is a user's guide: its TypeScript snippets import from the
// package's name (and node's modules) as a user writes them, never from
// the project's own paths; and it opens with its two commands.
import test from "ava";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { projectRoot } from "../helpers/shared.js";

const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

test("every README snippet imports from smarkets-streaming or node: only", (t) => {
  const imports = snippets.flatMap((s) => [...s.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!));
  t.true(imports.length >= 4, "the snippets import something");
  t.deepEqual(imports.filter((i) => !/^smarkets-streaming(\/(protocol|exchange|internal))?$/.test(i) && !i.startsWith("node:")), []);
});

test("the README opens with its two commands, then says how to install the package", (t) => {
  t.regex(readme, /^# smarkets-streaming\n\n```sh\nnpm install && npm start +# .*\nnpm install && npm test +# .*\n```/);
  t.regex(readme, /## Install\n\n```sh\nnpm install smarkets-streaming\n```/);
  for (const entry of ["`smarkets-streaming`", "`smarkets-streaming/protocol`", "`smarkets-streaming/exchange`", "`smarkets-streaming/internal`"]) {
    t.true(readme.includes(`| ${entry} |`), `the entry-point table lists ${entry}`);
  }
});
