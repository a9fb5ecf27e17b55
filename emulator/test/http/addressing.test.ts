// Where a request's bucket comes from: the Host (virtual-hosted, also for buckets named oss-…) or the path; and the
// absolute-form request target a client sends through an HTTP proxy pointed at the emulator.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV1 } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { resolveAddress } from '../../src/http/addressing.js';
import { originForm } from '../../src/server.js';
import { raw, startTestEmulator } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ regions: ['cn-shanghai'] });
});
afterAll(() => emu.close());

describe('addressing', () => {
  it('reads a bucket named oss-… from a virtual-hosted Host; oss-<region>.aliyuncs.com alone is the service', () => {
    expect(resolveAddress('oss-python-sdk-x.oss-cn-shanghai.aliyuncs.com', '/k')).toEqual({ bucket: 'oss-python-sdk-x', key: 'k', hostRegion: 'cn-shanghai' });
    expect(resolveAddress('oss-cn-shanghai.aliyuncs.com', '/')).toEqual({ hostRegion: 'cn-shanghai' });
    expect(resolveAddress('oss-cn-shanghai-internal.aliyuncs.com:80', '/b/k').bucket).toBe('b');
  });

  it('turns an absolute-form request target into its path and query', () => {
    expect(originForm('http://b.oss-cn-shanghai.aliyuncs.com/k%20x?uploads')).toBe('/k%20x?uploads');
    expect(originForm('http://oss-cn-shanghai.aliyuncs.com')).toBe('/');
    expect(originForm('/b/k?acl')).toBe('/b/k?acl');
  });

  it('serves a request sent as through a proxy: absolute-form target, Host naming a public bucket endpoint', async () => {
    const bucket = 'oss-proxied';
    expect((await raw(emu, { method: 'PUT', bucket, region: 'cn-shanghai', virtualHost: true })).status).toBe(200);
    const date = new Date().toUTCString();
    const host = `${bucket}.oss-cn-shanghai.aliyuncs.com`;
    const headers: Record<string, string> = { 'x-oss-date': date, host, 'content-length': '5' };
    headers.authorization = signV1({ method: 'PUT', bucket, key: 'k', query: [], headers }, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }, date);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: emu.port, method: 'PUT', path: `http://${host}/k`, headers }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end('hello');
    });
    expect(status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket, key: 'k', region: 'cn-shanghai', virtualHost: true });
    expect(got.text).toBe('hello');
  });
});
