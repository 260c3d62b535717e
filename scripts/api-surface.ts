// The package's public surface as the TypeScript compiler sees it: for each
// entry point of package.json's `exports`, every exported name, its kind,
// and whether it carries a TSDoc comment. The API-report test compares it
// with the committed report (tests/package/api/); `npm run docs` fails on an
// undocumented name.
//
//   npx tsx scripts/api-surface.ts --write   rewrite the committed report
//   npx tsx scripts/api-surface.ts --check   list undocumented names; exit 1 if any
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const reportDir = join(root, "tests", "package", "api");

export interface ExportedName {
  readonly name: string;
  /** class, function, const, enum, interface, type, namespace. */
  readonly kind: string;
  readonly documented: boolean;
}

export interface Entry {
  /** The subpath in package.json's exports: ".", "./protocol", … */
  readonly subpath: string;
  /** The TypeScript source the entry's compiled file comes from. */
  readonly source: string;
  /** File name of its report: index, protocol, … */
  readonly report: string;
}

/** The entry points, read from package.json's `exports` (dist/X.js ← X.ts). */
export function entries(): Entry[] {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, string | { default: string }> };
  return Object.entries(pkg.exports)
    .filter(([, target]) => typeof target !== "string")
    .map(([subpath, target]) => {
      const compiled = (target as { default: string }).default;
      const source = join(root, compiled.replace(/^\.\/dist\//, "").replace(/\.js$/, ".ts"));
      return { subpath, source, report: subpath === "." ? "index" : subpath.slice(2) };
    });
}

function kindOf(symbol: ts.Symbol): string {
  const f = symbol.flags;
  if (f & ts.SymbolFlags.Class) return "class";
  if (f & ts.SymbolFlags.Function) return "function";
  if (f & ts.SymbolFlags.Enum) return "enum";
  if (f & ts.SymbolFlags.ValueModule) return "namespace";
  if (f & ts.SymbolFlags.Variable) return "const";
  if (f & ts.SymbolFlags.Interface) return "interface";
  if (f & ts.SymbolFlags.TypeAlias) return "type";
  return "other";
}

/** A comment on the export itself (`/** … *\/ export * as seto from …`) documents it too. */
function exportComment(alias: ts.Symbol): boolean {
  return (alias.declarations ?? []).some((d) => {
    const node = ts.isNamespaceExport(d) ? d.parent : ts.isExportSpecifier(d) ? d.parent.parent : d;
    return ts.isExportDeclaration(node) && hasLeadingDoc(node);
  });
}

/** A `/** … *\/` comment before `node`; the file's `@module` comment documents the entry, not its first export. */
function hasLeadingDoc(node: ts.Node): boolean {
  const text = node.getSourceFile().getFullText();
  return (ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).some((r) => {
    const comment = text.slice(r.pos, r.end);
    return comment.startsWith("/**") && !comment.includes("@module");
  });
}

/** Every entry's exported names, sorted, with kind and documentation. */
export function apiSurface(): Map<Entry, ExportedName[]> {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.build.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error("tsconfig.build.json cannot be read");
  const list = entries();
  const program = ts.createProgram(list.map((e) => e.source), { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const result = new Map<Entry, ExportedName[]>();
  for (const entry of list) {
    const file = program.getSourceFile(entry.source);
    const moduleSymbol = file && checker.getSymbolAtLocation(file);
    if (!moduleSymbol) throw new Error(`${entry.source} (entry ${entry.subpath}) is not a module`);
    const names = checker.getExportsOfModule(moduleSymbol).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const documented = target.getDocumentationComment(checker).length > 0 || exportComment(symbol);
      return { name: symbol.name, kind: kindOf(target), documented };
    });
    result.set(entry, names.sort((a, b) => a.name.localeCompare(b.name)));
  }
  return result;
}

/** The committed form of an entry's report: one `kind name` per line. */
export function reportText(names: readonly ExportedName[]): string {
  return names.map((n) => `${n.kind} ${n.name}\n`).join("");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const surface = apiSurface();
  if (process.argv.includes("--write")) {
    for (const [entry, names] of surface) writeFileSync(join(reportDir, `${entry.report}.api.txt`), reportText(names));
    console.log(`wrote ${[...surface.keys()].map((e) => `${e.report}.api.txt`).join(", ")} in ${reportDir}`);
  } else {
    let missing = 0;
    for (const [entry, names] of surface) {
      for (const n of names.filter((x) => !x.documented)) {
        console.log(`undocumented: "smarkets-streaming${entry.subpath.slice(1)}" exports ${n.kind} ${n.name} without a TSDoc comment`);
        missing++;
      }
    }
    const total = [...surface.values()].reduce((sum, names) => sum + names.length, 0);
    console.log(`${total} exported names in ${surface.size} entry points, ${missing} undocumented`);
    process.exitCode = missing === 0 ? 0 : 1;
  }
}
