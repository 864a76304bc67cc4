// The journeys' expect. In the test runner it is Playwright's own (the config sets its timeout);
// the load runner replays the journeys outside the runner, where a busy shop needs longer than
// Playwright's default 5 s, so it sets JOURNEY_EXPECT_TIMEOUT_MS.
import { expect as playwrightExpect } from '@playwright/test';
import { env } from '../env';

export const expect = env.JOURNEY_EXPECT_TIMEOUT_MS
  ? playwrightExpect.configure({ timeout: env.JOURNEY_EXPECT_TIMEOUT_MS })
  : playwrightExpect;
