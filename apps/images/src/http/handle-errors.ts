import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type ErrorBody, type ImageErrorCode, statusOf } from './app-error';

function body(code: ImageErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own client errors (body too large, wrong content type) by their code. */
const fastifyClientErrors: Record<string, ImageErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
};

/**
 * Every error leaves the service here, in the shape of API.md. Client errors say what was
 * wrong; anything unexpected is logged once with the request id and answered without details.
 * No error is cacheable: the edge's CDN must never keep one in place of an image.
 */
export function handleErrors(app: FastifyInstance): void {
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(body('NOT_FOUND', `No route for ${request.method} ${request.url}`));
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    void reply.removeHeader('etag').header('cache-control', 'no-store');
    if (error instanceof AppError) {
      // A dependency failing (S3 down) is worth a line with its cause; a client's mistake is not.
      if (statusOf[error.code] >= 500) {
        request.log.warn({ err: error.cause ?? error }, error.message);
        void reply.header('retry-after', '5');
      }
      return reply.code(statusOf[error.code]).send(body(error.code, error.message, error.details));
    }
    const mapped = error.code ? fastifyClientErrors[error.code] : undefined;
    if (mapped) {
      return reply.code(statusOf[mapped]).send(body(mapped, error.message));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send(body('VALIDATION_FAILED', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send(body('INTERNAL', 'Something went wrong; the request id names it.'));
  });

  app.addHook('onSend', async (_request, reply, payload) => {
    if (reply.statusCode >= 400 || !reply.hasHeader('cache-control')) {
      void reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
