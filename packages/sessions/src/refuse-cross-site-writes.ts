import type { FastifyInstance } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests a browser sends on behalf of another site (CSRF), for every
 * service that reads the shop's session cookie. Browsers label them with Sec-Fetch-Site, and
 * older ones with Origin; a request with neither (curl, a server) was not sent by a browser on
 * another site's behalf and is let through. `refusal` makes the service's own 403 error.
 */
export function refuseCrossSiteWrites(
  app: FastifyInstance,
  refusal: (message: string) => Error,
): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      if (site === 'same-origin' || site === 'none') return;
      throw refusal(`Refused a ${site} ${request.method} request`);
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host !== request.headers.host) {
      throw refusal(`Refused a ${request.method} request from ${origin}`);
    }
  });
}
