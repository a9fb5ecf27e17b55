// Bucket tags, ListBuckets' tag filters, GetBucketStat and DescribeRegions (behaviour §14.1–14.3), through raw HTTP,
// our client and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssServiceError, type OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
let client: OssClient;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ali: any;

beforeAll(async () => {
  emu = await startTestEmulator({ regions: ['cn-shanghai'] });
  client = ownerClient(emu);
  ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
});
afterAll(() => emu.close());

function taggingXml(tags: [string, string][]): string {
  return `<Tagging><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;
}

async function refused(p: Promise<unknown>): Promise<OssServiceError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OssServiceError);
  return err as OssServiceError;
}

describe('bucket tags', () => {
  it('put, get and delete through our client; a new bucket answers an empty TagSet', async () => {
    await client.putBucket({ bucket: 'btags-client' });
    const empty = await raw(emu, { method: 'GET', bucket: 'btags-client', query: [['tagging', undefined]] });
    expect(empty.status).toBe(200);
    expect(empty.text).toContain('<Tagging><TagSet></TagSet></Tagging>');
    const tags = [
      { key: 'test_key', value: 'test_value' },
      { key: 'test_key2', value: 'test_value2' },
    ];
    expect((await client.putBucketTags({ bucket: 'btags-client', tagging: { tagSet: tags } })).statusCode).toBe(200);
    expect((await client.getBucketTags({ bucket: 'btags-client' })).tagging.tagSet).toEqual(tags);
    // PutBucketTags replaces the whole set.
    await client.putBucketTags({ bucket: 'btags-client', tagging: { tagSet: [{ key: 'only', value: '' }] } });
    expect((await client.getBucketTags({ bucket: 'btags-client' })).tagging.tagSet).toEqual([{ key: 'only', value: '' }]);
    expect((await client.deleteBucketTags({ bucket: 'btags-client' })).statusCode).toBe(204);
    expect((await client.getBucketTags({ bucket: 'btags-client' })).tagging.tagSet).toEqual([]);
    // The bucket is still there (the request that once deleted it: evidence sdk-suites "Safety").
    expect((await client.getBucketInfo({ bucket: 'btags-client' })).bucketInfo.name).toBe('btags-client');
  });

  it('DELETE ?tagging=k1,k2 deletes only those keys (oss2 live test_bucket_tagging_with_specify_label)', async () => {
    await client.putBucket({ bucket: 'btags-keys' });
    const put = await raw(emu, {
      method: 'PUT',
      bucket: 'btags-keys',
      query: [['tagging', undefined]],
      body: taggingXml([['%@abc', 'abc'], ['123++', '++123%'], ['test', 'abc']]),
    });
    expect(put.status).toBe(200);
    const del = await raw(emu, { method: 'DELETE', bucket: 'btags-keys', query: [['tagging', '%@abc,test']] });
    expect(del.status).toBe(204);
    expect((await client.getBucketTags({ bucket: 'btags-keys' })).tagging.tagSet).toEqual([{ key: '123++', value: '++123%' }]);
    await client.deleteBucketTags({ bucket: 'btags-keys', tagging: 'not-there' });
    expect((await client.getBucketTags({ bucket: 'btags-keys' })).tagging.tagSet).toHaveLength(1);
  });

  it("refuses OSS's limits with their ECs, and a refusal changes nothing", async () => {
    await client.putBucket({ bucket: 'btags-limits' });
    await client.putBucketTags({ bucket: 'btags-limits', tagging: { tagSet: [{ key: 'kept', value: 'v' }] } });
    const before = snapshot(emu);
    const cases: [string, [string, string][], string][] = [
      ['21 tags', Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v'] as [string, string]), ''],
      ['a 65-character key', [['k'.repeat(65), 'v']], '0010-00000219'],
      ['a 129-character value', [['k', 'v'.repeat(129)]], '0010-00000219'],
      ['an empty key', [['', 'v']], '0010-00000219'],
      ['an Aliyun key', [['aliyun-x', 'v']], '0010-00000207'],
      ['an http:// key', [['http://x', 'v']], '0010-00000207'],
      ['an acs key', [['acs:x', 'v']], '0010-00000002'],
      ['a duplicate key', [['d', '1'], ['d', '2']], '0010-00000219'],
    ];
    for (const [what, tags, ec] of cases) {
      const res = await raw(emu, { method: 'PUT', bucket: 'btags-limits', query: [['tagging', undefined]], body: taggingXml(tags) });
      expect([res.status, errorCode(res)], what).toEqual([400, 'InvalidTag']);
      expect(res.headers.get('x-oss-ec') ?? '', what).toBe(ec);
    }
    // The limits themselves are accepted: 20 tags, a 64-character key, a 128-character value.
    expect(snapshot(emu)).toBe(before);
    const edge = Array.from({ length: 19 }, (_, i) => [`k${i}`, 'v'] as [string, string]);
    edge.push(['k'.repeat(64), 'v'.repeat(128)]);
    const ok = await raw(emu, { method: 'PUT', bucket: 'btags-limits', query: [['tagging', undefined]], body: taggingXml(edge) });
    expect(ok.status).toBe(200);
    expect((await client.getBucketTags({ bucket: 'btags-limits' })).tagging.tagSet).toHaveLength(20);
    const malformed = await raw(emu, { method: 'PUT', bucket: 'btags-limits', query: [['tagging', undefined]], body: '<Tagging><TagSet>' });
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'MalformedXML']);
  });

  it('ali-oss putBucketTags / getBucketTags / deleteBucketTags', async () => {
    await ali.putBucket('btags-ali');
    await ali.putBucketTags('btags-ali', { a: '1', b: '2' });
    expect((await ali.getBucketTags('btags-ali')).tag).toEqual({ a: '1', b: '2' });
    expect((await ali.deleteBucketTags('btags-ali')).status).toBe(204);
    expect((await ali.getBucketTags('btags-ali')).tag).toEqual({});
  });

  it('answers NoSuchBucket for a missing bucket', async () => {
    const err = await refused(client.getBucketTags({ bucket: 'btags-missing' }));
    expect([err.status, err.code]).toEqual([404, 'NoSuchBucket']);
  });
});

describe('ListBuckets tag-key / tag-value', () => {
  it('keeps only the buckets with that tag key, and value (oss2 live test_list_bucket_with_tagging)', async () => {
    await client.putBucket({ bucket: 'lbt-one' });
    await client.putBucket({ bucket: 'lbt-two' });
    await client.putBucket({ bucket: 'lbt-three' });
    await client.putBucketTags({ bucket: 'lbt-one', tagging: { tagSet: [{ key: 'team', value: 'red' }, { key: 'x', value: '1' }] } });
    await client.putBucketTags({ bucket: 'lbt-two', tagging: { tagSet: [{ key: 'team', value: 'blue' }] } });
    const names = async (req: { tagKey?: string; tagValue?: string }) =>
      (await client.listBuckets({ prefix: 'lbt-', ...req })).buckets.map((b) => b.name);
    expect(await names({})).toEqual(['lbt-one', 'lbt-three', 'lbt-two']);
    expect(await names({ tagKey: 'team' })).toEqual(['lbt-one', 'lbt-two']);
    expect(await names({ tagKey: 'team', tagValue: 'blue' })).toEqual(['lbt-two']);
    expect(await names({ tagKey: 'team', tagValue: 'green' })).toEqual([]);
    expect(await names({ tagKey: 'nobody' })).toEqual([]);
    // Paging applies to the filtered list.
    const page = await client.listBuckets({ prefix: 'lbt-', tagKey: 'team', maxKeys: 1 });
    expect([page.buckets.map((b) => b.name), page.isTruncated, page.nextMarker]).toEqual([['lbt-one'], true, 'lbt-one']);
    const ali2 = await ali.listBuckets({ prefix: 'lbt-', 'tag-key': 'team', 'tag-value': 'red' });
    expect(ali2.buckets.map((b: { name: string }) => b.name)).toEqual(['lbt-one']);
    // tag-value needs tag-key (PY2 ListBucketsRequest: "the tag-key must also be specified").
    const alone = await raw(emu, { method: 'GET', query: [['tag-value', 'red']] });
    expect([alone.status, errorCode(alone)]).toEqual([400, 'InvalidArgument']);
    // tagging: pairs that must all match (PY2 live test_list_buckets_with_tag_filter's form).
    const listed = async (tagging: string) => {
      const res = await raw(emu, { method: 'GET', query: [['prefix', 'lbt-'], ['tagging', tagging]] });
      return [...res.text.matchAll(/<Name>([^<]*)<\/Name>/g)].map((m) => m[1]);
    };
    expect(await listed('"team":"red","x":"1"')).toEqual(['lbt-one']);
    expect(await listed('{"team":"red"}')).toEqual(['lbt-one']);
    expect(await listed('"team":"red","x":"2"')).toEqual([]);
    for (const bad of [['tagging', 'team=red'], ['tagging', '"team":1']]) {
      const res = await raw(emu, { method: 'GET', query: [bad as [string, string]] });
      expect([res.status, errorCode(res)], bad[1]).toEqual([400, 'InvalidArgument']);
    }
    const both = await raw(emu, { method: 'GET', query: [['tag-key', 'team'], ['tagging', '"team":"red"']] });
    expect([both.status, errorCode(both)]).toEqual([400, 'InvalidArgument']);
    // Every bucket is in the default resource group: another group lists none, the default lists them all, by
    // parameter or by header (oss2 live test_bucket_with_group_id), and each entry names it.
    const other = await raw(emu, { method: 'GET', query: [['resource-group-id', 'rg-x']] });
    expect(other.status).toBe(200);
    expect(other.text).not.toContain('<Bucket>');
    const byHeader = await raw(emu, { method: 'GET', headers: { 'x-oss-resource-group-id': 'rg-default' } });
    expect(byHeader.text).toContain('<ResourceGroupId>rg-default</ResourceGroupId>');
  });

  it('a deleted bucket takes its tags with it', async () => {
    await client.putBucket({ bucket: 'lbt-gone' });
    await client.putBucketTags({ bucket: 'lbt-gone', tagging: { tagSet: [{ key: 'gone', value: '1' }] } });
    await client.deleteBucket({ bucket: 'lbt-gone' });
    expect(emu.store.db.prepare("SELECT count(*) FROM bucket_documents WHERE bucket = 'lbt-gone'").pluck().get()).toBe(0);
    await client.putBucket({ bucket: 'lbt-gone' });
    expect((await client.getBucketTags({ bucket: 'lbt-gone' })).tagging.tagSet).toEqual([]);
    expect((await client.listBuckets({ tagKey: 'gone' })).buckets).toEqual([]);
  });
});

describe('GetBucketStat', () => {
  it('counts objects, sizes per storage class, uploads and delete markers from the store', async () => {
    const bucket = 'bstat';
    await client.putBucket({ bucket });
    const empty = await client.getBucketStat({ bucket });
    // A bucket that never held an object: all zero, LastModifiedTime too (PY2 live test_get_bucket_stat).
    expect([empty.storage, empty.objectCount, empty.multiPartUploadCount, empty.deleteMarkerCount, empty.lastModifiedTime]).toEqual([0, 0, 0, 0, 0]);
    await client.putObject({ bucket, key: 'a', body: 'x'.repeat(100) });
    await client.putObject({ bucket, key: 'b', body: 'y'.repeat(50) });
    const before = Math.floor(Date.now() / 1000);
    await client.putObject({ bucket, key: 'ia', body: 'z'.repeat(10), storageClass: 'IA' });
    await client.initiateMultipartUpload({ bucket, key: 'mp' });
    const s = await client.getBucketStat({ bucket });
    expect(s.storage).toBe(160);
    expect(s.objectCount).toBe(3);
    expect([s.standardStorage, s.standardObjectCount]).toEqual([150, 2]);
    // IA bills an object under 64 KB as 64 KB; the real storage is its size.
    expect([s.infrequentAccessStorage, s.infrequentAccessRealStorage, s.infrequentAccessObjectCount]).toEqual([65536, 10, 1]);
    expect([s.archiveObjectCount, s.coldArchiveObjectCount, s.deepColdArchiveObjectCount]).toEqual([0, 0, 0]);
    expect(s.multiPartUploadCount).toBe(1);
    expect(s.liveChannelCount).toBe(0);
    // The newest write, in seconds.
    expect(s.lastModifiedTime).toBeGreaterThanOrEqual(before);
    expect(s.lastModifiedTime).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
    await client.putBucketVersioning({ bucket, versioningConfiguration: { status: 'Enabled' } });
    await client.deleteObject({ bucket, key: 'a' });
    const v = await client.getBucketStat({ bucket });
    // The deleted object's version still takes storage; the delete marker is counted apart.
    expect([v.storage, v.objectCount, v.deleteMarkerCount]).toEqual([160, 3, 1]);
    // Element order as PY2's BucketStat sample.
    const res = await raw(emu, { method: 'GET', bucket, query: [['stat', undefined]] });
    const order = [...res.text.matchAll(/<(\w+)>[^<]*<\/\1>/g)].map((m) => m[1]);
    expect(order.slice(0, 7)).toEqual([
      'Storage', 'ObjectCount', 'MultipartUploadCount', 'LiveChannelCount', 'LastModifiedTime', 'StandardStorage', 'StandardObjectCount',
    ]);
    expect(order[order.length - 1]).toBe('DeleteMarkerCount');
    const aliStat = await ali.getBucketStat(bucket);
    expect(aliStat.stat.ObjectCount).toBe('3');
  });
});

describe('DescribeRegions', () => {
  it('lists the regions this emulator serves with their endpoints, and one on request', async () => {
    const all = await client.describeRegions();
    expect(all.regionInfo.map((r) => r.region)).toEqual(['oss-cn-hangzhou', 'oss-cn-shanghai']);
    const one = await client.describeRegions({ regions: 'oss-cn-shanghai' });
    expect(one.regionInfo).toEqual([
      {
        region: 'oss-cn-shanghai',
        internetEndpoint: 'oss-cn-shanghai.aliyuncs.com',
        internalEndpoint: 'oss-cn-shanghai-internal.aliyuncs.com',
        accelerateEndpoint: 'oss-accelerate.aliyuncs.com',
      },
    ]);
    // OSS's names whatever the endpoint asked (PY2 live test_describe_regions), in OSS's element order.
    const real = await raw(emu, { method: 'GET', query: [['regions', 'oss-cn-hangzhou']] });
    expect(real.text).toContain(
      '<RegionInfo><Region>oss-cn-hangzhou</Region><InternetEndpoint>oss-cn-hangzhou.aliyuncs.com</InternetEndpoint><InternalEndpoint>oss-cn-hangzhou-internal.aliyuncs.com</InternalEndpoint><AccelerateEndpoint>oss-accelerate.aliyuncs.com</AccelerateEndpoint></RegionInfo>',
    );
    // oss2's live test_describe_regions_exception: an unknown region id is NoSuchRegion (status [I]).
    const unknown = await raw(emu, { method: 'GET', query: [['regions', 'oss-mars-1']] });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'NoSuchRegion']);
  });

  it('reports --public-endpoint as every endpoint when one is configured', async () => {
    const proxied = await startTestEmulator({ publicEndpoint: 'http://oss.example.test:8080' });
    try {
      const res = await ownerClient(proxied).describeRegions();
      expect(res.regionInfo.map((r) => [r.internetEndpoint, r.internalEndpoint, r.accelerateEndpoint])).toEqual([
        ['http://oss.example.test:8080', 'http://oss.example.test:8080', 'http://oss.example.test:8080'],
      ]);
    } finally {
      await proxied.close();
    }
  });
});
