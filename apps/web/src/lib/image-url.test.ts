import { describe, expect, it } from 'vitest';
import { candidateFor, IMAGE_WIDTHS, imageCandidates, imageSrcSet } from './image-url';

const widths = (original?: number) => imageCandidates(original).map((c) => c.width);
const steps = (original?: number) => imageCandidates(original).map((c) => c.step);

describe('imageCandidates', () => {
  it('never offers a width above an 800 px original, and offers the original itself', () => {
    expect(widths(800)).toEqual([128, 256, 384, 640, 800]);
    // 800 is no step of the service: the next step up comes out at the original's 800 px.
    expect(steps(800)).toEqual([128, 256, 384, 640, 828]);
  });

  it('ends at the step itself when the original is exactly a step wide', () => {
    expect(widths(640)).toEqual([128, 256, 384, 640]);
    expect(steps(640)).toEqual([128, 256, 384, 640]);
  });

  it('offers every step up to 1920 for an original wider than the largest step', () => {
    expect(widths(4000)).toEqual([128, 256, 384, 640, 828, 1080, 1200, 1920]);
    expect(steps(4000)).toEqual(widths(4000));
  });

  it('offers one candidate at the original width for an original smaller than every step', () => {
    expect(imageCandidates(90)).toEqual([{ step: 128, width: 90 }]);
  });

  it('asks only for widths the image service renders', () => {
    for (const original of [1, 90, 128, 500, 800, 1081, 1919, 1920, 1921, 6000]) {
      for (const step of steps(original)) expect(IMAGE_WIDTHS).toContain(step);
      expect(Math.max(...widths(original))).toBeLessThanOrEqual(original);
      expect(new Set(steps(original)).size).toBe(steps(original).length);
    }
  });

  it('offers every step when the original width is unknown', () => {
    expect(widths()).toEqual([128, 256, 384, 640, 828, 1080, 1200, 1920]);
  });
});

describe('imageSrcSet', () => {
  it('describes each variant by the width it comes out at', () => {
    expect(imageSrcSet('abc', imageCandidates(800).slice(-2), 'avif')).toBe(
      '/img/abc/640.avif 640w, /img/abc/828.avif 800w',
    );
  });
});

describe('candidateFor', () => {
  it('picks the widest candidate not above the wanted width, else the smallest', () => {
    const candidates = imageCandidates(800);
    expect(candidateFor(candidates, 640).width).toBe(640);
    expect(candidateFor(candidates, 700).width).toBe(640);
    expect(candidateFor(candidates, 2000).width).toBe(800);
    expect(candidateFor(candidates, 50).width).toBe(128);
  });
});
