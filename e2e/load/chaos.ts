// npm run chaos -- <scenario|all> [--phase-seconds 30] [--users 10]
//
// Breaks one part of the running local stack while protocol shoppers shop (the load runner's
// journeys, Artillery's HTTP engine), undoes it, and checks the scenario's steady-state
// hypothesis (lib/chaos-scenarios.ts) against the load's figures before, during and after the
// fault. Writes chaos.json and chaos.html and prints the table. A fault is always undone, also
// when the run fails or is interrupted. Exits 1 when a hypothesis did not hold, 2 on bad input.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { env } from './env';
import { prepareFlowBundles, runArtillery, writeScripts } from './lib/artillery';
import { readChartJs } from './lib/chart-js';
import { renderChaosHtml, type ChaosReport, type ScenarioResult } from './lib/chaos-html';
import type { FoldFigures } from './lib/chaos-fold-verdict';
import { parseChaosOptions, type ChaosOptions } from './lib/chaos-options';
import type { Scenario } from './lib/chaos-scenarios';
import { faultPeriods, windowsOf } from './lib/chaos-verdict';
import { mixes } from './lib/mixes';
import { httpScript, scriptSettings } from './lib/scripts';
import {
  checkTarget,
  InputError,
  productsCsv,
  readCatalog,
  type Catalog,
} from './lib/shop-catalog';

const say = (line: string) => process.stdout.write(`[chaos] ${line}\n`);

const options = parseChaosOptions(process.argv.slice(2));
if ('error' in options) {
  process.stderr.write(`chaos: ${options.error}\n`);
  process.exit(2);
}
const target = env.PUBLIC_URL.replace(/\/$/, '');

/** The fault being made now, undone on the way out whatever happens. */
let broken: Scenario | undefined;
function undo(): void {
  const scenario = broken;
  broken = undefined;
  scenario?.restore();
}
process.once('SIGINT', () => {
  undo();
  process.exit(130);
});

async function runScenario(
  run: ChaosOptions,
  scenario: Scenario,
  shop: Catalog,
  folder: string,
): Promise<ScenarioResult> {
  const phaseMs = run.phaseSeconds * 1000;
  const settings = scriptSettings(target, shop, {
    weights: mixes[scenario.mix],
    durationSeconds: 3 * run.phaseSeconds,
    thinkSeconds: run.think,
    expectTimeoutMs: env.LOAD_EXPECT_TIMEOUT_MS,
  });
  // Artillery's own checks are not the verdict here (the hypothesis is): they never fail a run.
  await writeScripts(
    folder,
    { [scenario.name]: httpScript(settings, run.users, 0, 1) },
    productsCsv(shop),
  );
  say(`${scenario.name}: ${scenario.fault}, after ${run.phaseSeconds} s of shopping`);
  await scenario.before?.();
  let startLoad = () => {};
  const loadStarted = new Promise<void>((resolve) => (startLoad = resolve));
  const load = runArtillery(folder, scenario.name, () => startLoad());
  // The phases count from the first shopper, not from Artillery's start-up.
  await Promise.race([loadStarted, load]);
  const startedAt = Date.now();
  let trouble: string | undefined;
  const timeline = { faultAtMs: phaseMs, restoredAtMs: 2 * phaseMs };
  try {
    await sleep(phaseMs);
    broken = scenario;
    timeline.faultAtMs = Date.now() - startedAt;
    await scenario.inject({
      target,
      catalog: shop,
      folder,
      seconds: run.phaseSeconds,
      loadStartedAt: startedAt,
    });
    await sleep(startedAt + 2 * phaseMs - Date.now());
    undo();
    timeline.restoredAtMs = Date.now() - startedAt;
    say(`${scenario.name}: undone; watching the shop recover`);
  } catch (error) {
    trouble = `the fault could not be made or undone: ${(error as Error).message}`;
    undo();
  }
  const { output } = await load;
  let fold: FoldFigures | undefined;
  try {
    fold = await scenario.after?.(output);
  } catch (error) {
    trouble ??= `the fault's own figures could not be read: ${(error as Error).message}`;
  }
  const periods = faultPeriods(output, startedAt);
  const windows = windowsOf(periods, timeline);
  const verdict = trouble ? { passed: false, says: trouble } : scenario.check(windows, fold);
  say(`${scenario.name}: ${verdict.passed ? 'HELD' : 'BROKEN'}: ${verdict.says}`);
  return {
    name: scenario.name,
    fault: scenario.fault,
    hypothesis: scenario.hypothesis,
    mix: scenario.mix,
    timeline,
    periods,
    windows,
    verdict,
    ...(fold ? { fold } : {}),
    ...(trouble ? { trouble } : {}),
  };
}

async function main(run: ChaosOptions): Promise<number> {
  await checkTarget(target);
  const shop = await readCatalog(target);
  const startedAt = new Date();
  const folder =
    run.out ??
    join(import.meta.dirname, 'reports', `chaos-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(folder, { recursive: true });
  await prepareFlowBundles();
  const report: ChaosReport = {
    settings: {
      target,
      phaseSeconds: run.phaseSeconds,
      users: run.users,
      think: run.think,
      startedAt: startedAt.toISOString(),
    },
    results: [],
  };
  for (const scenario of run.scenarios) {
    report.results.push(await runScenario(run, scenario, shop, folder));
    await writeFile(join(folder, 'chaos.json'), JSON.stringify(report, null, 2));
  }
  await writeFile(join(folder, 'chaos.html'), renderChaosHtml(report, await readChartJs()));
  const held = report.results.filter((result) => result.verdict.passed).length;
  say(`${held} of ${report.results.length} hypotheses held; report: ${join(folder, 'chaos.html')}`);
  return held === report.results.length ? 0 : 1;
}

main(options).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    undo();
    process.stderr.write(`chaos: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof InputError ? 2 : 1;
  },
);
