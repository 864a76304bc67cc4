// Where the journeys go: BASE_URL is the edge of a running stack.
import { z } from 'zod';

export const env = z
  .object({
    BASE_URL: z.url().default('http://localhost:4100'),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
    /** The local stack's supervisord config, for specs that stop and start components. */
    SUPERVISOR_CONF: z.string().optional(),
    /** How long a journey's expectation waits outside the test runner (the load runner sets it). */
    JOURNEY_EXPECT_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  })
  .parse(process.env);
