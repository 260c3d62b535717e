// "Did you mean …?" for a name that is not one of a known set (a misspelt
// setting). Names are compared case- and underscore-blind, so the seed's
// snake_case spelling of a camelCase name ("connect_timeout_ms") matches it,
// and a name cut short or run on ("accountSeq") counts as one typo.

/** The known name nearest `given`, or undefined when none is near enough to be a likely typo. */
export function closestName(given: string, known: readonly string[]): string | undefined {
  const g = normalise(given);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of known) {
    const n = normalise(name);
    // One a shortening of the other ("accountSeq" for accountSequence) is as near as one typo.
    const shortened = Math.min(g.length, n.length) >= 4 && (n.startsWith(g) || g.startsWith(n));
    const d = shortened ? Math.min(1, distance(g, n)) : distance(g, n);
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  // A third of the letters wrong is still recognisable; more is a different word.
  return bestDistance <= Math.max(1, Math.floor(g.length / 3)) ? best : undefined;
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, "");
}

/** Edit distance counting insertions, deletions, substitutions and swaps of neighbours. */
function distance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}
