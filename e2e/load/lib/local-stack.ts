// The local stack as the runners see it: where its figures are read while the load runs, and
// (for the ladder) stopping it and starting it again with other settings, through its own
// script, infra/local/bin/shop, so it starts exactly as `npm start` starts it.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { callerEnv, env } from '../env';
import type { SamplerSources } from './sampler';

const shopScript = join(import.meta.dirname, '..', '..', '..', 'infra', 'local', 'bin', 'shop');

/** The API replicas' /metrics and the edge's access log, for the sampler. */
export function samplerSources(apiReplicas = env.API_REPLICAS): SamplerSources {
  return {
    apiMetrics: Array.from(
      { length: apiReplicas },
      (_, i) => `http://${env.SHOP_HOST}:${env.API_PORT_BASE + 1 + i}/metrics`,
    ),
    edgeAccessLog: env.SHOP_DATA ? join(env.SHOP_DATA, 'logs', 'edge', 'access.log') : undefined,
  };
}

/** Settings for the stack: a value sets a variable, undefined leaves it unset (its default). */
export type StackSettings = Record<string, string | undefined>;

/**
 * `shop <command>` with the caller's environment plus `settings`; its output is appended to
 * `logPath`. Resolves with its exit code. The exit, not the end of its output, is waited for:
 * supervisord, which `start` leaves running, could hold the output open.
 */
function shop(command: string, settings: StackSettings, logPath: string): Promise<number> {
  const environment = Object.fromEntries(
    Object.entries({ ...callerEnv(), ...settings }).filter(([, value]) => value !== undefined),
  );
  const log = openSync(logPath, 'a');
  const child = spawn('bash', [shopScript, command], {
    env: environment,
    stdio: ['ignore', log, log],
  });
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      closeSync(log);
      reject(error);
    });
    child.on('exit', (code) => {
      closeSync(log);
      resolve(code ?? 1);
    });
  });
}

/** Whether the stack's supervisord runs (`shop status` says down with exit code 3). */
export async function stackIsRunning(logPath: string): Promise<boolean> {
  return (await shop('status', {}, logPath)) === 0;
}

export async function stopStack(logPath: string): Promise<void> {
  const code = await shop('stop', {}, logPath);
  if (code !== 0) throw new Error(`stopping the ${env.SHOP_STACK} stack failed; see ${logPath}`);
}

/** Starts the stack with `settings`; `shop start` returns once every component is healthy. */
export async function startStack(settings: StackSettings, logPath: string): Promise<void> {
  const code = await shop('start', settings, logPath);
  if (code !== 0) throw new Error(`starting the ${env.SHOP_STACK} stack failed; see ${logPath}`);
}
