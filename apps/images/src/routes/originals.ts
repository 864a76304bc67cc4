// GET /img/:hash — what an uploaded original is (its size and format), e.g. for the API to check
// a picture an admin names before a product shows it
import { AppError } from '@shop/http';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app';
import { CONTENT_HASH } from '../images/variant-spec';

export const originalRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    app.get<{ Params: { hash: string } }>('/img/:hash', async (request, reply) => {
      const { hash } = request.params;
      if (!CONTENT_HASH.test(hash)) {
        throw new AppError('VALIDATION_FAILED', 'Invalid path parameter: hash', {
          fields: [{ field: 'hash', message: 'must be 64 lowercase hex digits (sha256)' }],
        });
      }
      const size = await deps.store.describeOriginal(hash);
      if (!size) throw new AppError('NOT_FOUND', `No uploaded image ${hash}`);
      // An original never changes under its hash; its absence may (an upload to come).
      void reply.header('cache-control', 'public, max-age=31536000, immutable');
      return { hash, ...size };
    });
  };
