// Hotlink protection (behaviour §14.13): the RefererConfiguration document and the Referer check of anonymous and
// presigned requests, through raw HTTP and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeQuery, presignV1, type SignableRequest } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue, createPublicBucket } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ali: any;

beforeAll(async () => {
  emu = await startTestEmulator();
  ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
});
afterAll(() => emu.close());

const PY2_BODY =
  '<RefererConfiguration><AllowEmptyReferer>true</AllowEmptyReferer><AllowTruncateQueryString>true</AllowTruncateQueryString>' +
  '<TruncatePath>false</TruncatePath><RefererList><Referer>http://www.aliyun.com</Referer><Referer>https://www.aliyun.com</Referer></RefererList>' +
  '<RefererBlacklist><Referer>http://www.refuse.com</Referer><Referer>http://www.refuse1.com</Referer></RefererBlacklist></RefererConfiguration>';

describe('the document', () => {
  it('defaults before any; reads back as put (PY2 live test_bucket_referer_client)', async () => {
    await ali.putBucket('ref-doc');
    const none = await raw(emu, { method: 'GET', bucket: 'ref-doc', query: [['referer', undefined]] });
    expect(none.status).toBe(200);
    expect(xmlValue(none.text, 'AllowEmptyReferer')).toBe('true');
    const put = await raw(emu, { method: 'PUT', bucket: 'ref-doc', query: [['referer', undefined]], body: PY2_BODY });
    expect(put.status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'ref-doc', query: [['referer', undefined]] });
    expect(got.text).toContain(PY2_BODY.replace('<RefererConfiguration>', ''));
  });

  it('a bad body is MalformedXML and changes nothing', async () => {
    await ali.putBucket('ref-bad');
    const bad = await raw(emu, {
      method: 'PUT', bucket: 'ref-bad', query: [['referer', undefined]],
      body: '<RefererConfiguration><AllowEmptyReferer>maybe</AllowEmptyReferer></RefererConfiguration>',
    });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MalformedXML']);
    const got = await raw(emu, { method: 'GET', bucket: 'ref-bad', query: [['referer', undefined]] });
    expect(xmlValue(got.text, 'AllowEmptyReferer')).toBe('true');
  });

  it('through our client (PY2 test_bucket_referer_client values)', async () => {
    const client = ownerClient(emu);
    await client.putBucket({ bucket: 'ref-client' });
    const refererConfiguration = {
      allowEmptyReferer: true,
      allowTruncateQueryString: true,
      truncatePath: true,
      refererList: { referers: ['http://www.aliyun.com', 'https://www.aliyun.com'] },
      refererBlacklist: { referers: ['http://www.refuse.com', 'http://www.refuse1.com'] },
    };
    expect((await client.putBucketReferer({ bucket: 'ref-client', refererConfiguration })).statusCode).toBe(200);
    expect((await client.getBucketReferer({ bucket: 'ref-client' })).refererConfiguration).toEqual(refererConfiguration);
  });

  it('through ali-oss putBucketReferer / getBucketReferer', async () => {
    await ali.putBucket('ref-ali');
    await ali.putBucketReferer('ref-ali', false, ['https://*.example.com']);
    const got = await ali.getBucketReferer('ref-ali');
    expect([got.allowEmpty, got.referers]).toEqual([false, ['https://*.example.com']]);
  });
});

describe('the check', () => {
  beforeAll(async () => {
    await createPublicBucket(emu, 'ref-check', 'public-read');
    await raw(emu, { method: 'PUT', bucket: 'ref-check', key: 'o.txt', body: 'hi' });
    await ali.putBucketReferer('ref-check', false, ['http://*.good.com']);
  });

  it('anonymous: a listed Referer passes, another or none is 403 with OSS message', async () => {
    // AllowTruncateQueryString cuts only the query: the path stays and `http://*.good.com` does not cover it.
    const path = await raw(emu, { method: 'GET', bucket: 'ref-check', key: 'o.txt', sign: 'none', headers: { referer: 'http://www.good.com/page?q' } });
    expect(path.status).toBe(403);
    const query = await raw(emu, { method: 'GET', bucket: 'ref-check', key: 'o.txt', sign: 'none', headers: { referer: 'http://www.good.com?q=1' } });
    expect(query.status).toBe(200);
    const good = await raw(emu, { method: 'GET', bucket: 'ref-check', key: 'o.txt', sign: 'none', headers: { referer: 'http://a.good.com' } });
    expect([good.status, good.text]).toEqual([200, 'hi']);
    for (const headers of [{ referer: 'http://evil.com' }, {}] as Record<string, string>[]) {
      const res = await raw(emu, { method: 'GET', bucket: 'ref-check', key: 'o.txt', sign: 'none', headers });
      expect([res.status, errorCode(res), xmlValue(res.text, 'Message')]).toEqual([403, 'AccessDenied', 'You are denied by bucket referer policy.']);
    }
  });

  it('presigned URLs (V1) are checked; requests signed in the Authorization header are not', async () => {
    const req: SignableRequest = { method: 'GET', bucket: 'ref-check', key: 'o.txt', query: [], headers: {} };
    const creds = { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
    const url = `${emu.url}/ref-check/o.txt?${encodeQuery(presignV1(req, creds, Math.floor(Date.now() / 1000) + 60) as never)}`;
    expect((await fetch(url, { headers: { referer: 'http://evil.com' } })).status).toBe(403);
    expect((await fetch(url, { headers: { referer: 'http://x.good.com' } })).status).toBe(200);
    const signed = await raw(emu, { method: 'GET', bucket: 'ref-check', key: 'o.txt', headers: { referer: 'http://evil.com' } });
    expect(signed.status).toBe(200);
  });
});
