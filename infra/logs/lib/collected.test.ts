import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe as suite, expect, it } from 'vitest';
import { collectedFiles, describe, endedAt, parseLine, requestLines } from './collected';

const id = '0123456789abcdef0123456789abcdef';
const edge = {
  collected: '2026-12-01T10:00:00.250000+00:00',
  tier: 'edge',
  reqId: id,
  method: 'GET',
  uri: '/p/teak-chair',
  status: 200,
  seconds: 0.212,
  upstream: '127.0.0.1:4101',
  cache: 'MISS',
};
const web = {
  collected: '2026-12-01T10:00:05.000000+00:00',
  tier: 'web',
  service: 'web',
  reqId: id,
  msg: 'request',
  time: Date.parse('2026-12-01T10:00:00.030Z'),
  durationMs: 210,
  method: 'GET',
  url: '/p/teak-chair',
  status: 200,
};
const api = {
  collected: '2026-12-01T10:00:00.110000+00:00',
  tier: 'api-2',
  reqId: id,
  msg: 'request',
  time: Date.parse('2026-12-01T10:00:00.100Z'),
  durationMs: 12.5,
  method: 'GET',
  url: '/api/products/teak-chair',
  status: 200,
};

suite('the collected log', () => {
  it('reads collected lines and refuses anything else', () => {
    const { collected, tier, ...own } = api;
    expect(parseLine(JSON.stringify({ collected, tier, line: own }))).toEqual(api);
    expect(
      parseLine(JSON.stringify({ collected, tier: 'pg-primary', text: 'checkpoint' })),
    ).toEqual({ collected, tier: 'pg-primary', msg: 'checkpoint' });
    expect(parseLine('{"tier":"api-1","line":{}}')).toBeUndefined();
    expect(parseLine('{"collected":"2026-12')).toBeUndefined();
    expect(parseLine('42')).toBeUndefined();
  });

  it('says what each tier did, in milliseconds', () => {
    expect(describe(edge)).toBe(
      'GET /p/teak-chair → 200 in 212 ms, cache MISS, from 127.0.0.1:4101',
    );
    expect(describe(api)).toBe('GET /api/products/teak-chair → 200 in 12.5 ms');
    expect(describe({ ...web, msg: 'fetch', url: 'http://edge/api/x' })).toBe(
      'calls the API: GET http://edge/api/x → 200 in 210 ms',
    );
    expect(describe({ collected: edge.collected, tier: 'pg-primary', msg: 'checkpoint' })).toBe(
      'checkpoint',
    );
  });

  it('orders a request by when each part ended, not by when it was collected', () => {
    // The storefront's lines arrive in batches seconds later; its span ended at 10:00:00.240.
    expect(endedAt(web)).toBe(Date.parse('2026-12-01T10:00:00.240Z'));
    expect(endedAt(api)).toBe(Date.parse('2026-12-01T10:00:00.100Z'));
    expect(endedAt(edge)).toBe(Date.parse('2026-12-01T10:00:00.250Z'));
    // The edge's own time wins over the collector's, which reads its file once a second.
    expect(endedAt({ ...edge, msec: Date.parse('2026-12-01T10:00:00.243Z') / 1000 })).toBe(
      Date.parse('2026-12-01T10:00:00.243Z'),
    );
  });

  it("finds a request's lines in the current and the rotated files, gzipped or not", async () => {
    const collectedLine = ({ collected, tier, ...own }: typeof api | typeof web | typeof edge) =>
      JSON.stringify({ collected, tier, line: own });
    const dir = await mkdtemp(join(tmpdir(), 'collected-'));
    const other = { ...api, reqId: 'another-request-id', time: api.time - 1 };
    await writeFile(join(dir, 'shop.log.1.gz'), gzipSync(`${collectedLine(api)}\n`));
    await writeFile(join(dir, 'shop.log.0'), `${collectedLine(other)}\n{"collected":"cut`);
    await writeFile(join(dir, 'shop.log'), `${collectedLine(edge)}\n${collectedLine(web)}\n`);
    expect((await collectedFiles(dir)).map((file) => file.slice(dir.length + 1))).toEqual([
      'shop.log.1.gz',
      'shop.log.0',
      'shop.log',
    ]);
    const lines = await requestLines(dir, id);
    expect(lines.map((line) => line.tier)).toEqual(['api-2', 'web', 'edge']);
  });
});
