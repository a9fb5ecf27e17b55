// Our OssClient against the emulator: the Python SDK v2's API in camelCase, V4 and V1 signing, typed errors,
// URL-decoded listings and the CRC-64 checks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InconsistentCrcError, OssClient, OssServiceError } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, startTestEmulator } from '../http/support.js';

let emu: RunningEmulator;
let client: OssClient;
const bucket = 'client-bucket';

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  await client.putBucket({ bucket, createBucketConfiguration: { storageClass: 'Standard' } });
});
afterAll(() => emu.close());

describe('OssClient', () => {
  it('puts, heads and gets with metadata and CRC-64', async () => {
    const put = await client.putObject({ bucket, key: 'a b+c/中.txt', body: 'hello world', contentType: 'text/plain', metadata: { Author: 'alice' } });
    expect(put.statusCode).toBe(200);
    expect(put.requestId).toMatch(/^[0-9A-F]{24}$/);
    expect(put.etag).toBe('"5EB63BBBE01EEED093CB22BB8F5ACDC3"');
    expect(put.hashCrc64).toBe('5981764153023615706');
    const head = await client.headObject({ bucket, key: 'a b+c/中.txt' });
    expect(head.contentLength).toBe(11);
    expect(head.metadata).toEqual({ author: 'alice' });
    expect(head.objectType).toBe('Normal');
    const get = await client.getObject({ bucket, key: 'a b+c/中.txt' });
    expect((await get.content()).toString()).toBe('hello world');
    const range = await client.getObject({ bucket, key: 'a b+c/中.txt', range: 'bytes=6-10' });
    expect(range.statusCode).toBe(206);
    expect((await range.content()).toString()).toBe('world');
  });

  it('copies with the PY2 fields and returns the PY2 result fields', async () => {
    const copy = await client.copyObject({
      bucket,
      key: 'copy.txt',
      sourceKey: 'a b+c/中.txt',
      metadataDirective: 'REPLACE',
      metadata: { editor: 'bob' },
      tagging: 'k=v',
      taggingDirective: 'Replace',
      forbidOverwrite: true,
    });
    expect(copy.statusCode).toBe(200);
    expect(copy.etag).toBe('"5EB63BBBE01EEED093CB22BB8F5ACDC3"');
    expect(copy.hashCrc64).toBe('5981764153023615706');
    expect(copy.lastModified).toBeInstanceOf(Date);
    expect(copy.versionId).toBeUndefined();
    const tags = await client.getObjectTagging({ bucket, key: 'copy.txt' });
    expect(tags.tagSet).toEqual([{ key: 'k', value: 'v' }]);
    const again = client.copyObject({ bucket, key: 'copy.txt', sourceKey: 'a b+c/中.txt', forbidOverwrite: true });
    await expect(again).rejects.toBeInstanceOf(OssServiceError);
    await expect(again).rejects.toMatchObject({ status: 409, code: 'FileAlreadyExists', ec: '0026-00000006' });
  });

  it('lists with encoding-type=url and decodes keys', async () => {
    const v2 = await client.listObjectsV2({ bucket, delimiter: '/' });
    expect(v2.contents.map((c) => c.key)).toEqual(['copy.txt']);
    expect(v2.commonPrefixes).toEqual([{ prefix: 'a b+c/' }]);
    const v1 = await client.listObjects({ bucket, prefix: 'a b+c/' });
    expect(v1.contents.map((c) => c.key)).toEqual(['a b+c/中.txt']);
    const buckets = await client.listBuckets();
    expect(buckets.buckets.map((b) => b.name)).toContain(bucket);
  });

  it('signs V1 when asked and reports HEAD errors from x-oss-err', async () => {
    const v1 = new OssClient({
      endpoint: emu.url,
      region: emu.region,
      signatureVersion: 'v1',
      credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    });
    expect((await v1.headObject({ bucket, key: 'copy.txt' })).statusCode).toBe(200);
    await expect(v1.headObject({ bucket, key: 'missing' })).rejects.toMatchObject({ status: 404, code: 'NoSuchKey', ec: '0026-00000001' });
    const wrong = new OssClient({ endpoint: emu.url, region: emu.region, credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: 'x' } });
    await expect(wrong.getObject({ bucket, key: 'copy.txt' })).rejects.toMatchObject({ code: 'SignatureDoesNotMatch' });
  });

  it('versioning, delete markers and version listing', async () => {
    await client.putBucket({ bucket: 'client-versions' });
    await client.putBucketVersioning({ bucket: 'client-versions', versioningConfiguration: { status: 'Enabled' } });
    expect((await client.getBucketVersioning({ bucket: 'client-versions' })).versionStatus).toBe('Enabled');
    const one = await client.putObject({ bucket: 'client-versions', key: 'k', body: '1' });
    const del = await client.deleteObject({ bucket: 'client-versions', key: 'k' });
    expect(del.deleteMarker).toBe(true);
    const versions = await client.listObjectVersions({ bucket: 'client-versions' });
    expect(versions.versions.map((v) => v.versionId)).toEqual([one.versionId]);
    expect(versions.deleteMarkers.map((v) => v.versionId)).toEqual([del.versionId]);
    const restored = await client.copyObject({ bucket: 'client-versions', key: 'k', sourceKey: 'k', sourceVersionId: one.versionId });
    expect(restored.sourceVersionId).toBe(one.versionId);
    expect(restored.versionId).not.toBe(one.versionId);
  });

  it('presigns a URL the emulator serves', async () => {
    const signed = client.presign({ bucket, key: 'copy.txt', expiresSeconds: 60 });
    const res = await fetch(signed.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello world');
  });

  it('detects a CRC-64 mismatch on upload and on a full download', async () => {
    const lying: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const headers = new Headers(res.headers);
      if (headers.has('x-oss-hash-crc64ecma')) headers.set('x-oss-hash-crc64ecma', '1');
      return new Response(res.body, { status: res.status, headers });
    };
    const liar = new OssClient({
      endpoint: emu.url,
      region: emu.region,
      credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
      fetch: lying,
    });
    await expect(liar.putObject({ bucket, key: 'crc.txt', body: 'abc' })).rejects.toBeInstanceOf(InconsistentCrcError);
    const get = await liar.getObject({ bucket, key: 'copy.txt' });
    await expect(get.content()).rejects.toBeInstanceOf(InconsistentCrcError);
  });
});
