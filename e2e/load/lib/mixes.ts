// The shop's mixes after TPC-W's three: browsing (95 % browse, 5 % order), shopping (80/20) and
// ordering (50/50). The ordering share is split between guests who buy (four in five) and
// shoppers who use an account (register, sign in, My orders).
export const journeyNames = ['browse', 'buy', 'account'] as const;
export type Journey = (typeof journeyNames)[number];
export type Weights = Record<Journey, number>;

export const mixes = {
  browsing: { browse: 95, buy: 4, account: 1 },
  shopping: { browse: 80, buy: 16, account: 4 },
  ordering: { browse: 50, buy: 40, account: 10 },
} as const satisfies Record<string, Weights>;
export type Mix = keyof typeof mixes;

/** A journey drawn with the mix's weights. */
export function pickJourney(weights: Weights, draw = Math.random()): Journey {
  const total = journeyNames.reduce((sum, name) => sum + weights[name], 0);
  let point = draw * total;
  for (const name of journeyNames) {
    point -= weights[name];
    if (point < 0) return name;
  }
  return 'browse';
}
