import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Names the replica (X-Served-By) and the request (X-Request-Id) on every answer, and logs one
 * line per request with its outcome; `extra` adds a service's own fields to that line.
 */
export function traceRequests(
  app: FastifyInstance,
  instanceId: string,
  extra?: (request: FastifyRequest) => Record<string, unknown>,
): void {
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-served-by', instanceId).header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime * 10) / 10,
        ...extra?.(request),
      },
      'request',
    );
  });
}
