// How the ladder finds a configuration's sustainable rate: the highest arrival rate whose probe
// passes. Rates grow by a factor while probes pass, then the gap between the last pass and the
// first failure is halved a few times. Pure: the probe is passed in.

export interface SearchPlan {
  /** The first rate probed (journeys started per second). */
  startRate: number;
  /** Never probed above: a pass here ends the search ("at least this"). */
  maxRate: number;
  /** Each rate after a pass is the last one times this. */
  growth: number;
  /** Times the gap between the last pass and the first failure is halved. */
  bisections: number;
}

export interface SearchResult {
  /** The highest rate that passed; 0 when none did. */
  rate: number;
  /** The probe at `maxRate` passed: the shop may sustain more than was asked of it. */
  capped: boolean;
  /** Every rate probed, in order, and whether it passed. */
  tried: { rate: number; passed: boolean }[];
}

/**
 * Two significant digits: rates read as 1.6, 27 or 110, and Artillery gets whole arrivals a
 * second from 10 up (lib/scripts.ts spreads fractional ones evenly instead).
 */
export function roundRate(rate: number): number {
  return rate > 0 ? Number(rate.toPrecision(2)) : 0;
}

/** The rate after a pass: `growth` times higher, and at least one step of the last digit. */
function grow(rate: number, growth: number): number {
  const grown = roundRate(rate * growth);
  const lastDigit = 10 ** (Math.floor(Math.log10(rate)) - 1);
  return grown > rate ? grown : roundRate(rate + lastDigit);
}

/** Probes upward from `startRate` until one fails, then narrows down between pass and fail. */
export async function findSustainableRate(
  probe: (rate: number) => Promise<boolean>,
  plan: SearchPlan,
): Promise<SearchResult> {
  const tried: SearchResult['tried'] = [];
  const attempt = async (rate: number) => {
    const passed = await probe(rate);
    tried.push({ rate, passed });
    return passed;
  };

  let passedRate = 0;
  let failedRate: number | undefined;
  for (let rate = Math.min(plan.startRate, plan.maxRate); failedRate === undefined;) {
    if (!(await attempt(rate))) {
      failedRate = rate;
    } else if (rate >= plan.maxRate) {
      return { rate, capped: true, tried };
    } else {
      passedRate = rate;
      rate = Math.min(plan.maxRate, grow(rate, plan.growth));
    }
  }

  for (let i = 0; i < plan.bisections; i++) {
    const middle = roundRate((passedRate + failedRate) / 2);
    // Two significant digits cannot part them any further.
    if (middle <= passedRate || middle >= failedRate) break;
    if (await attempt(middle)) passedRate = middle;
    else failedRate = middle;
  }
  return { rate: passedRate, capped: false, tried };
}
