import { describe, expect, it } from 'vitest';
import { findSustainableRate, roundRate, type SearchPlan } from './ladder-search';

const plan: SearchPlan = { startRate: 1, maxRate: 200, growth: 1.6, bisections: 3 };

/** A shop that keeps up below `limit` journeys a second and not at or above it. */
const shopWithLimit = (limit: number) => (rate: number) => Promise.resolve(rate < limit);

describe('findSustainableRate', () => {
  it('grows by the factor while probes pass, then narrows down between pass and failure', async () => {
    const result = await findSustainableRate(shopWithLimit(20), plan);
    expect(result.tried.map((t) => t.rate)).toEqual([
      1, 1.6, 2.6, 4.2, 6.7, 11, 18, 29, 24, 21, 20,
    ]);
    expect(result.rate).toBe(18);
    expect(result.capped).toBe(false);
  });

  it('lands within one bisection step of the limit, below it', async () => {
    for (const limit of [1.3, 3, 7.5, 42, 99, 150]) {
      const { rate, tried } = await findSustainableRate(shopWithLimit(limit), plan);
      expect(rate).toBeLessThan(limit);
      const lowestFailure = Math.min(...tried.filter((t) => !t.passed).map((t) => t.rate));
      expect(lowestFailure).toBeGreaterThanOrEqual(limit);
      // Three halvings of a ×1.6 gap leave less than a tenth of the rate between them.
      expect((lowestFailure - rate) / rate).toBeLessThan(0.1);
    }
  });

  it('stops at the maximum rate and says the shop may sustain more', async () => {
    const result = await findSustainableRate(shopWithLimit(Infinity), { ...plan, maxRate: 8 });
    expect(result.tried.map((t) => t.rate)).toEqual([1, 1.6, 2.6, 4.2, 6.7, 8]);
    expect(result).toMatchObject({ rate: 8, capped: true });
  });

  it('looks below the start rate when even that fails, and reports 0 when nothing passes', async () => {
    const slow = await findSustainableRate(shopWithLimit(0.7), plan);
    expect(slow.tried.map((t) => t.rate)).toEqual([1, 0.5, 0.75, 0.63]);
    expect(slow.rate).toBe(0.63);

    const down = await findSustainableRate(shopWithLimit(0), plan);
    expect(down.rate).toBe(0);
    expect(down.tried.every((t) => !t.passed)).toBe(true);
  });

  it('probes each rate once, in order, and never above the maximum', async () => {
    const probed: number[] = [];
    await findSustainableRate(
      (rate) => {
        probed.push(rate);
        return Promise.resolve(rate < 57);
      },
      { ...plan, maxRate: 60 },
    );
    expect(new Set(probed).size).toBe(probed.length);
    expect(Math.max(...probed)).toBeLessThanOrEqual(60);
  });
});

describe('roundRate', () => {
  it.each([
    [1.6, 1.6],
    [2.56, 2.6],
    [10.48576, 10],
    [176.4, 180],
    [0.0625, 0.063],
    [0, 0],
  ])('rounds %d to two significant digits: %d', (rate, rounded) => {
    expect(roundRate(rate)).toBe(rounded);
  });
});
