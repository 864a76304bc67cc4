// A child process of bench:hot: records shopper events at a steady rate through the API's own
// recorder until it is stopped (wrk blocks the parent meanwhile). Arguments: a JSON file of
// products, the run id, the rate (events/s), the first event number, the workload. Prints
// "ready" once going and the count recorded when stopped.
import { readFileSync } from 'node:fs';
import { EventRecorder } from '@shop/jobs';
import { Redis } from 'ioredis';
import { hotBenchEnv } from '../env';
import { benchEvents, type BenchProduct, type Workload } from './bench-events';

const [file = '', run = '', rate = '1000', first = '0', workload = 'shoppers'] =
  process.argv.slice(2);
const products = JSON.parse(readFileSync(file, 'utf8')) as BenchProduct[];
const eventAt = benchEvents(products, run, workload as Workload);
const redis = new Redis(hotBenchEnv.EVENTS_REDIS_URL);
const recorder = new EventRecorder(redis, { maxBatch: 500, flushMs: 50, maxBuffered: 100_000 });
let n = Number(first);
const perTick = Math.max(1, Math.round(Number(rate) / 20));
const ticker = setInterval(() => {
  for (let i = 0; i < perTick; i++) recorder.record(eventAt(n++));
}, 50);
process.stdout.write('ready\n');
process.on('SIGTERM', () => {
  clearInterval(ticker);
  void recorder.flush().then(() => {
    process.stdout.write(`${n - Number(first)}\n`);
    redis.disconnect();
  });
});
