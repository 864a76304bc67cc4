import type { ErrorBody, ErrorCode } from '@shop/domain';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, statusOf } from './app-error';

function body(code: ErrorCode, message: string, details?: unknown): ErrorBody {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

/** Fastify's own client errors (bad JSON, body too large, wrong content type) by their code. */
const fastifyClientErrors: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
};

export interface HandleErrorsOptions {
  /**
   * Turns a dependency's own error into an AppError when it has a meaning for the client (the
   * database out of connections is 503 SERVICE_BUSY, not a 500); undefined leaves it unexpected.
   */
  translate?: (error: unknown) => AppError | undefined;
}

/**
 * Every error leaves a service here, in the shape of docs/API.md. Client errors name the field;
 * anything unexpected is logged once with the request id and answered without its details.
 * No error is cacheable: a shared cache (the edge's CDN) must never keep one in place of content.
 */
export function handleErrors(app: FastifyInstance, options: HandleErrorsOptions = {}): void {
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .header('cache-control', 'no-store')
      .send(body('NOT_FOUND', `No route for ${request.method} ${request.url}`));
  });

  app.setErrorHandler((thrown: FastifyError, request, reply) => {
    void reply.removeHeader('etag').header('cache-control', 'no-store');
    const error = options.translate?.(thrown) ?? thrown;
    if (error instanceof AppError) {
      const status = statusOf[error.code];
      // A dependency failing (storage down, pool exhausted) is worth a line with its cause; a
      // request turned away by admission control is counted in metrics, not logged twice.
      if (status >= 500 && error.cause !== undefined) {
        request.log.warn({ err: error.cause }, error.message);
      }
      const retryAfter = error.retryAfterSeconds ?? (status === 503 ? 5 : undefined);
      if (retryAfter !== undefined) {
        void reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfter))));
      }
      return reply.code(status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const fields = error.validation.flatMap((issue) => {
        const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
        // A key nobody asked for is named itself, not the object that holds it.
        const unknown = issue.keyword === 'unrecognized_keys' ? issue.params['keys'] : undefined;
        if (Array.isArray(unknown) && unknown.length > 0) {
          return unknown.map((key) => ({
            field: path ? `${path}.${String(key)}` : String(key),
            message: 'is not a field of this request',
          }));
        }
        return [{ field: path || where, message: issue.message }];
      });
      const names = [...new Set(fields.map((f) => f.field))].join(', ');
      return reply
        .code(400)
        .send(body('VALIDATION_FAILED', `Invalid ${where} parameter: ${names}`, { fields }));
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
}
