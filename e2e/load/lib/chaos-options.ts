// `npm run chaos -- <scenario|all> …`: the chaos run's settings from the command line, checked
// before anything is broken.
import { z } from 'zod';
import { scenarios, type Scenario } from './chaos-scenarios';
import { parseCommandLine } from './options';

const names = scenarios.map((scenario) => scenario.name).join(', ');

const usage = `Usage: npm run chaos -- <scenario|all> [options]
  scenarios: ${names}
  --phase-seconds S   how long the shop runs before the fault, with it, and after it (default 30)
  --users N           protocol shoppers, each shopping journey after journey (default 10)
  --think S           pause between a journey's pages, in seconds (default 2)
  --out DIR           where the report goes (default e2e/load/reports/chaos-<time>)`;

const schema = z.object({
  scenarios: z.string().transform((name, context): Scenario[] => {
    if (name === 'all') return [...scenarios];
    const found = scenarios.find((scenario) => scenario.name === name);
    if (!found) {
      context.addIssue({
        code: 'custom',
        message: `no scenario '${name}'; the scenarios are ${names}, or all`,
      });
      return z.NEVER;
    }
    return [found];
  }),
  phaseSeconds: z.coerce
    .number({ error: '--phase-seconds must be a number' })
    .int('--phase-seconds must be a whole number of seconds')
    .min(20, '--phase-seconds: at least 20 (the load reports every 10 s)')
    .max(600, '--phase-seconds: at most 600'),
  users: z.coerce
    .number({ error: '--users must be a number' })
    .int('--users must be a whole number')
    .min(1, '--users must be at least 1')
    .max(500, '--users: at most 500'),
  think: z.coerce
    .number({ error: '--think must be a number' })
    .min(0, '--think must be 0 or more')
    .max(60),
  out: z.string().optional(),
});
export type ChaosOptions = z.infer<typeof schema>;

/** The options, or a message saying what is wrong (with the usage). */
export function parseChaosOptions(argv: string[]): ChaosOptions | { error: string } {
  const [first, ...rest] = argv;
  if (first === undefined || first.startsWith('-')) {
    return { error: `say which scenario to run\n\n${usage}` };
  }
  return parseCommandLine(
    ['--scenarios', first, ...rest],
    {
      scenarios: { type: 'string' },
      'phase-seconds': { type: 'string', default: '30' },
      users: { type: 'string', default: '10' },
      think: { type: 'string', default: '2' },
      out: { type: 'string' },
    },
    schema,
    usage,
  );
}
