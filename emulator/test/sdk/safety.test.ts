// The three requests that destroyed data when users first tried the emulator (../shared/evidence/
// sdk-suites-2026-12-01.md "Safety"), through ali-oss, our client and raw HTTP: DeleteBucketTags deleted the
// bucket, CopyObject replaced an object under legal hold, PutObject replaced a held `null` version in a Suspended
// bucket. Each is now refused, and nothing changes.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssClient, OssServiceError } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator } from '../http/support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
let client: OssClient;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let ali: any;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
});
afterAll(() => emu.close());

async function serviceError(p: Promise<unknown>): Promise<OssServiceError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OssServiceError);
  return err as OssServiceError;
}

/** What a data directory of an earlier local-oss can hold: a legal hold on a bucket's `null` version. */
function holdNullVersion(bucket: string, key: string): void {
  const held = emu.store.objects.version(bucket, key, 'null')!;
  emu.store.tx(() => {
    emu.store.buckets.setDocument(bucket, 'object_worm', { enabled: true });
    emu.store.objects.setLegalHold(held.id, 'ON');
  });
}

describe('DeleteBucketTags never deletes the bucket', () => {
  it('ali-oss deleteBucketTags is refused as NotImplemented and the bucket is still there', async () => {
    await ali.putBucket('safety-tags-ali');
    await expect(ali.deleteBucketTags('safety-tags-ali')).rejects.toMatchObject({ status: 400, code: 'NotImplemented' });
    const info = await ali.getBucketInfo('safety-tags-ali');
    expect(info.bucket.Name).toBe('safety-tags-ali');
  });

  it('our client and raw HTTP: refused, nothing changed', async () => {
    await client.putBucket({ bucket: 'safety-tags' });
    await client.putObject({ bucket: 'safety-tags', key: 'a.txt', body: 'a' });
    const before = snapshot(emu);
    const err = await serviceError(client.deleteBucketTags({ bucket: 'safety-tags' }));
    expect([err.status, err.code]).toEqual([400, 'NotImplemented']);
    const rawDelete = await raw(emu, { method: 'DELETE', bucket: 'safety-tags', query: [['tagging', undefined]] });
    expect([rawDelete.status, errorCode(rawDelete)]).toEqual([400, 'NotImplemented']);
    expect(snapshot(emu)).toBe(before);
    expect((await client.getObject({ bucket: 'safety-tags', key: 'a.txt' })).statusCode).toBe(200);
  });
});

describe('CopyObject never replaces an object under legal hold', () => {
  it('refuses the unversioned set-up that allowed it (object-level WORM needs versioning Enabled)', async () => {
    await client.putBucket({ bucket: 'safety-copy-setup' });
    const err = await serviceError(
      client.putBucketObjectWormConfiguration({ bucket: 'safety-copy-setup', objectWormConfiguration: { objectWormEnabled: 'Enabled' } }),
    );
    expect(err.code).toBe('InvalidRequest');
    expect((await client.getBucketObjectWormConfiguration({ bucket: 'safety-copy-setup' })).objectWormConfiguration.objectWormEnabled).toBeUndefined();
  });

  it('a held object left by such a set-up: ali-oss copy, our copyObject and raw HTTP get 409 FileImmutable', async () => {
    await client.putBucket({ bucket: 'safety-copy' });
    await client.putObject({ bucket: 'safety-copy', key: 'held.txt', body: 'keep me' });
    await client.putObject({ bucket: 'safety-copy', key: 'other.txt', body: 'other' });
    holdNullVersion('safety-copy', 'held.txt');
    const before = snapshot(emu);
    ali.useBucket('safety-copy');
    await expect(ali.copy('held.txt', 'other.txt')).rejects.toMatchObject({ status: 409, code: 'FileImmutable' });
    const err = await serviceError(client.copyObject({ bucket: 'safety-copy', key: 'held.txt', sourceBucket: 'safety-copy', sourceKey: 'other.txt' }));
    expect([err.status, err.code]).toEqual([409, 'FileImmutable']);
    const r = await raw(emu, { method: 'PUT', bucket: 'safety-copy', key: 'held.txt', headers: { 'x-oss-copy-source': '/safety-copy/other.txt' } });
    expect([r.status, errorCode(r)]).toEqual([409, 'FileImmutable']);
    expect(snapshot(emu)).toBe(before);
    expect((await ali.get('held.txt')).content.toString()).toBe('keep me');
  });
});

describe('PutObject never replaces a held null version of a Suspended bucket', () => {
  it('ali-oss put, our putObject and raw HTTP get 409 FileImmutable; the held version reads back', async () => {
    await client.putBucket({ bucket: 'safety-suspended' });
    await client.putBucketVersioning({ bucket: 'safety-suspended', versioningConfiguration: { status: 'Enabled' } });
    await client.putBucketVersioning({ bucket: 'safety-suspended', versioningConfiguration: { status: 'Suspended' } });
    await client.putObject({ bucket: 'safety-suspended', key: 'held.txt', body: 'keep me' });
    holdNullVersion('safety-suspended', 'held.txt');
    const before = snapshot(emu);
    ali.useBucket('safety-suspended');
    await expect(ali.put('held.txt', Buffer.from('replacement'))).rejects.toMatchObject({ status: 409, code: 'FileImmutable' });
    const err = await serviceError(client.putObject({ bucket: 'safety-suspended', key: 'held.txt', body: 'replacement' }));
    expect([err.status, err.code]).toEqual([409, 'FileImmutable']);
    const r = await raw(emu, { method: 'PUT', bucket: 'safety-suspended', key: 'held.txt', body: 'replacement' });
    expect([r.status, errorCode(r)]).toEqual([409, 'FileImmutable']);
    expect(snapshot(emu)).toBe(before);
    const kept = await client.getObject({ bucket: 'safety-suspended', key: 'held.txt', versionId: 'null' });
    expect(kept.statusCode).toBe(200);
  });
});
