// Routing on selectors (domain/subresources.ts): every selector OSS has × every method × bucket and object scope.
// A request that no route serves is refused and changes nothing; in particular it never reaches the plain
// operation of its method (DELETE ?tagging deleted the bucket: ../shared/evidence/sdk-suites-2026-12-01.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { OSS_SELECTORS, UNSERVED_MODIFIERS } from '../../src/domain/subresources.js';
import { routes } from '../../src/app.js';
import { errorCode, raw, snapshot, startTestEmulator } from './support.js';

const METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'] as const;
const BUCKET = 'routing';
const KEY = 'kept.txt';

function served(method: string, scope: 'bucket' | 'object', selector: string): boolean {
  return routes.some((r) => r.method === method && r.scope === scope && (r.sub === selector || r.with?.includes(selector)));
}

describe('routing on selectors', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
    expect((await raw(emu, { method: 'PUT', bucket: BUCKET })).status).toBe(200);
    expect((await raw(emu, { method: 'PUT', bucket: BUCKET, key: KEY, body: 'hello', headers: { 'x-oss-tagging': 'a=1' } })).status).toBe(200);
  });
  afterAll(() => emu.close());

  const cases = [...OSS_SELECTORS].flatMap((selector) =>
    (['bucket', 'object'] as const).flatMap((scope) =>
      METHODS.filter((m) => !served(m, scope, selector)).map((method) => ({ selector, scope, method })),
    ),
  );

  it('refuses every selector × method × scope that no route serves, and changes nothing', async () => {
    expect(cases.length).toBeGreaterThan(300);
    const before = snapshot(emu);
    const answers = new Map<string, number>();
    for (const { selector, scope, method } of cases) {
      const res = await raw(emu, {
        method,
        bucket: BUCKET,
        key: scope === 'object' ? KEY : undefined,
        query: [[selector, undefined]],
        body: method === 'PUT' || method === 'POST' ? '<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>' : undefined,
      });
      const what = `${method} ${scope} ?${selector}`;
      expect([400, 405], what).toContain(res.status);
      if (method !== 'HEAD') expect(res.text, what).toMatch(/<Code>(NotImplemented|MethodNotAllowed)<\/Code>/);
      answers.set(what, res.status);
    }
    expect(snapshot(emu)).toBe(before);
    // The ones that destroyed or misanswered before (evidence "Safety") are served as what they are now.
    expect(served('DELETE', 'bucket', 'tagging') && served('GET', 'bucket', 'tagging')).toBe(true);
    expect(served('DELETE', 'bucket', 'overwriteConfig')).toBe(true);
  });

  it('answers GET /?regions as DescribeRegions, not as ListBuckets', async () => {
    const res = await raw(emu, { method: 'GET', query: [['regions', undefined]] });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<RegionInfoList>');
    expect(res.text).not.toContain('ListAllMyBucketsResult');
  });

  it('refuses modifiers where the API does not honour them (callbacks off PutObject / Complete, sequential off multipart)', async () => {
    const before = snapshot(emu);
    // AppendObject honours neither callbacks nor `sequential`; GetObject neither.
    for (const name of UNSERVED_MODIFIERS) {
      const res = await raw(emu, { method: 'POST', bucket: BUCKET, key: 'new.txt', query: [['append', undefined], ['position', '0'], [name, 'x']], body: 'x' });
      expect(res.status, name).toBe(400);
      expect(res.text, name).toContain('<Code>NotImplemented</Code>');
      const get = await raw(emu, { method: 'GET', bucket: BUCKET, key: KEY, query: [[name, 'x']] });
      expect(get.status, name).toBe(400);
    }
    const callback = await raw(emu, {
      method: 'POST',
      bucket: BUCKET,
      key: 'new.txt',
      query: [['append', undefined], ['position', '0']],
      headers: { 'x-oss-callback': Buffer.from('{"callbackUrl":"http://127.0.0.1:1/","callbackBody":"a"}').toString('base64') },
      body: 'x',
    });
    expect(callback.status).toBe(400);
    expect(callback.text).toContain('<Code>NotImplemented</Code>');
    // The access-point variant of ?publicAccessBlock is refused everywhere.
    const ap = await raw(emu, { method: 'PUT', bucket: BUCKET, key: 'new.txt', query: [['x-oss-access-point-name', 'ap']], body: 'x' });
    expect(ap.status).toBe(400);
    expect(snapshot(emu)).toBe(before);
  });

  it('lists no live channels (GET ?live) in a bucket that has none (oss2 tearDown lists them)', async () => {
    const res = await raw(emu, { method: 'GET', bucket: BUCKET, query: [['live', ''], ['prefix', 'p'], ['marker', ''], ['max-keys', '100']] });
    expect(res.status).toBe(200);
    expect(res.text).toContain(
      '<ListLiveChannelResult><Prefix>p</Prefix><Marker></Marker><MaxKeys>100</MaxKeys><IsTruncated>false</IsTruncated></ListLiveChannelResult>',
    );
  });

  it('ignores query parameters that are not selectors, as OSS does', async () => {
    const res = await raw(emu, { method: 'GET', bucket: BUCKET, key: KEY, query: [['not-a-subresource', '1']] });
    expect(res.status).toBe(200);
    expect(res.text).toBe('hello');
  });

  it('DELETE ?policy&comp=callback deletes the callback policy and leaves the access policy alone', async () => {
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['1234567890123456'], Resource: [`acs:oss:*:*:${BUCKET}/*`] }] });
    expect((await raw(emu, { method: 'PUT', bucket: BUCKET, query: [['policy', undefined]], body: policy })).status).toBe(200);
    const del = await raw(emu, { method: 'DELETE', bucket: BUCKET, query: [['policy', undefined], ['comp', 'callback']] });
    expect(del.status).toBe(204);
    expect((await raw(emu, { method: 'GET', bucket: BUCKET, query: [['policy', undefined]] })).status).toBe(200);
    expect((await raw(emu, { method: 'DELETE', bucket: BUCKET, query: [['policy', undefined]] })).status).toBe(204);
  });

  it('checks the credentials of an API it does not serve before refusing it, as OSS authenticates every API', async () => {
    const res = await raw(emu, { method: 'GET', bucket: BUCKET, query: [['dataPipeline', undefined]], credentials: { accessKeyId: 'unknown-key', accessKeySecret: 'x' } });
    expect([res.status, errorCode(res)]).toEqual([403, 'InvalidAccessKeyId']);
    const signed = await raw(emu, { method: 'GET', bucket: BUCKET, query: [['dataPipeline', undefined]] });
    expect([signed.status, errorCode(signed)]).toEqual([400, 'NotImplemented']);
  });

  it('answers NoSuchBucket before looking at the credentials', async () => {
    const res = await raw(emu, {
      method: 'GET',
      bucket: 'no-such-bucket-here',
      credentials: { accessKeyId: 'unknown-key', accessKeySecret: 'x' },
    });
    expect(res.status).toBe(404);
    expect(res.text).toContain('<Code>NoSuchBucket</Code>');
    // PutObjectRetention on a missing bucket: NoSuchBucket before the date is validated (evidence sdk-suites).
    const retention = await raw(emu, {
      method: 'PUT',
      bucket: 'no-such-bucket-here',
      key: 'k',
      query: [['retention', undefined]],
      body: '<Retention><Mode>GOVERNANCE</Mode><RetainUntilDate>not a date</RetainUntilDate></Retention>',
    });
    expect([retention.status, errorCode(retention)]).toEqual([404, 'NoSuchBucket']);
    // PutBucketObjectWormConfiguration reads its body first: a bad one is MalformedXML even on a missing bucket.
    const worm = await raw(emu, { method: 'PUT', bucket: 'no-such-bucket-here', query: [['objectWorm', undefined]], body: '<Nope/>' });
    expect([worm.status, errorCode(worm), worm.headers.get('x-oss-ec')]).toEqual([400, 'MalformedXML', '0015-00000231']);
    const known = await raw(emu, { method: 'GET', bucket: BUCKET, credentials: { accessKeyId: 'unknown-key', accessKeySecret: 'x' } });
    expect(known.status).toBe(403);
    expect(known.text).toContain('<Code>InvalidAccessKeyId</Code>');
  });
});
