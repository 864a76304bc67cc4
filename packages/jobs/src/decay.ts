/**
 * Hot-list scores decay exponentially with a half-life, without rewriting every score as time
 * passes ("forward decay"): an event of weight w at time t adds w · 2^((t − epoch) / halfLife),
 * so newer events weigh more and the order of the set is the order of the decayed scores. The
 * decayed score at `now` is the stored one times 2^(−(now − epoch) / halfLife). The worker moves
 * the epoch forward now and then (scaling every score down) so stored scores stay small.
 */
export function growth(atMs: number, epochMs: number, halfLifeSeconds: number): number {
  return 2 ** ((atMs - epochMs) / 1000 / halfLifeSeconds);
}

/** A stored score as it stands at `nowMs`. */
export function decayedScore(
  stored: number,
  epochMs: number,
  halfLifeSeconds: number,
  nowMs: number,
): number {
  return stored / growth(nowMs, epochMs, halfLifeSeconds);
}
