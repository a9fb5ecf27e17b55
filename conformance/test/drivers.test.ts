// The new SDK drivers' own rules, on any machine: how oss-client's endpoint is made virtual-host addressable, and
// how go-v1 reports a missing toolchain (the suite itself runs them in suite.test.ts and recording.test.ts).
import { describe, expect, it } from 'vitest';
import { GO_V1_HOW, GoV1Driver, locateGoV1, virtualHostEndpoint } from '@local-oss/conformance';
import { openDalKeeps } from '@local-oss/conformance';

describe('oss-client addressing', () => {
  it('names a loopback endpoint localhost, keeps host names, and refuses other IP endpoints', () => {
    expect(virtualHostEndpoint('http://127.0.0.1:9500')).toEqual({ endpoint: 'http://localhost:9500' });
    expect(virtualHostEndpoint('http://[::1]:9500')).toEqual({ endpoint: 'http://localhost:9500' });
    expect(virtualHostEndpoint('https://oss-cn-hangzhou.aliyuncs.com')).toEqual({ endpoint: 'https://oss-cn-hangzhou.aliyuncs.com' });
    expect(virtualHostEndpoint('http://192.0.2.7:9500')).toMatchObject({ reason: expect.stringMatching(/virtual-host style only, and http:\/\/192\.0\.2\.7:9500 is an IP address/) });
  });
});

describe('go-v1', () => {
  it('is unavailable without a go toolchain, naming the Debian packages', async () => {
    const found = await locateGoV1({ PATH: process.env.PATH, GO: '/nonexistent/go' });
    expect(found).toEqual({ ok: false, reason: `/nonexistent/go not found (to run the Go SDK v1: ${GO_V1_HOW})` });
  });

  it('skips what Go SDK 1.5.0 cannot send instead of sending something else', () => {
    const d = new GoV1Driver({ name: 't', endpoint: 'http://127.0.0.1:1', region: 'cn-hangzhou', accessKeyId: 'a', accessKeySecret: 'b', real: false });
    expect(d.cannot('PutObject', { bucket: 'b1', key: 'a b' })).toMatch(/url.QueryEscape, sending a space as "\+"/);
    expect(d.cannot('GetObject', { bucket: 'b1', key: 'k', versionId: 'v' })).toBe('the Go SDK v1 1.5.0 has no option for versionId');
    expect(d.cannot('PutObject', { bucket: 'b1', key: 'k', expires: 'Wed, 08 Jul 2022 16:57:01 GMT' })).toMatch(/time.Time option, sent re-formatted/);
    expect(d.cannot('PutObject', { bucket: 'b1', key: 'k', expires: 'Fri, 08 Jul 2022 16:57:01 GMT' })).toBeUndefined();
    expect(d.cannot('CompleteMultipartUpload', { bucket: 'b1', key: 'k', parts: [{ partNumber: 2, etag: 'x' }, { partNumber: 1, etag: 'y' }] })).toMatch(/sorts the part list/);
    expect(d.cannot('CopyObject', { bucket: 'b1', key: 'k', sourceKey: 's' })).toBeUndefined();
  });
});

describe('opendal paths', () => {
  it('expresses a key only where OpenDAL would send it unchanged (it normalises paths)', () => {
    expect(openDalKeeps('a/b.txt')).toBe(true);
    expect(openDalKeeps('中文 key+%')).toBe(true);
    for (const k of ['', '/lead', 'dir/', 'a//b']) expect(openDalKeeps(k), k).toBe(false);
  });
});
