// Bucket APIs and listings (behaviour §9.1, §9.5, §9.6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { allowPublicAccess, errorCode, raw, startTestEmulator, xmlValue } from './support.js';

// The captures these tests pin (Java CreateBucketTest, BucketAclTest, ali-oss bucket.test.js) were made on buckets that
// allowed public ACLs: OSS created them so until 2025-10-13. The new default has its own describe at the end.
let emu: RunningEmulator;
let current: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ blockPublicAccessOnNewBuckets: false });
  current = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
  await current.close();
});

function all(text: string, tag: string): string[] {
  return [...text.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);
}

describe('PutBucket, ListBuckets, GetBucketInfo, DeleteBucket', () => {
  it('creates a bucket with ACL and storage class, lists it and describes it', async () => {
    const put = await raw(emu, {
      method: 'PUT',
      bucket: 'bucket-one',
      headers: { 'x-oss-acl': 'public-read' },
      body: '<CreateBucketConfiguration><StorageClass>IA</StorageClass></CreateBucketConfiguration>',
    });
    expect(put.status).toBe(200);
    const list = await raw(emu, { method: 'GET' });
    expect(list.status).toBe(200);
    expect(list.text).toContain('<ListAllMyBucketsResult>');
    expect(all(list.text, 'Name')).toContain('bucket-one');
    const info = await raw(emu, { method: 'GET', bucket: 'bucket-one', query: [['bucketInfo', undefined]] });
    expect(xmlValue(info.text, 'StorageClass')).toBe('IA');
    expect(xmlValue(info.text, 'Grant')).toBe('public-read');
    expect(xmlValue(info.text, 'Location')).toBe('oss-cn-hangzhou');
    const acl = await raw(emu, { method: 'GET', bucket: 'bucket-one', query: [['acl', undefined]] });
    expect(xmlValue(acl.text, 'Grant')).toBe('public-read');
  });

  it('refuses an invalid name and deleting a non-empty bucket', async () => {
    const bad = await raw(emu, { method: 'PUT', bucket: 'Bad_Name' });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('InvalidBucketName');
    await raw(emu, { method: 'PUT', bucket: 'bucket-one', key: 'x', body: 'x' });
    const notEmpty = await raw(emu, { method: 'DELETE', bucket: 'bucket-one' });
    expect(notEmpty.status).toBe(409);
    expect(errorCode(notEmpty)).toBe('BucketNotEmpty');
    await raw(emu, { method: 'DELETE', bucket: 'bucket-one', key: 'x' });
    expect((await raw(emu, { method: 'DELETE', bucket: 'bucket-one' })).status).toBe(204);
    expect(errorCode(await raw(emu, { method: 'GET', bucket: 'bucket-one' }))).toBe('NoSuchBucket');
  });

  it('PutBucket on one\'s own bucket answers 200, applies a new x-oss-acl and keeps the rest (audit #3)', async () => {
    // PutBucket doc: an existing bucket whose requester is the owner → 200; Java CreateBucketTest.testPutWithCannedACL.
    await raw(emu, { method: 'PUT', bucket: 'again-bucket', headers: { 'x-oss-acl': 'public-read' } });
    await raw(emu, { method: 'PUT', bucket: 'again-bucket', key: 'kept', body: 'x' });
    const again = await raw(emu, { method: 'PUT', bucket: 'again-bucket' });
    expect([again.status, again.headers.get('location')]).toEqual([200, '/again-bucket']);
    const grant = async () => xmlValue((await raw(emu, { method: 'GET', bucket: 'again-bucket', query: [['acl', undefined]] })).text, 'Grant');
    expect(await grant()).toBe('public-read');
    expect((await raw(emu, { method: 'PUT', bucket: 'again-bucket', headers: { 'x-oss-acl': 'private' } })).status).toBe(200);
    expect(await grant()).toBe('private');
    expect((await raw(emu, { method: 'HEAD', bucket: 'again-bucket', key: 'kept' })).status).toBe(200);
  });

  it('changes a bucket ACL and refuses an unknown one', async () => {
    await raw(emu, { method: 'PUT', bucket: 'acl-bucket' });
    expect((await raw(emu, { method: 'PUT', bucket: 'acl-bucket', query: [['acl', undefined]], headers: { 'x-oss-acl': 'public-read-write' } })).status).toBe(200);
    const acl = await raw(emu, { method: 'GET', bucket: 'acl-bucket', query: [['acl', undefined]] });
    expect(xmlValue(acl.text, 'Grant')).toBe('public-read-write');
    const bad = await raw(emu, { method: 'PUT', bucket: 'acl-bucket', query: [['acl', undefined]], headers: { 'x-oss-acl': 'everyone' } });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('InvalidArgument');
  });

  it('PutBucketAcl answers Location: /<bucket> and, on a missing bucket, creates it as PutBucket would ([ALI], [JAVA] BucketAclTest)', async () => {
    const put = await raw(emu, { method: 'PUT', bucket: 'acl-bucket', query: [['acl', undefined]], headers: { 'x-oss-acl': 'private' } });
    expect(put.headers.get('location')).toBe('/acl-bucket');
    const created = await raw(emu, { method: 'PUT', bucket: 'acl-created', query: [['acl', undefined]], headers: { 'x-oss-acl': 'public-read' } });
    expect(created.status).toBe(200);
    expect(created.headers.get('location')).toBe('/acl-created');
    const info = await raw(emu, { method: 'GET', bucket: 'acl-created', query: [['bucketInfo', undefined]] });
    expect(xmlValue(info.text, 'Grant')).toBe('public-read');
    expect(xmlValue(info.text, 'StorageClass')).toBe('Standard');
    expect(xmlValue(info.text, 'Location')).toBe(`oss-${emu.region}`);
    // The creation is PutBucket's: an invalid name is refused the same way, and nothing is created.
    const badName = await raw(emu, { method: 'PUT', bucket: 'Bad_Name', query: [['acl', undefined]], headers: { 'x-oss-acl': 'private' } });
    expect(errorCode(badName)).toBe('InvalidBucketName');
    expect((await raw(emu, { method: 'DELETE', bucket: 'acl-created' })).status).toBe(204);
  });
});

describe('object ACL', () => {
  it('is default after PutObject and can be set and read back', async () => {
    await raw(emu, { method: 'PUT', bucket: 'acl-bucket', key: 'o.txt', body: 'x' });
    const get = await raw(emu, { method: 'GET', bucket: 'acl-bucket', key: 'o.txt', query: [['acl', undefined]] });
    expect(xmlValue(get.text, 'Grant')).toBe('default');
    await raw(emu, { method: 'PUT', bucket: 'acl-bucket', key: 'o.txt', query: [['acl', undefined]], headers: { 'x-oss-object-acl': 'private' } });
    const again = await raw(emu, { method: 'GET', bucket: 'acl-bucket', key: 'o.txt', query: [['acl', undefined]] });
    expect(xmlValue(again.text, 'Grant')).toBe('private');
  });
});

describe('ListObjects and ListObjectsV2', () => {
  const keys = ['a/1.txt', 'a/2.txt', 'a/b/3.txt', 'b c.txt', 'c+d.txt', 'z.txt', '中文.txt'];
  beforeAll(async () => {
    await raw(emu, { method: 'PUT', bucket: 'listing' });
    for (const key of keys) await raw(emu, { method: 'PUT', bucket: 'listing', key, body: key });
  });

  it('lists keys in UTF-8 byte order with folding under a delimiter', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'listing', query: [['delimiter', '/']] });
    expect(all(res.text, 'Key')).toEqual(['b c.txt', 'c+d.txt', 'z.txt', '中文.txt']);
    expect(res.text).toContain('<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes>');
    expect(xmlValue(res.text, 'IsTruncated')).toBe('false');
  });

  it('pages with marker / NextMarker (v1) and continuation tokens (v2)', async () => {
    const seen: string[] = [];
    let marker = '';
    for (let i = 0; i < 10; i++) {
      const res = await raw(emu, { method: 'GET', bucket: 'listing', query: [['max-keys', '2'], ['marker', marker]] });
      seen.push(...all(res.text, 'Key'));
      if (xmlValue(res.text, 'IsTruncated') !== 'true') break;
      marker = xmlValue(res.text, 'NextMarker')!;
    }
    expect(seen).toEqual(keys);

    const v2: string[] = [];
    let token: string | undefined;
    for (let i = 0; i < 10; i++) {
      const query: [string, string][] = [['list-type', '2'], ['max-keys', '3']];
      if (token) query.push(['continuation-token', token]);
      const res = await raw(emu, { method: 'GET', bucket: 'listing', query });
      v2.push(...all(res.text, 'Key'));
      expect(Number(xmlValue(res.text, 'KeyCount'))).toBe(all(res.text, 'Key').length);
      if (xmlValue(res.text, 'IsTruncated') !== 'true') break;
      token = xmlValue(res.text, 'NextContinuationToken');
    }
    expect(v2).toEqual(keys);
  });

  it('encodes keys and prefixes with encoding-type=url', async () => {
    const res = await raw(emu, {
      method: 'GET',
      bucket: 'listing',
      query: [['list-type', '2'], ['encoding-type', 'url'], ['start-after', 'a/b/3.txt']],
    });
    expect(res.text).toContain('<EncodingType>url</EncodingType>');
    expect(all(res.text, 'Key')).toEqual(['b%20c.txt', 'c%2Bd.txt', 'z.txt', '%E4%B8%AD%E6%96%87.txt']);
    expect(xmlValue(res.text, 'StartAfter')).toBe('a%2Fb%2F3.txt'); // `/` too (audit #17)
  });

  it('shows Owner in v2 only with fetch-owner=true', async () => {
    const without = await raw(emu, { method: 'GET', bucket: 'listing', query: [['list-type', '2']] });
    expect(without.text).not.toContain('<Owner>');
    const withOwner = await raw(emu, { method: 'GET', bucket: 'listing', query: [['list-type', '2'], ['fetch-owner', 'true']] });
    expect(withOwner.text).toContain('<Owner>');
  });

  it('refuses max-keys out of range with InvalidArgument', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'listing', query: [['max-keys', '1001']] });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('InvalidArgument');
  });
});

describe('new buckets block public access (OSS since 2025-10-13; behaviour §14.15)', () => {
  const bpa = async (bucket: string) =>
    xmlValue((await raw(current, { method: 'GET', bucket, query: [['publicAccessBlock', undefined]] })).text, 'BlockPublicAccess');

  it('a new bucket reports BlockPublicAccess true and refuses a public ACL until the block is turned off', async () => {
    expect((await raw(current, { method: 'PUT', bucket: 'bpa-new' })).status).toBe(200);
    expect(await bpa('bpa-new')).toBe('true');
    const info = await raw(current, { method: 'GET', bucket: 'bpa-new', query: [['bucketInfo', undefined]] });
    expect(xmlValue(info.text, 'BlockPublicAccess')).toBe('true');
    const refused = await raw(current, { method: 'PUT', bucket: 'bpa-new', query: [['acl', undefined]], headers: { 'x-oss-acl': 'public-read' } });
    expect([refused.status, errorCode(refused)]).toEqual([403, 'AccessDenied']);
    await allowPublicAccess(current, 'bpa-new');
    expect(await bpa('bpa-new')).toBe('false');
    expect((await raw(current, { method: 'PUT', bucket: 'bpa-new', query: [['acl', undefined]], headers: { 'x-oss-acl': 'public-read' } })).status).toBe(200);
  });

  it('a PutBucket (or PutBucketAcl creating one) with a public ACL is refused and creates nothing [I]', async () => {
    for (const query of [[], [['acl', undefined]]] as [string, string | undefined][][]) {
      const put = await raw(current, { method: 'PUT', bucket: 'bpa-public', query, headers: { 'x-oss-acl': 'public-read-write' } });
      expect([put.status, errorCode(put)]).toEqual([403, 'AccessDenied']);
      expect(errorCode(await raw(current, { method: 'GET', bucket: 'bpa-public', query: [['bucketInfo', undefined]] }))).toBe('NoSuchBucket');
    }
  });

  it('--new-bucket-block-public-access off (blockPublicAccessOnNewBuckets: false) creates them as before', async () => {
    expect((await raw(emu, { method: 'PUT', bucket: 'bpa-old' })).status).toBe(200);
    const info = await raw(emu, { method: 'GET', bucket: 'bpa-old', query: [['bucketInfo', undefined]] });
    expect(xmlValue(info.text, 'BlockPublicAccess')).toBe('false');
  });
});

describe('ListBuckets with regionList (behaviour §17.1)', () => {
  it('lists the buckets of every region, as the plain ListBuckets does here, with the paging parameters', async () => {
    const multi = await startTestEmulator({ regions: ['cn-shanghai'] });
    try {
      expect((await raw(multi, { method: 'PUT', bucket: 'rl-home' })).status).toBe(200);
      // A V4 scope for cn-shanghai creates the bucket there (behaviour §8.6).
      expect((await raw(multi, { method: 'PUT', bucket: 'rl-away', region: 'cn-shanghai' })).status).toBe(200);
      const res = await raw(multi, { method: 'GET', query: [['prefix', 'rl-'], ['marker', ''], ['max-keys', '100'], ['regionList', undefined]] });
      expect(res.status).toBe(200);
      expect(res.text).toContain('<ListAllMyBucketsResult>');
      expect(all(res.text, 'Name')).toEqual(['rl-away', 'rl-home']);
      expect(all(res.text, 'Region')).toEqual(['cn-shanghai', multi.region]);
      // Signed with V1 too (regionList is a V1 sub-resource: PY2 signer/v1.py, oss2 auth.py).
      expect((await raw(multi, { method: 'GET', query: [['regionList', undefined]], sign: 'v1' })).status).toBe(200);
    } finally {
      await multi.close();
    }
  });
});
