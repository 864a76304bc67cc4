// `npm run load -- …`: the run's settings from the command line, checked before anything starts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';
import { mixes } from './mixes';

const usage = `Usage: npm run load -- [options]
  --mix browsing|shopping|ordering   the TPC-W style mix (default shopping)
  --browsers N       Chromium shoppers, each shopping for the whole run (default 2)
  --users N          protocol-level shoppers, each shopping for the whole run (default 20)
  --rate R           protocol-level arrivals a second, one journey each (default 0)
  --duration S       seconds the shoppers keep starting journeys (default 60)
  --think S          mean pause between steps, in seconds (default 5; TPC-W's is 7)
  --target URL       the shop's public URL (default PUBLIC_URL, else http://localhost:4100)
  --max-error-rate F share of requests that may fail with 5xx before the run fails (default 0.001)
  --out DIR          where the report goes (default e2e/load/reports/<time>)
  --scripts-only     write the Artillery scripts to e2e/load/scripts and stop, for
                     \`artillery run-fargate\` (see e2e/load/README.md)`;

const count = (name: string) =>
  z.coerce
    .number({ error: `--${name} must be a number` })
    .int(`--${name} must be a whole number`)
    .min(0, `--${name} must be 0 or more`);

const schema = z
  .object({
    mix: z.enum(Object.keys(mixes) as [keyof typeof mixes], {
      error: (issue) =>
        `--mix must be one of ${Object.keys(mixes).join(', ')} (got "${String(issue.input)}")`,
    }),
    browsers: count('browsers').max(50, '--browsers: at most 50 on one machine'),
    users: count('users').max(5_000, '--users: at most 5000'),
    rate: z.coerce
      .number({ error: '--rate must be a number' })
      .min(0, '--rate must be 0 or more')
      .max(1_000),
    duration: z.coerce
      .number({ error: '--duration must be a number' })
      .int()
      .min(5, '--duration: at least 5 seconds')
      .max(3_600),
    think: z.coerce
      .number({ error: '--think must be a number' })
      .min(0, '--think must be 0 or more')
      .max(60),
    target: z.url({ error: '--target must be a URL such as http://localhost:4100' }),
    maxErrorRate: z.coerce.number().min(0).max(1, '--max-error-rate is a share between 0 and 1'),
    out: z.string().optional(),
    scriptsOnly: z.boolean(),
  })
  .refine((o) => o.browsers + o.users + o.rate > 0, {
    message: 'nothing to run: give --browsers, --users or --rate a value above 0',
  });
export type LoadOptions = z.infer<typeof schema>;

/** `--users -3` would read as two flags; joined (`--users=-3`), the check names the problem. */
function joinNegativeValues(argv: string[]): string[] {
  const args: string[] = [];
  for (const arg of argv) {
    const previous = args.at(-1);
    if (/^-\d/.test(arg) && previous?.startsWith('--') && !previous.includes('=')) {
      args[args.length - 1] = `${previous}=${arg}`;
    } else {
      args.push(arg);
    }
  }
  return args;
}

/**
 * The command line read with `flags` (and --help) and checked by `schema`, the flags' kebab-case
 * names in camelCase; or a message saying what is wrong, with the usage.
 */
export function parseCommandLine<S extends z.ZodType>(
  argv: string[],
  flags: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
): z.infer<S> | { error: string } {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: joinNegativeValues(argv),
      strict: true,
      allowPositionals: false,
      options: { ...flags, help: { type: 'boolean', default: false } },
    }));
  } catch (error) {
    return { error: `${(error as Error).message}\n\n${usage}` };
  }
  if (values.help) return { error: usage };
  const camelCase = (name: string) =>
    name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  const parsed = schema.safeParse(
    Object.fromEntries(Object.entries(values).map(([name, value]) => [camelCase(name), value])),
  );
  if (!parsed.success) {
    return { error: `${parsed.error.issues.map((issue) => issue.message).join('\n')}\n\n${usage}` };
  }
  return parsed.data;
}

/** The options, or a message saying what is wrong (with the usage). */
export function parseOptions(
  argv: string[],
  defaultTarget: string,
): LoadOptions | { error: string } {
  return parseCommandLine(
    argv,
    {
      mix: { type: 'string', default: 'shopping' },
      browsers: { type: 'string', default: '2' },
      users: { type: 'string', default: '20' },
      rate: { type: 'string', default: '0' },
      duration: { type: 'string', default: '60' },
      think: { type: 'string', default: '5' },
      target: { type: 'string', default: defaultTarget },
      'max-error-rate': { type: 'string', default: '0.001' },
      out: { type: 'string' },
      'scripts-only': { type: 'boolean', default: false },
    },
    schema,
    usage,
  );
}
