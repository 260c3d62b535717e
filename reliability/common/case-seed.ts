// Seeds for numbered cases: case k of a run with seed s gets its own seed,
// computed from (s, k) alone, so `--seed S --case K` reruns exactly that case
// without running the K before it. A 32-bit finaliser (murmur3's fmix32) over
// the pair spreads neighbouring cases apart.
export function caseSeed(seed: number, k: number): number {
  let h = (seed ^ Math.imul(k + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
