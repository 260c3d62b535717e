// Every table row of every protocol doc (../shared/protocol/docs/eto/*.txt
// and seto/*.txt) is transcribed, verbatim and in order, in doc-tables.ts,
// whose rows the other tests in this folder walk against the exchange; and
// every erratum names a row the docs really print.
import test from "ava";
import { readdirSync, readFileSync } from "node:fs";
import { sharedPath, withShared } from "../../helpers/shared.js";
import { DOC_TABLES, ERRATA, tableRows } from "./doc-tables.js";

function docs(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const layer of ["eto", "seto"]) {
    for (const file of readdirSync(sharedPath("docs", layer)).filter((f) => f.endsWith(".txt")).sort()) {
      texts.set(`${layer}/${file}`, readFileSync(sharedPath("docs", layer, file), "utf8"));
    }
  }
  return texts;
}

withShared(test)("every table row of docs/eto and docs/seto is transcribed in doc-tables.ts, verbatim and in order", (t) => {
  const texts = docs();
  t.true(texts.size > 30, "the docs are there");
  const withTables = [...texts].filter(([, text]) => tableRows(text).length > 0).map(([doc]) => doc);
  t.deepEqual(withTables, ["eto/login.txt", "eto/seq.txt", "seto/contract-quotes.txt"]);
  for (const doc of withTables) {
    const transcribed = DOC_TABLES.filter((table) => table.doc === doc).flatMap((table) => table.rows);
    t.deepEqual(transcribed, tableRows(texts.get(doc) as string), doc);
  }
});

withShared(test)("every erratum corrects a row the docs print", (t) => {
  const all = [...docs().values()].flatMap(tableRows);
  for (const e of ERRATA) t.true(all.includes(e.row), e.row);
});
