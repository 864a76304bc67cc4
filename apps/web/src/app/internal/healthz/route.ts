// GET /internal/healthz — the storefront process is up (for container healthchecks; the edge
// answers 404 for /internal/ from outside). Touches nothing else, so a down API does not make
// the storefront look dead.
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'cache-control': 'no-store' } });
}
