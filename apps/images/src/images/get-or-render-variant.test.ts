import { pino } from 'pino';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../http/metrics';
import { getOrRenderVariant, type VariantLookup } from './get-or-render-variant';
import { MemoryImageStore } from './memory-image-store';
import { RenderAdmission } from './render-admission';
import { samplePng } from './sample-images';
import { SingleFlight } from './single-flight';
import { storeOriginal } from './store-original';
import type { VariantSpec } from './variant-spec';

async function setUp() {
  const store = new MemoryImageStore();
  const { hash } = await storeOriginal({ store }, await samplePng({ width: 700, height: 350 }));
  const metrics = createMetrics('test');
  const deps = {
    store,
    inFlight: new SingleFlight<VariantLookup>(),
    admission: new RenderAdmission({ concurrency: 1, queueSize: 8, maxWaitMs: 10_000 }),
    renderTimeoutSeconds: 30,
    metrics,
    log: pino({ level: 'silent' }),
  };
  const renders = async () =>
    (await metrics.renders.get()).values.reduce((sum, v) => sum + v.value, 0);
  return { store, hash, deps, renders };
}

describe('getOrRenderVariant', () => {
  it('renders a missing variant once, stores it, then serves it from the store', async () => {
    const { store, hash, deps, renders } = await setUp();
    const spec: VariantSpec = { hash, width: 384, format: 'webp' };

    const first = await getOrRenderVariant(deps, spec);
    expect(first.source).toBe('render');
    expect((await sharp(first.bytes).metadata()).width).toBe(384);
    expect(store.objects.get(`variants/${hash}/384.webp`)?.bytes.equals(first.bytes)).toBe(true);

    const second = await getOrRenderVariant(deps, spec);
    expect(second.source).toBe('store');
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(await renders()).toBe(1);
  });

  it('renders concurrent first requests for one variant once', async () => {
    const { store, hash, deps, renders } = await setUp();
    const spec: VariantSpec = { hash, width: 256, format: 'avif' };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => getOrRenderVariant(deps, spec)),
    );
    expect(answers.map((a) => a.source).sort()).toEqual([
      'render',
      ...Array<string>(7).fill('shared'),
    ]);
    expect(await renders()).toBe(1);
    expect(store.calls.filter((call) => call.startsWith('putVariant'))).toHaveLength(1);
    expect(deps.inFlight.size).toBe(0);
  });

  it('answers NOT_FOUND when no original has that hash, and stores nothing', async () => {
    const { store, deps } = await setUp();
    const before = store.objects.size;
    await expect(
      getOrRenderVariant(deps, { hash: 'f'.repeat(64), width: 64, format: 'jpeg' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(store.objects.size).toBe(before);
  });

  it('still answers when the rendered variant cannot be stored', async () => {
    const { store, hash, deps } = await setUp();
    store.putVariant = async () => {
      throw new Error('S3 is down');
    };
    const answer = await getOrRenderVariant(deps, { hash, width: 128, format: 'jpeg' });
    expect(answer.source).toBe('render');
    expect((await sharp(answer.bytes).metadata()).format).toBe('jpeg');
  });

  it('serves a stored variant while every render slot and queue place is taken', async () => {
    const { hash, deps } = await setUp();
    const stored: VariantSpec = { hash, width: 128, format: 'webp' };
    await getOrRenderVariant(deps, stored);
    deps.admission = new RenderAdmission({ concurrency: 1, queueSize: 0, maxWaitMs: 10_000 });
    let release: () => void = () => {};
    const slotTaken = deps.admission.run(() => new Promise<void>((r) => (release = r)));

    expect((await getOrRenderVariant(deps, stored)).source).toBe('store');
    await expect(
      getOrRenderVariant(deps, { hash, width: 640, format: 'jpeg' }),
    ).rejects.toMatchObject({ code: 'SERVICE_BUSY' });
    release();
    await slotTaken;
  });

  it('drops a render still waiting for a slot when its request goes away', async () => {
    const { store, hash, deps, renders } = await setUp();
    let release: () => void = () => {};
    const slotTaken = deps.admission.run(() => new Promise<void>((r) => (release = r)));
    const request = new AbortController();
    const answer = getOrRenderVariant(deps, { hash, width: 256, format: 'jpeg' }, request.signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(deps.admission.waiting).toBe(1);

    request.abort(new Error('client closed'));
    await expect(answer).rejects.toThrow('client closed');
    expect(deps.admission.waiting).toBe(0);
    release();
    await slotTaken;
    expect(await renders()).toBe(0);
    expect(store.calls.filter((call) => /^(getOriginal|putVariant)/.test(call))).toEqual([]);
  });
});
