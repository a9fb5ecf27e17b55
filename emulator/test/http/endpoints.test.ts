// The ExtranetEndpoint / IntranetEndpoint ListBuckets and GetBucketInfo report (api/endpoints.ts): an SDK that
// follows them, as the Python and Go SDK v2 integration suites do in their clean-up, must reach the emulator again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { signV4, type SignableRequest } from '@local-oss/client';
import { raw, rawHttp, startTestEmulator, v4Now, xmlValue, createPublicBucket } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await createPublicBucket(emu, 'ep-bucket', 'public-read');
});
afterAll(() => emu.close());

const endpoints = (text: string) => [xmlValue(text, 'ExtranetEndpoint'), xmlValue(text, 'IntranetEndpoint')];

describe('bucket endpoints', () => {
  it('are the scheme and host the request came on (PY2 clean_bucket compares with ==, GO2 cleanBucket with Contains)', async () => {
    const own = `http://${emu.host}:${emu.port}`;
    expect(endpoints((await raw(emu, { method: 'GET' })).text)).toEqual([own, own]);
    expect(endpoints((await raw(emu, { method: 'GET', bucket: 'ep-bucket', query: [['bucketInfo', undefined]] })).text)).toEqual([own, own]);
  });

  it('leave out the bucket label of a virtual-hosted request', async () => {
    const headers: Record<string, string> = { 'x-oss-date': v4Now(), 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD' };
    const req: SignableRequest = { method: 'GET', bucket: 'ep-bucket', query: [['bucketInfo', undefined]], headers };
    const signed = signV4(req, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }, { region: emu.region, datetime: headers['x-oss-date']! });
    const res = await rawHttp(`${emu.url}/?bucketInfo`, 'GET', {
      ...headers,
      ...signed.headers,
      authorization: signed.authorization,
      host: `ep-bucket.localhost:${emu.port}`,
    });
    expect(res.status).toBe(200);
    expect(endpoints(res.text)).toEqual([`http://localhost:${emu.port}`, `http://localhost:${emu.port}`]);
  });

  it('are the real OSS names when the request came on one (ali-oss against an IP endpoint)', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'ep-bucket', query: [['bucketInfo', undefined]], virtualHost: true });
    expect(endpoints(res.text)).toEqual([`oss-${emu.region}.aliyuncs.com`, `oss-${emu.region}-internal.aliyuncs.com`]);
  });

  it('are --public-endpoint when it is given', async () => {
    const other = await startTestEmulator({ publicEndpoint: 'http://oss.example.test:9500' });
    try {
      await raw(other, { method: 'PUT', bucket: 'ep-bucket' });
      expect(endpoints((await raw(other, { method: 'GET' })).text)).toEqual(['http://oss.example.test:9500', 'http://oss.example.test:9500']);
    } finally {
      await other.close();
    }
  });
});
