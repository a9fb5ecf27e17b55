// x-oss-traffic-limit (domain/trafficLimit.ts): a request is paced to its limit, and a bad limit is refused. The
// waits asserted are lower bounds that follow from the limit itself (150 KiB at 100 KiB/s cannot take under 1.5 s),
// the behaviour oss2's live tests/test_traffic_limit.py checks; nothing here measures the emulator's own speed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { paceDelayMs, parseTrafficLimit } from '../../src/domain/trafficLimit.js';
import { codeOf } from '../domain/support.js';
import { errorCode, raw, snapshot, startTestEmulator } from './support.js';

const LIMIT = '819200'; // bit/s = 100 KiB/s, the smallest OSS accepts
const body = Buffer.alloc(150 * 1024, 7);
const MIN_MS = 1400; // 1.5 s, less a little for timer granularity

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: 'paced' });
  await raw(emu, { method: 'PUT', bucket: 'paced', key: 'source.bin', body });
});
afterAll(() => emu.close());

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = Date.now();
  const value = await f();
  return { value, ms: Date.now() - start };
}

describe('x-oss-traffic-limit', () => {
  it('parses bit/s into bytes/s within OSS range, and paces by bytes moved', () => {
    expect(parseTrafficLimit('819200', undefined)).toBe(102_400);
    expect(parseTrafficLimit('', '838860800')).toBe(104_857_600);
    expect(parseTrafficLimit('', undefined)).toBeUndefined();
    for (const bad of ['abc', '819199', '838860801', '-1', '1e6']) expect(codeOf(() => parseTrafficLimit(bad, undefined)), bad).toBe('InvalidArgument');
    expect(paceDelayMs(102_400, 102_400, 200)).toBe(800);
    expect(paceDelayMs(1024, 102_400, 200)).toBe(0);
  });

  it('GetObject paces the download, by header or by query parameter (the signed-URL form)', async () => {
    const header = await timed(() => raw(emu, { method: 'GET', bucket: 'paced', key: 'source.bin', headers: { 'x-oss-traffic-limit': LIMIT } }));
    expect(header.value.status).toBe(200);
    expect(header.value.body.equals(body)).toBe(true);
    expect(header.ms).toBeGreaterThanOrEqual(MIN_MS);
    const param = await timed(() => raw(emu, { method: 'GET', bucket: 'paced', key: 'source.bin', query: [['x-oss-traffic-limit', LIMIT]] }));
    expect(param.value.body.equals(body)).toBe(true);
    expect(param.ms).toBeGreaterThanOrEqual(MIN_MS);
  });

  it('PutObject and CopyObject take as long as their size at the limit', async () => {
    const put = await timed(() => raw(emu, { method: 'PUT', bucket: 'paced', key: 'put.bin', body, headers: { 'x-oss-traffic-limit': LIMIT } }));
    expect(put.value.status).toBe(200);
    expect(put.ms).toBeGreaterThanOrEqual(MIN_MS);
    const copy = await timed(() =>
      raw(emu, { method: 'PUT', bucket: 'paced', key: 'copy.bin', headers: { 'x-oss-copy-source': '/paced/source.bin', 'x-oss-traffic-limit': LIMIT } }),
    );
    expect(copy.value.status).toBe(200);
    expect(copy.ms).toBeGreaterThanOrEqual(MIN_MS);
  });

  it('UploadPartCopy takes the copied range\'s size at the limit', async () => {
    const init = await raw(emu, { method: 'POST', bucket: 'paced', key: 'parts.bin', query: [['uploads', undefined]] });
    const uploadId = /<UploadId>([^<]+)<\/UploadId>/.exec(init.text)![1]!;
    const part = await timed(() =>
      raw(emu, {
        method: 'PUT',
        bucket: 'paced',
        key: 'parts.bin',
        query: [['partNumber', '1'], ['uploadId', uploadId]],
        headers: { 'x-oss-copy-source': '/paced/source.bin', 'x-oss-traffic-limit': LIMIT },
      }),
    );
    expect(part.value.status).toBe(200);
    expect(part.ms).toBeGreaterThanOrEqual(MIN_MS);
  });

  it('refuses a limit out of range with InvalidArgument, EC 0004-00000502, and stores nothing', async () => {
    const before = snapshot(emu);
    for (const bad of ['abc', '100', '999999999']) {
      const res = await raw(emu, { method: 'PUT', bucket: 'paced', key: 'refused.bin', body: 'x', headers: { 'x-oss-traffic-limit': bad } });
      expect([res.status, errorCode(res), res.headers.get('x-oss-ec')], bad).toEqual([400, 'InvalidArgument', '0004-00000502']);
      const get = await raw(emu, { method: 'GET', bucket: 'paced', key: 'source.bin', headers: { 'x-oss-traffic-limit': bad } });
      expect(get.status, bad).toBe(400);
    }
    expect(snapshot(emu)).toBe(before);
  });
});
