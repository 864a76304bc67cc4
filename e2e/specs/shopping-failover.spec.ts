import { execFileSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { env } from '../env';
import { guestBuysThenRegisters } from '../journeys/guest-to-account';

// Stops one API replica halfway through the main journey (as an operator or a crash would)
// and expects the shopper not to notice: the edge routes around it, sessions and carts live in
// Redis. The replica is started again afterwards.
function supervise(action: 'start' | 'stop', name: string): string {
  if (!env.SUPERVISOR_CONF) throw new Error('SUPERVISOR_CONF is not set');
  return execFileSync('supervisorctl', ['-c', env.SUPERVISOR_CONF, action, name], {
    encoding: 'utf8',
  });
}

test.describe('with an API replica stopped halfway', () => {
  test.skip(!env.SUPERVISOR_CONF, 'needs the local stack (SUPERVISOR_CONF) to stop a replica');
  test.afterEach(() => {
    supervise('start', 'api:api-1');
  });

  test('the guest still buys, registers and finds the order', async ({ page }, testInfo) => {
    let stopped = '';
    const result = await guestBuysThenRegisters(page, {
      email: `failover-${Date.now()}-${testInfo.project.name}@example.test`,
      midway: async () => {
        stopped = supervise('stop', 'api:api-1');
      },
    });
    expect(stopped).toMatch(/stopped/);
    expect(result.orderNumber).toMatch(/^\d+$/);
  });
});
