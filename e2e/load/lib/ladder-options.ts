// `npm run bench:ladder -- …`: the ladder's settings from the command line, checked before the
// stack is touched.
import { z } from 'zod';
import { ladderSteps, type LadderStep } from './ladder-steps';
import { parseCommandLine } from './options';

const stepIds = ladderSteps.map((step) => step.id).join(',');

const usage = `Usage: npm run bench:ladder -- [options]
  --steps LIST        the steps to climb, e.g. 1,2,6 (default ${stepIds}); ratios are to the first
  --budget-ms MS      p95 of all requests must stay under this (default 200)
  --max-error-rate F  share of requests that may be refused, 5xx or 429 (default 0.001)
  --start-rate R      the first rate probed, journeys started a second (default 1)
  --max-rate R        the highest rate probed (default 200)
  --probe-seconds S   how long each probe starts journeys (default 30)
  --warmup-seconds S  an uncounted probe at the start rate after each restart (default 10; 0: none)
  --think S           pause between a journey's pages, in seconds (default 1)
  --out DIR           where the report goes (default e2e/load/reports/ladder-<time>)`;

const positive = (name: string) =>
  z.coerce.number({ error: `--${name} must be a number` }).positive(`--${name} must be above 0`);
const seconds = (name: string, min: number) =>
  z.coerce
    .number({ error: `--${name} must be a number` })
    .int(`--${name} must be a whole number of seconds`)
    .min(min, min > 0 ? `--${name}: at least ${min} seconds` : `--${name} must be 0 or more`)
    .max(600, `--${name}: at most 600 seconds`);

/** `1,2,6` as the steps it names, in the ladder's order, each once. */
const stepsSchema = z.string().transform((list, context): LadderStep[] => {
  const ids = list.split(',').map((id) => id.trim());
  const unknown = ids.filter((id) => !ladderSteps.some((step) => String(step.id) === id));
  if (unknown.length > 0 || ids.length === 0) {
    context.addIssue({
      code: 'custom',
      message: `--steps: no step ${unknown.join(', ') || '(none given)'}; the steps are ${stepIds}`,
    });
    return z.NEVER;
  }
  return ladderSteps.filter((step) => ids.includes(String(step.id)));
});

const schema = z
  .object({
    steps: stepsSchema,
    budgetMs: positive('budget-ms'),
    maxErrorRate: z.coerce
      .number({ error: '--max-error-rate must be a number' })
      .min(0)
      .max(1, '--max-error-rate is a share between 0 and 1'),
    startRate: positive('start-rate'),
    maxRate: positive('max-rate').max(1_000, '--max-rate: at most 1000'),
    probeSeconds: seconds('probe-seconds', 5),
    warmupSeconds: seconds('warmup-seconds', 0),
    think: z.coerce
      .number({ error: '--think must be a number' })
      .min(0, '--think must be 0 or more')
      .max(60),
    out: z.string().optional(),
  })
  .refine((o) => o.startRate <= o.maxRate, {
    message: '--start-rate must not be above --max-rate',
  });
export type LadderOptions = z.infer<typeof schema>;

/** The options, or a message saying what is wrong (with the usage). */
export function parseLadderOptions(argv: string[]): LadderOptions | { error: string } {
  return parseCommandLine(
    argv,
    {
      steps: { type: 'string', default: stepIds },
      'budget-ms': { type: 'string', default: '200' },
      'max-error-rate': { type: 'string', default: '0.001' },
      'start-rate': { type: 'string', default: '1' },
      'max-rate': { type: 'string', default: '200' },
      'probe-seconds': { type: 'string', default: '30' },
      'warmup-seconds': { type: 'string', default: '10' },
      think: { type: 'string', default: '1' },
      out: { type: 'string' },
    },
    schema,
    usage,
  );
}
