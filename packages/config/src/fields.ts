import { z } from 'zod';

/** A TCP port number given as a string, as environments do. */
export const port = () => z.coerce.number().int().min(1).max(65535);

export const url = () => z.url();

export const postgresUrl = () =>
  z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' });

export const redisUrl = () => z.url({ protocol: /^rediss?$/, error: 'must be a redis:// URL' });

export const logLevel = () =>
  z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info');
