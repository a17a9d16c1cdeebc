/**
 * Deterministic pseudo-random text: `count` pieces drawn from `parts` with a
 * seeded mulberry32 generator, so a failing case can be replayed from its seed.
 */
export function randomPieces(seed: number, count: number, parts: readonly string[]): string {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let out = '';
  for (let i = 0; i < count; i++) out += parts[Math.floor(next() * parts.length)];
  return out;
}
