import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '@shop/http';
import type { Metrics } from '../http/metrics';
import { type ImageStore, variantKey } from './image-store';
import type { RenderAdmission } from './render-admission';
import { renderVariant } from './render-variant';
import type { SingleFlight } from './single-flight';
import type { VariantSpec } from './variant-spec';

export type VariantSource = 'store' | 'render' | 'shared';
export type VariantLookup = { bytes: Buffer; rendered: boolean };

export interface VariantDeps {
  store: ImageStore;
  /** Lookups and renders in flight in this process, by variant key. */
  inFlight: SingleFlight<VariantLookup>;
  /** Slots and queue for renders; lookups in S3 never wait here. */
  admission: RenderAdmission;
  /** Longest one render may take (0: no limit). */
  renderTimeoutSeconds: number;
  metrics: Pick<Metrics, 'renders' | 'renderSeconds'>;
  log: FastifyBaseLogger;
}

/**
 * A variant's bytes: from S3 when it was rendered before, else rendered from the original (in
 * a render slot, see render-admission.ts) and stored. Concurrent requests for the same variant
 * share one lookup and one render; a render still waiting for a slot when every request for it
 * has aborted (`signal`) is dropped. Throws NOT_FOUND when there is no original under the hash,
 * SERVICE_BUSY when no render slot can be had in time.
 */
export async function getOrRenderVariant(
  deps: VariantDeps,
  spec: VariantSpec,
  signal?: AbortSignal,
): Promise<{ bytes: Buffer; source: VariantSource }> {
  const { value, shared } = await deps.inFlight.run(
    variantKey(spec),
    async (nobodyWaits) => {
      const stored = await deps.store.getVariant(spec);
      if (stored) return { bytes: stored, rendered: false };
      // The original is fetched in the slot too, so a flood never holds many originals in memory.
      const bytes = await deps.admission.run(async () => {
        const original = await deps.store.getOriginal(spec.hash);
        if (!original) throw new AppError('NOT_FOUND', `No image ${spec.hash}`);
        const endTimer = deps.metrics.renderSeconds.startTimer({ format: spec.format });
        const rendered = await renderVariant(original, spec, deps.renderTimeoutSeconds);
        endTimer();
        deps.metrics.renders.inc({ format: spec.format });
        return rendered;
      }, nobodyWaits);
      try {
        await deps.store.putVariant(spec, bytes);
      } catch (error) {
        // The answer is still right; the next miss (the CDN keeps this one) renders again.
        deps.log.warn({ err: error, key: variantKey(spec) }, 'could not store a rendered variant');
      }
      return { bytes, rendered: true };
    },
    signal,
  );
  return { bytes: value.bytes, source: shared ? 'shared' : value.rendered ? 'render' : 'store' };
}
