// GET /img/:hash/:width.:format — one variant of an original, rendered once and kept in S3
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app';
import type { Metrics } from '../http/metrics';
import { getOrRenderVariant, type VariantLookup } from '../images/get-or-render-variant';
import { SingleFlight } from '../images/single-flight';
import {
  matchesEtag,
  parseVariantSpecOrThrow,
  variantContentType,
  variantEtag,
} from '../images/variant-spec';

/** Variant URLs are content-addressed and never change, so anyone may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

export const variantRoutes =
  (deps: AppDeps, metrics: Metrics): FastifyPluginAsync =>
  async (app) => {
    const inFlight = new SingleFlight<VariantLookup>();

    app.get<{ Params: { hash: string; file: string } }>(
      '/img/:hash/:file',
      async (request, reply) => {
        const spec = parseVariantSpecOrThrow(request.params);
        const { bytes, source } = await getOrRenderVariant(
          { store: deps.store, inFlight, metrics, log: request.log },
          spec,
        );
        metrics.variants.inc({ source });
        request.imageSource = source;
        const etag = variantEtag(spec);
        void reply.header('etag', etag).header('cache-control', IMMUTABLE);
        if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
        return reply
          .header('content-type', variantContentType[spec.format])
          .header('content-length', bytes.length)
          .send(bytes);
      },
    );
  };
