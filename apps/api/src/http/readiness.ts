// What an API replica's readiness says of it, from its checks of the services it uses.

export type Check = 'up' | 'down';
export type Readiness = 'ready' | 'degraded' | 'not_ready';

/**
 * Ready: everything answers. Degraded: something is down, but the catalog can still be read (a
 * database answers), so the replica keeps its traffic: with the replica database down reads go
 * to the primary; with the primary down reads go on from the replica while writes fail; with
 * Redis down browsing works while sign-in, carts and checkout answer 503. Not ready: no
 * database answers, so there is nothing the replica could serve.
 */
export function readinessOf(checks: { primary: Check; replica: Check; redis: Check }): Readiness {
  if (checks.primary === 'down' && checks.replica === 'down') return 'not_ready';
  if (checks.primary === 'down' || checks.replica === 'down' || checks.redis === 'down') {
    return 'degraded';
  }
  return 'ready';
}
