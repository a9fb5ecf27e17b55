// Our Copier (issue 4 item 6, issue 6 item 3) and the client's WORM/retention/multipart APIs against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Copier, OssClient, crc64 } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, startTestEmulator } from '../http/support.js';

let emu: RunningEmulator;
let client: OssClient;
const body = Buffer.alloc(700 * 1024);
for (let i = 0; i < body.length; i++) body[i] = (i * 7) & 0xff;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  for (const bucket of ['cp-src', 'cp-dst']) await client.putBucket({ bucket });
  await client.putObject({ bucket: 'cp-src', key: 'big.bin', body, metadata: { origin: 'x' }, tagging: 't=1', contentType: 'application/x-big' });
});
afterAll(() => emu.close());

describe('Copier', () => {
  it('copies across buckets in parts above the threshold, keeping metadata, tags and CRC, reporting progress', async () => {
    const progress: number[] = [];
    const copier = new Copier(client, { partSize: 200 * 1024, multipartCopyThreshold: 100 * 1024, onProgress: (c) => progress.push(c) });
    const result = await copier.copy({ bucket: 'cp-dst', key: 'big.bin', sourceBucket: 'cp-src', sourceKey: 'big.bin' });
    expect(result.etag).toMatch(/^"[0-9A-F]{32}-4"$/);
    expect(result.hashCrc64).toBe(crc64(body).toString());
    expect(progress[progress.length - 1]).toBe(body.length);
    const head = await client.headObject({ bucket: 'cp-dst', key: 'big.bin' });
    expect(head.objectType).toBe('Multipart');
    expect(head.metadata).toEqual({ origin: 'x' });
    expect(head.taggingCount).toBe(1);
    expect(head.contentType).toBe('application/x-big');
    expect((await (await client.getObject({ bucket: 'cp-dst', key: 'big.bin' })).content()).equals(body)).toBe(true);
  });

  it('uses one CopyObject (shallow copy) within a bucket, keeping the ETag', async () => {
    const copier = new Copier(client, { multipartCopyThreshold: 100 * 1024 });
    const src = await client.headObject({ bucket: 'cp-src', key: 'big.bin' });
    const result = await copier.copy({ bucket: 'cp-src', key: 'shallow.bin', sourceKey: 'big.bin' });
    expect(result.etag).toBe(src.etag);
  });

  it('aborts the upload when a part fails', async () => {
    const copier = new Copier(client, { partSize: 200 * 1024, multipartCopyThreshold: 1 });
    await expect(copier.copy({ bucket: 'cp-dst', key: 'x.bin', sourceBucket: 'cp-src', sourceKey: 'missing.bin' })).rejects.toMatchObject({ code: 'NoSuchKey' });
  });
});

describe('client WORM and retention APIs', () => {
  it('drives the bucket retention policy state machine', async () => {
    await client.putBucket({ bucket: 'cp-worm' });
    const init = await client.initiateBucketWorm({ bucket: 'cp-worm', retentionPeriodInDays: 1 });
    expect(init.wormId).toMatch(/^[0-9A-F]{32}$/);
    await client.completeBucketWorm({ bucket: 'cp-worm', wormId: init.wormId! });
    await client.extendBucketWorm({ bucket: 'cp-worm', wormId: init.wormId!, retentionPeriodInDays: 3 });
    const got = await client.getBucketWorm({ bucket: 'cp-worm' });
    expect(got.wormConfiguration).toMatchObject({ state: 'Locked', retentionPeriodInDays: 3, wormId: init.wormId });
    await expect(client.abortBucketWorm({ bucket: 'cp-worm' })).rejects.toMatchObject({ code: 'WORMConfigurationLocked' });
  });
});
