import type { FastifyInstance } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** An origin as browsers send it (scheme://host[:port], default ports left out), or null. */
function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Refuses state-changing requests a browser sends on behalf of another site (CSRF), for every
 * service that reads the shop's session cookie. Browsers label them with Sec-Fetch-Site, and
 * older ones only with Origin, which must then be one of the shop's public origins (scheme, host
 * and port, as configured: the Host header behind a proxy says nothing about the port or scheme
 * the browser used). A request with neither header (curl, a server) was not sent by a browser on
 * another site's behalf and is let through. `refusal` makes the service's own 403 error.
 */
export function refuseCrossSiteWrites(
  app: FastifyInstance,
  options: { publicOrigins: readonly string[]; refusal: (message: string) => Error },
): void {
  const allowed = new Set(options.publicOrigins.map(originOf));
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method)) return;
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      if (site === 'same-origin' || site === 'none') return;
      throw options.refusal(`Refused a ${site} ${request.method} request`);
    }
    const origin = request.headers.origin;
    if (origin === undefined) return;
    if (!allowed.has(originOf(origin))) {
      throw options.refusal(`Refused a ${request.method} request from ${origin}`);
    }
  });
}
