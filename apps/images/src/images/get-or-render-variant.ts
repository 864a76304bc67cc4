import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '@shop/http';
import type { Metrics } from '../http/metrics';
import { type ImageStore, variantKey } from './image-store';
import { renderVariant } from './render-variant';
import type { SingleFlight } from './single-flight';
import type { VariantSpec } from './variant-spec';

export type VariantSource = 'store' | 'render' | 'shared';
export type VariantLookup = { bytes: Buffer; rendered: boolean };

export interface VariantDeps {
  store: ImageStore;
  /** Lookups and renders in flight in this process, by variant key. */
  inFlight: SingleFlight<VariantLookup>;
  metrics: Pick<Metrics, 'renders' | 'renderSeconds'>;
  log: FastifyBaseLogger;
}

/**
 * A variant's bytes: from S3 when it was rendered before, else rendered from the original and
 * stored. Concurrent requests for the same variant share one lookup and one render.
 * Throws NOT_FOUND when there is no original under the hash.
 */
export async function getOrRenderVariant(
  deps: VariantDeps,
  spec: VariantSpec,
): Promise<{ bytes: Buffer; source: VariantSource }> {
  const { value, shared } = await deps.inFlight.run(variantKey(spec), async () => {
    const stored = await deps.store.getVariant(spec);
    if (stored) return { bytes: stored, rendered: false };
    const original = await deps.store.getOriginal(spec.hash);
    if (!original) throw new AppError('NOT_FOUND', `No image ${spec.hash}`);
    const endTimer = deps.metrics.renderSeconds.startTimer({ format: spec.format });
    const bytes = await renderVariant(original, spec);
    endTimer();
    deps.metrics.renders.inc({ format: spec.format });
    try {
      await deps.store.putVariant(spec, bytes);
    } catch (error) {
      // The answer is still right; the next miss (the CDN keeps this one) renders again.
      deps.log.warn({ err: error, key: variantKey(spec) }, 'could not store a rendered variant');
    }
    return { bytes, rendered: true };
  });
  return { bytes: value.bytes, source: shared ? 'shared' : value.rendered ? 'render' : 'store' };
}
