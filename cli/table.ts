// Plain-text columns: each as wide as its widest cell, two spaces apart.
// Columns named in `right` are right-aligned (amounts line up on the pence).
export function table(headers: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number> = new Set()): string[] {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    widths
      .map((w, i) => (right.has(i) ? (cells[i] ?? "").padStart(w) : (cells[i] ?? "").padEnd(w)))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
