// CORS (behaviour §14.6): the rules' document, the unsigned OPTIONS preflight on bucket and object paths, and the
// Access-Control-* headers of actual requests with an Origin, through raw HTTP, our client and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssServiceError, type OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, xmlValue } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
});
afterAll(() => emu.close());

const PY2_RULES = {
  corsRules: [
    { allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: ['GET'], exposeHeaders: ['x-oss-test', 'x-oss-test1'], maxAgeSeconds: 33012 },
    { allowedOrigins: ['http://www.example.com'], allowedMethods: ['PUT', 'POST'], allowedHeaders: ['*'], exposeHeaders: ['x-oss-test2', 'x-oss-test3'], maxAgeSeconds: 33012 },
  ],
  responseVary: true,
};

function preflight(bucket: string, key: string | undefined, headers: Record<string, string>) {
  return raw(emu, { method: 'OPTIONS', bucket, key, headers, sign: 'none' });
}

describe('the rules document', () => {
  it('404 NoSuchCORSConfiguration before any; PY2 live test_bucket_cors_client read back; delete twice is 204', async () => {
    await client.putBucket({ bucket: 'cors-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'cors-doc', query: [['cors', undefined]] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchCORSConfiguration']);
    await client.putBucketCors({ bucket: 'cors-doc', corsConfiguration: PY2_RULES });
    const got = (await client.getBucketCors({ bucket: 'cors-doc' })).corsConfiguration;
    // AllowedHeader comes back lower-cased.
    expect(got.corsRules![0]!.allowedHeaders).toEqual(['get']);
    expect(got.corsRules![1]).toEqual(PY2_RULES.corsRules[1]);
    expect(got.responseVary).toBe(true);
    const res = await raw(emu, { method: 'GET', bucket: 'cors-doc', query: [['cors', undefined]] });
    expect(res.text).toContain(
      '<CORSRule><AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod><AllowedMethod>HEAD</AllowedMethod><AllowedHeader>get</AllowedHeader><ExposeHeader>x-oss-test</ExposeHeader><ExposeHeader>x-oss-test1</ExposeHeader><MaxAgeSeconds>33012</MaxAgeSeconds></CORSRule>',
    );
    expect(res.text).toContain('</CORSRule><ResponseVary>true</ResponseVary></CORSConfiguration>');
    expect((await client.deleteBucketCors({ bucket: 'cors-doc' })).statusCode).toBe(204);
    expect((await client.deleteBucketCors({ bucket: 'cors-doc' })).statusCode).toBe(204);
    // ResponseVary not sent reads back false (oss2 live test_cors_with_response_vary case 3).
    await client.putBucketCors({ bucket: 'cors-doc', corsConfiguration: { corsRules: [{ allowedOrigins: ['*'], allowedMethods: ['GET'] }] } });
    expect((await client.getBucketCors({ bucket: 'cors-doc' })).corsConfiguration.responseVary).toBe(false);
  });

  it('refuses the documented limits, changing nothing', async () => {
    await client.putBucket({ bucket: 'cors-limits' });
    const before = snapshot(emu);
    const rule = (inner: string) => `<CORSRule>${inner}</CORSRule>`;
    const ok = '<AllowedOrigin>*</AllowedOrigin><AllowedMethod>GET</AllowedMethod>';
    const bad: [string, string, string][] = [
      ['11 rules', rule(ok).repeat(11), 'InvalidArgument'],
      ['method PATCH', rule('<AllowedOrigin>*</AllowedOrigin><AllowedMethod>PATCH</AllowedMethod>'), 'InvalidArgument'],
      ['two wildcards in an origin', rule('<AllowedOrigin>http://*.*.com</AllowedOrigin><AllowedMethod>GET</AllowedMethod>'), 'InvalidArgument'],
      ['a wildcard in ExposeHeader', rule(ok + '<ExposeHeader>x-*</ExposeHeader>'), 'InvalidArgument'],
      ['no AllowedMethod', rule('<AllowedOrigin>*</AllowedOrigin>'), 'MalformedXML'],
      ['no rule', '', 'MalformedXML'],
    ];
    for (const [what, rules, code] of bad) {
      const res = await raw(emu, { method: 'PUT', bucket: 'cors-limits', query: [['cors', undefined]], body: `<CORSConfiguration>${rules}</CORSConfiguration>` });
      expect([res.status, errorCode(res)], what).toEqual([400, code]);
    }
    expect(snapshot(emu)).toBe(before);
    const ten = await raw(emu, { method: 'PUT', bucket: 'cors-limits', query: [['cors', undefined]], body: `<CORSConfiguration>${rule(ok).repeat(10)}</CORSConfiguration>` });
    expect(ten.status).toBe(200);
  });

  it('ali-oss putBucketCORS / getBucketCORS / deleteBucketCORS', async () => {
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    await ali.putBucket('cors-ali');
    await ali.putBucketCORS('cors-ali', [{ allowedOrigin: 'http://a.test', allowedMethod: ['GET', 'PUT'], allowedHeader: '*', exposeHeader: 'ETag', maxAgeSeconds: '30' }]);
    const got = await ali.getBucketCORS('cors-ali');
    expect(got.rules).toEqual([{ allowedOrigin: 'http://a.test', allowedMethod: ['GET', 'PUT'], allowedHeader: '*', exposeHeader: 'ETag', maxAgeSeconds: '30' }]);
    expect((await ali.deleteBucketCORS('cors-ali')).res.status).toBe(204);
  });
});

describe('OPTIONS preflight', () => {
  const bucket = 'cors-preflight';
  beforeAll(async () => {
    await client.putBucket({ bucket });
    await client.putBucketCors({ bucket, corsConfiguration: PY2_RULES });
  });

  it('answers a matching preflight as PY2 live option_object captures, unsigned, on object and bucket paths', async () => {
    const res = await preflight(bucket, 'example-object-2.jpg', {
      origin: 'http://www.example.com',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'x-oss-test2',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://www.example.com');
    expect(res.headers.get('access-control-allow-methods')).toBe('PUT, POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('x-oss-test2');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-oss-test2, x-oss-test3');
    expect(res.headers.get('access-control-max-age')).toBe('33012');
    expect(res.headers.get('vary')).toBe('Origin');
    // A `*` rule: any origin; its AllowedHeader `get` allows that header only.
    const star = await preflight(bucket, undefined, { origin: 'http://other.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'GET' });
    expect([star.status, star.headers.get('access-control-allow-origin')]).toEqual([200, '*']);
    // Our client's optionObject (signed: the signature is not looked at).
    const opt = await client.optionObject({ bucket, key: 'k', origin: 'http://www.example.com', accessControlRequestMethod: 'POST' });
    expect([opt.statusCode, opt.accessControlAllowOrigin, opt.accessControlAllowMethods]).toEqual([200, 'http://www.example.com', 'PUT, POST']);
  });

  it('403 AccessForbidden when no rule matches the origin, method or headers', async () => {
    const before = snapshot(emu);
    const cases: Record<string, string>[] = [
      { origin: 'http://evil.test', 'access-control-request-method': 'PUT' },
      { origin: 'http://www.example.com', 'access-control-request-method': 'DELETE' },
      { origin: 'http://other.test', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-not-allowed' },
      { 'access-control-request-method': 'GET' },
      { origin: 'http://www.example.com' },
    ];
    for (const headers of cases) {
      const res = await preflight(bucket, 'k', headers);
      expect([res.status, errorCode(res)], JSON.stringify(headers)).toEqual([403, 'AccessForbidden']);
      expect(xmlValue(res.text, 'Message')).toMatch(/^CORSResponse: This CORS request is not allowed\./);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect(snapshot(emu)).toBe(before);
    const err = await client.optionObject({ bucket, key: 'k', origin: 'http://evil.test', accessControlRequestMethod: 'DELETE' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OssServiceError);
    expect((err as OssServiceError).status).toBe(403);
  });

  it('a bucket without rules refuses every preflight; a missing bucket is NoSuchBucket', async () => {
    await client.putBucket({ bucket: 'cors-none' });
    const res = await preflight('cors-none', 'k', { origin: 'http://a.test', 'access-control-request-method': 'GET' });
    expect([res.status, errorCode(res)]).toEqual([403, 'AccessForbidden']);
    const missing = await preflight('cors-missing-bucket', 'k', { origin: 'http://a.test', 'access-control-request-method': 'GET' });
    expect([missing.status, errorCode(missing)]).toEqual([404, 'NoSuchBucket']);
  });
});

describe('actual cross-origin requests', () => {
  const bucket = 'cors-actual';
  beforeAll(async () => {
    await client.putBucket({ bucket });
    await client.putObject({ bucket, key: 'k', body: 'body' });
    await client.putBucketCors({
      bucket,
      corsConfiguration: { corsRules: [{ allowedOrigins: ['http://*.example.com'], allowedMethods: ['GET', 'PUT'], exposeHeaders: ['ETag'], maxAgeSeconds: 60 }] },
    });
  });

  it('a matching Origin and method get the rule’s headers; others get none', async () => {
    const get = await raw(emu, { method: 'GET', bucket, key: 'k', headers: { origin: 'http://app.example.com' } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('http://app.example.com');
    expect(get.headers.get('access-control-allow-methods')).toBe('GET, PUT');
    expect(get.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(get.headers.get('access-control-max-age')).toBe('60');
    const otherOrigin = await raw(emu, { method: 'GET', bucket, key: 'k', headers: { origin: 'http://example.org' } });
    expect(otherOrigin.headers.get('access-control-allow-origin')).toBeNull();
    const otherMethod = await raw(emu, { method: 'HEAD', bucket, key: 'k', headers: { origin: 'http://app.example.com' } });
    expect(otherMethod.headers.get('access-control-allow-origin')).toBeNull();
    const noOrigin = await raw(emu, { method: 'GET', bucket, key: 'k' });
    expect(noOrigin.headers.get('access-control-allow-origin')).toBeNull();
    // No ResponseVary: no Vary.
    expect(get.headers.get('vary')).toBeNull();
  });

  it('an error answer carries them too, so the browser can read it', async () => {
    const res = await raw(emu, { method: 'GET', bucket, key: 'missing', headers: { origin: 'http://app.example.com' } });
    expect([res.status, errorCode(res)]).toEqual([404, 'NoSuchKey']);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.example.com');
  });

  it('ResponseVary true: Vary: Origin on every answer of the bucket, cross-origin or not', async () => {
    await client.putBucket({ bucket: 'cors-vary' });
    await client.putBucketCors({ bucket: 'cors-vary', corsConfiguration: { corsRules: [{ allowedOrigins: ['http://a.test'], allowedMethods: ['GET'] }], responseVary: true } });
    const plain = await raw(emu, { method: 'GET', bucket: 'cors-vary' });
    expect(plain.headers.get('vary')).toBe('Origin');
    const unmatched = await raw(emu, { method: 'GET', bucket: 'cors-vary', headers: { origin: 'http://b.test' } });
    expect([unmatched.headers.get('vary'), unmatched.headers.get('access-control-allow-origin')]).toEqual(['Origin', null]);
  });
});
