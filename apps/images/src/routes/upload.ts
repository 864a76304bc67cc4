// POST /img — store an uploaded original under its content hash (admins only)
import { refuseCrossSiteWrites, registerSessions, requireAdmin } from '@shop/sessions';
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app';
import { AppError } from '@shop/http';
import type { Metrics } from '../http/metrics';
import { MAX_UPLOAD_BYTES } from '../images/inspect-upload';
import { storeOriginal } from '../images/store-original';

export const uploadRoutes =
  (deps: AppDeps, metrics: Metrics): FastifyPluginAsync =>
  async (app) => {
    // Sessions (and with them Redis) only in this scope: image GETs never touch Redis.
    const { publicOrigins, ...session } = deps.session;
    refuseCrossSiteWrites(app, {
      publicOrigins,
      refusal: (message) => new AppError('CROSS_SITE_REQUEST', message),
    });
    await registerSessions(app, { redis: deps.redis, ...session });

    // The body is the image itself. Its declared type only routes it here: what it really is
    // comes from its bytes (inspect-upload.ts).
    app.removeAllContentTypeParsers();
    const keepBytes = (_request: unknown, body: Buffer, done: (e: null, b: Buffer) => void) =>
      done(null, body);
    const raw = { parseAs: 'buffer' as const, bodyLimit: MAX_UPLOAD_BYTES };
    app.addContentTypeParser(/^image\//, raw, keepBytes);
    app.addContentTypeParser('application/octet-stream', raw, keepBytes);

    app.post(
      '/img',
      {
        bodyLimit: MAX_UPLOAD_BYTES,
        // Refuse before reading up to 15 MiB from someone who may not upload.
        onRequest: async (request) => requireAdmin(request, 'to upload images'),
        // Again after the session plugin's preHandler, which may have ended an expired session.
        preHandler: async (request) => requireAdmin(request, 'to upload images'),
      },
      async (request, reply) => {
        const bytes = request.body;
        if (!Buffer.isBuffer(bytes)) {
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the image bytes as the body with Content-Type image/* or application/octet-stream',
          );
        }
        const stored = await storeOriginal({ store: deps.store }, bytes);
        metrics.uploads.inc();
        void reply.code(stored.created ? 201 : 200);
        return {
          hash: stored.hash,
          width: stored.width,
          height: stored.height,
          format: stored.format,
        };
      },
    );
  };
