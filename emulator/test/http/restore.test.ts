// Archive storage and RestoreObject (behaviour §9.10) through raw HTTP and ali-oss: a frozen object answers HEAD but
// refuses GET and copies; a restore completes when the emulator's clock moves (PUT /-/clock), and expires after Days.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
const bucket = 'restore-bucket';

async function setClock(offsetSeconds: number): Promise<void> {
  const res = await fetch(`${emu.url}/-/clock`, { method: 'PUT', body: JSON.stringify({ offsetSeconds }) });
  expect(res.status).toBe(200);
}

async function putArchive(key: string, storageClass = 'Archive'): Promise<void> {
  const res = await raw(emu, { method: 'PUT', bucket, key, body: 'frozen bytes', headers: { 'x-oss-storage-class': storageClass } });
  expect(res.status).toBe(200);
}

const restore = (key: string, body?: string) => raw(emu, { method: 'POST', bucket, key, query: [['restore', undefined]], body });

beforeAll(async () => {
  emu = await startTestEmulator({ restoreDelays: { archive: 60, Expedited: 5, Standard: 60, Bulk: 600 } });
  expect((await raw(emu, { method: 'PUT', bucket })).status).toBe(200);
});

afterAll(async () => {
  await emu?.close();
});

describe('RestoreObject', () => {
  it('refuses GET and CopyObject of an unrestored Archive object, HEAD still answers', async () => {
    await setClock(0);
    await putArchive('a.txt');
    const get = await raw(emu, { method: 'GET', bucket, key: 'a.txt' });
    expect(get.status).toBe(403);
    expect(errorCode(get)).toBe('InvalidObjectState');
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'a.txt' });
    expect(head.status).toBe(200);
    expect(head.headers.get('x-oss-storage-class')).toBe('Archive');
    expect(head.headers.get('x-oss-restore')).toBeNull();
    const copy = await raw(emu, { method: 'PUT', bucket, key: 'copy.txt', headers: { 'x-oss-copy-source': `/${bucket}/a.txt` } });
    expect(copy.status).toBe(403);
    expect(errorCode(copy)).toBe('InvalidObjectState');
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'copy.txt' })).status).toBe(404);
  });

  it('202, then 409 while ongoing, readable once the clock passes the delay, 200 again, frozen after Days', async () => {
    await setClock(0);
    await putArchive('b.txt');
    const started = await restore('b.txt', '<RestoreRequest><Days>2</Days></RestoreRequest>');
    expect(started.status).toBe(202);
    const again = await restore('b.txt');
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('RestoreAlreadyInProgress');
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'b.txt' })).headers.get('x-oss-restore')).toBe('ongoing-request="true"');

    await setClock(61);
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'b.txt' });
    expect(head.headers.get('x-oss-restore')).toMatch(/^ongoing-request="false", expiry-date="[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT"$/);
    const get = await raw(emu, { method: 'GET', bucket, key: 'b.txt' });
    expect(get.status).toBe(200);
    expect(get.text).toBe('frozen bytes');
    expect((await restore('b.txt')).status).toBe(200);

    await setClock(61 + 3 * 86400);
    expect((await raw(emu, { method: 'GET', bucket, key: 'b.txt' })).status).toBe(403);
    await setClock(0);
  });

  it('a Standard object is not restorable; CleanRestoredObject follows the restore', async () => {
    await setClock(0);
    expect((await raw(emu, { method: 'PUT', bucket, key: 'std.txt', body: 'x' })).status).toBe(200);
    expect(errorCode(await restore('std.txt'))).toBe('OperationNotSupported');
    await putArchive('c.txt', 'ColdArchive');
    const clean = () => raw(emu, { method: 'POST', bucket, key: 'c.txt', query: [['cleanRestoredObject', undefined]] });
    expect(errorCode(await clean())).toBe('ArchiveRestoreFileStale');
    const started = await restore('c.txt', '<RestoreRequest><Days>1</Days><JobParameters><Tier>Expedited</Tier></JobParameters></RestoreRequest>');
    expect(started.status).toBe(202);
    expect(started.headers.get('x-oss-object-restore-priority')).toBe('Expedited');
    expect(errorCode(await clean())).toBe('ArchiveRestoreNotFinished');
    await setClock(6);
    expect((await clean()).status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket, key: 'c.txt' })).status).toBe(403);
    await setClock(0);
  });

  it('bucketArchiveDirectRead lets Archive (not ColdArchive) objects be read', async () => {
    await putArchive('d.txt');
    await putArchive('e.txt', 'ColdArchive');
    const put = await raw(emu, {
      method: 'PUT',
      bucket,
      query: [['bucketArchiveDirectRead', undefined]],
      body: '<ArchiveDirectReadConfiguration><Enabled>true</Enabled></ArchiveDirectReadConfiguration>',
    });
    expect(put.status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket, query: [['bucketArchiveDirectRead', undefined]] });
    expect(got.text).toContain('<Enabled>true</Enabled>');
    expect((await raw(emu, { method: 'GET', bucket, key: 'd.txt' })).status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket, key: 'e.txt' })).status).toBe(403);
    await raw(emu, {
      method: 'PUT',
      bucket,
      query: [['bucketArchiveDirectRead', undefined]],
      body: '<ArchiveDirectReadConfiguration><Enabled>false</Enabled></ArchiveDirectReadConfiguration>',
    });
  });

  it('ali-oss restore and head show the restore', async () => {
    await setClock(0);
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket });
    await ali.put('ali.txt', Buffer.from('ali'), { headers: { 'x-oss-storage-class': 'Archive' } });
    await expect(ali.get('ali.txt')).rejects.toMatchObject({ status: 403, code: 'InvalidObjectState' });
    const r = await ali.restore('ali.txt');
    expect(r.res.status).toBe(202);
    await expect(ali.restore('ali.txt')).rejects.toMatchObject({ status: 409, code: 'RestoreAlreadyInProgress' });
    await setClock(61);
    const head = await ali.head('ali.txt');
    expect(head.res.headers['x-oss-restore']).toMatch(/^ongoing-request="false"/);
    expect((await ali.get('ali.txt')).content.toString()).toBe('ali');
    await setClock(0);
  });
});

describe('listings', () => {
  it('ListObjects (v1, v2) and ListObjectVersions show RestoreInfo of a restore', async () => {
    await setClock(0);
    await putArchive('list/r.txt');
    await putArchive('list/n.txt');
    expect((await restore('list/r.txt')).status).toBe(202);
    const v1 = await raw(emu, { method: 'GET', bucket, query: [['prefix', 'list/']] });
    expect(v1.text).toContain('<Key>list/r.txt</Key>');
    expect(v1.text.match(/<RestoreInfo>/g)).toHaveLength(1);
    expect(v1.text).toMatch(/<Key>list\/r\.txt<\/Key>[\s\S]*<\/Owner><RestoreInfo>ongoing-request="true"<\/RestoreInfo>/);
    const v2 = await raw(emu, { method: 'GET', bucket, query: [['list-type', '2'], ['prefix', 'list/r']] });
    expect(v2.text).toContain('<RestoreInfo>ongoing-request="true"</RestoreInfo>');
    const versions = await raw(emu, { method: 'GET', bucket, query: [['versions', undefined], ['prefix', 'list/r']] });
    expect(versions.text).toContain('<RestoreInfo>ongoing-request="true"</RestoreInfo>');
  });
});

describe('our client', () => {
  it('restoreObject / cleanRestoredObject / archive direct read / symlink / seal', async () => {
    const { ownerClient } = await import('./support.js');
    const client = ownerClient(emu);
    await setClock(0);
    await client.putObject({ bucket, key: 'cl.txt', body: 'cold', storageClass: 'ColdArchive' });
    const started = await client.restoreObject({ bucket, key: 'cl.txt', restoreRequest: { days: 1, jobParameters: { tier: 'Expedited' } } });
    expect(started.statusCode).toBe(202);
    expect(started.restorePriority).toBe('Expedited');
    await expect(client.restoreObject({ bucket, key: 'cl.txt' })).rejects.toMatchObject({ code: 'RestoreAlreadyInProgress' });
    expect((await client.headObject({ bucket, key: 'cl.txt' })).restore).toBe('ongoing-request="true"');
    await setClock(6);
    expect((await client.headObject({ bucket, key: 'cl.txt' })).restore).toMatch(/^ongoing-request="false", expiry-date=/);
    const listed = await client.listObjectsV2({ bucket, prefix: 'cl.txt' });
    expect(listed.contents[0]?.restoreInfo).toMatch(/^ongoing-request="false"/);
    const versions = await client.listObjectVersions({ bucket, prefix: 'cl.txt' });
    expect(versions.versions[0]?.restoreInfo).toMatch(/^ongoing-request="false"/);
    expect((await client.cleanRestoredObject({ bucket, key: 'cl.txt' })).statusCode).toBe(200);
    await setClock(0);

    await client.putBucketArchiveDirectRead({ bucket, archiveDirectReadConfiguration: { enabled: true } });
    expect((await client.getBucketArchiveDirectRead({ bucket })).archiveDirectReadConfiguration.enabled).toBe(true);
    await client.putBucketArchiveDirectRead({ bucket, archiveDirectReadConfiguration: { enabled: false } });

    await client.putObject({ bucket, key: 'target.txt', body: 't' });
    await client.putSymlink({ bucket, key: 'sym', target: 'target.txt', metadata: { a: 'b' } });
    const sym = await client.getSymlink({ bucket, key: 'sym' });
    expect(sym.target).toBe('target.txt');
    expect(sym.metadata).toEqual({ a: 'b' });

    await client.appendObject({ bucket, key: 'app', position: 0, body: 'ab' });
    const sealed = await client.sealAppendObject({ bucket, key: 'app', position: 2 });
    expect(sealed.sealedTime).toMatch(/GMT$/);
    expect((await client.headObject({ bucket, key: 'app' })).sealedTime).toBe(sealed.sealedTime);
  });
});
