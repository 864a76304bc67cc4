import { describe, expect, it } from 'vitest';
import { parseLadderOptions } from './ladder-options';
import { pickJourney, mixes } from './mixes';
import { parseOptions } from './options';
import { pageType } from './page-types';

const target = 'http://localhost:4100';

describe('parseOptions', () => {
  it('takes the documented flags, with defaults for the rest', () => {
    expect(
      parseOptions(
        ['--mix', 'browsing', '--browsers', '10', '--users', '200', '--duration', '120'],
        target,
      ),
    ).toMatchObject({
      mix: 'browsing',
      browsers: 10,
      users: 200,
      rate: 0,
      duration: 120,
      think: 5,
      target,
    });
  });

  it.each([
    [
      ['--mix', 'window-shopping'],
      /--mix must be one of browsing, shopping, ordering \(got "window-shopping"\)/,
    ],
    [['--users', '-3'], /--users must be 0 or more/],
    [['--browsers', 'ten'], /--browsers must be a number/],
    [['--duration', '2'], /--duration: at least 5 seconds/],
    [['--target', 'localhost'], /--target must be a URL/],
    [['--browsers', '0', '--users', '0'], /nothing to run/],
    [['--colour', 'red'], /Unknown option '--colour'/],
  ])('refuses %j, naming what is wrong, with the usage', (args, message) => {
    const result = parseOptions(args, target);
    expect(result).toHaveProperty('error');
    const { error } = result as { error: string };
    expect(error).toMatch(message);
    expect(error).toContain('Usage: npm run load');
  });
});

describe('parseLadderOptions', () => {
  it('climbs every step by default, with the documented defaults', () => {
    const options = parseLadderOptions([]);
    expect(options).toMatchObject({
      budgetMs: 200,
      maxErrorRate: 0.001,
      startRate: 1,
      maxRate: 200,
      probeSeconds: 30,
      warmupSeconds: 10,
      think: 1,
    });
    expect('steps' in options && options.steps.map((step) => step.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('takes a subset of the steps, in the ladder’s order', () => {
    const options = parseLadderOptions(['--steps', '6,1', '--probe-seconds', '10']);
    expect('steps' in options && options.steps.map((step) => step.id)).toEqual([1, 6]);
  });

  it.each([
    [['--steps', '0'], /--steps: no step 0/],
    [['--budget-ms', '-5'], /--budget-ms must be above 0/],
    [['--probe-seconds', '2'], /--probe-seconds: at least 5 seconds/],
    [['--start-rate', '50', '--max-rate', '20'], /--start-rate must not be above --max-rate/],
    [['--target', 'http://x'], /Unknown option '--target'/],
  ])('refuses %j, naming what is wrong, with the usage', (args, message) => {
    const result = parseLadderOptions(args);
    expect(result).toHaveProperty('error');
    const { error } = result as { error: string };
    expect(error).toMatch(message);
    expect(error).toContain('Usage: npm run bench:ladder');
  });
});

describe('pickJourney', () => {
  it('draws journeys in the mix’s proportions', () => {
    const weights = mixes.shopping;
    const draws = Array.from({ length: 1000 }, (_, i) => pickJourney(weights, (i + 0.5) / 1000));
    const share = (name: string) => draws.filter((d) => d === name).length / draws.length;
    expect(share('browse')).toBeCloseTo(0.8, 2);
    expect(share('buy')).toBeCloseTo(0.16, 2);
    expect(share('account')).toBeCloseTo(0.04, 2);
  });
});

describe('pageType', () => {
  it.each([
    ['http://localhost:4100/', 'home'],
    ['/c/kitchen?page=2', 'category'],
    ['http://localhost:4100/p/oak-table', 'product'],
    ['/cart', 'cart'],
    ['/orders/5f0c6c55-1b8e-4a69-8a8f-6e1f54c7b8f1', 'order'],
    ['/orders', 'account'],
    ['/admin/products', 'other'],
  ])('%s is a %s page', (url, type) => {
    expect(pageType(url)).toBe(type);
  });
});
