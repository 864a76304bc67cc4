// GET /img/:hash/:width.:format — one variant of an original, rendered once and kept in S3
import { AppError } from '@shop/http';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app';
import type { Metrics } from '../http/metrics';
import { getOrRenderVariant, type VariantLookup } from '../images/get-or-render-variant';
import type { RenderAdmission } from '../images/render-admission';
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
  (deps: AppDeps, admission: RenderAdmission, metrics: Metrics): FastifyPluginAsync =>
  async (app) => {
    const inFlight = new SingleFlight<VariantLookup>();

    app.get<{ Params: { hash: string; file: string } }>(
      '/img/:hash/:file',
      async (request, reply) => {
        const spec = parseVariantSpecOrThrow(request.params);
        // The client (or the edge, past its timeout) closing the connection before the answer:
        // a render of this request still waiting for a slot is dropped.
        const closed = new AbortController();
        reply.raw.once('close', () => {
          if (reply.raw.writableFinished) return;
          // Nobody reads this answer; it names the drop in the request's log line.
          closed.abort(new AppError('SERVICE_BUSY', 'Closed before its render started'));
        });
        const { bytes, source } = await getOrRenderVariant(
          {
            store: deps.store,
            inFlight,
            admission,
            renderTimeoutSeconds: deps.render.timeoutSeconds,
            metrics,
            log: request.log,
          },
          spec,
          closed.signal,
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
