// Bucket lifecycle (behaviour §14.7): the configuration document with OSS's refusals, and the rules executed against
// the emulator's clock by POST /-/lifecycle/run — an expiration through the delete path (a delete marker in a
// versioned bucket, a retained object kept), a transition changing only the storage class, an aborted upload.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import OSS from 'ali-oss';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
let client: OssClient;
const DAY = 86_400;

beforeAll(async () => {
  emu = await startTestEmulator({ lifecycleIntervalSeconds: 0 });
  client = ownerClient(emu);
});
afterAll(() => emu.close());
beforeEach(async () => {
  await fetch(`${emu.url}/-/clock`, { method: 'PUT', body: JSON.stringify({ offsetSeconds: 0 }) });
});

async function putLifecycle(bucket: string, rules: string, headers: Record<string, string> = {}) {
  return raw(emu, { method: 'PUT', bucket, query: [['lifecycle', undefined]], headers, body: `<LifecycleConfiguration>${rules}</LifecycleConfiguration>` });
}

async function advanceDays(days: number): Promise<void> {
  await fetch(`${emu.url}/-/clock`, { method: 'PUT', body: JSON.stringify({ offsetSeconds: days * DAY }) });
}

async function run(): Promise<Record<string, number>> {
  const res = await fetch(`${emu.url}/-/lifecycle/run`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, number>;
}

describe('the configuration document', () => {
  it('404 NoSuchLifecycle before any, the rules back after a put, 204 on delete (twice)', async () => {
    await client.putBucket({ bucket: 'lc-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'lc-doc', query: [['lifecycle', undefined]] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchLifecycle']);
    const put = await putLifecycle(
      'lc-doc',
      '<Rule><ID>r1</ID><Prefix>logs/</Prefix><Status>Enabled</Status><Expiration><Days>30</Days></Expiration>' +
        '<Transition><Days>10</Days><StorageClass>IA</StorageClass></Transition>' +
        '<Transition><Days>20</Days><StorageClass>Archive</StorageClass></Transition>' +
        '<AbortMultipartUpload><Days>5</Days></AbortMultipartUpload><Tag><Key>k</Key><Value>v</Value></Tag></Rule>',
    );
    expect(put.status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'lc-doc', query: [['lifecycle', undefined]] });
    expect(got.status).toBe(200);
    expect(got.text).toContain(
      '<Rule><ID>r1</ID><Prefix>logs/</Prefix><Status>Enabled</Status><Expiration><Days>30</Days></Expiration>' +
        '<Transition><Days>10</Days><StorageClass>IA</StorageClass></Transition>',
    );
    expect(xmlValue(got.text, 'Key')).toBe('k');
    for (let i = 0; i < 2; i++) {
      const del = await raw(emu, { method: 'DELETE', bucket: 'lc-doc', query: [['lifecycle', undefined]] });
      expect(del.status).toBe(204);
    }
    const gone = await raw(emu, { method: 'GET', bucket: 'lc-doc', query: [['lifecycle', undefined]] });
    expect(errorCode(gone)).toBe('NoSuchLifecycle');
  });

  it('refuses what OSS refuses, changing nothing', async () => {
    await client.putBucket({ bucket: 'lc-bad' });
    const cases: [string, string][] = [
      // a transition not before the expiration (oss2 test_put_lifecycle_days_less_than_transition_days)
      ['<Rule><Prefix>a</Prefix><Status>Enabled</Status><Expiration><Days>3</Days></Expiration><Transition><Days>4</Days><StorageClass>IA</StorageClass></Transition></Rule>', 'InvalidArgument'],
      // Archive before IA (oss2 test_put_lifecycle_invalid_transitions)
      ['<Rule><Prefix>a</Prefix><Status>Enabled</Status><Transition><Days>5</Days><StorageClass>IA</StorageClass></Transition><Transition><Days>2</Days><StorageClass>Archive</StorageClass></Transition></Rule>', 'InvalidArgument'],
      ['<Rule><Prefix>a</Prefix><Status>Enabled</Status><Transition><Days>5</Days><StorageClass>Standard</StorageClass></Transition></Rule>', 'InvalidArgument'],
      ['<Rule><Prefix>a</Prefix><Status>Maybe</Status><Expiration><Days>3</Days></Expiration></Rule>', 'MalformedXML'],
      ['<Rule><Prefix>a</Prefix><Status>Enabled</Status><Expiration><Days>0</Days></Expiration></Rule>', 'InvalidArgument'],
      ['<Rule><Prefix>a</Prefix><Status>Enabled</Status><Tag><Key>%&amp;</Key><Value>x</Value></Tag><Expiration><Days>3</Days></Expiration></Rule>', 'InvalidTag'],
      // IsAccessTime without the access monitor
      ['<Rule><Prefix>a</Prefix><Status>Enabled</Status><Transition><Days>5</Days><StorageClass>IA</StorageClass><IsAccessTime>true</IsAccessTime></Transition></Rule>', 'InvalidArgument'],
    ];
    for (const [rules, code] of cases) {
      const res = await putLifecycle('lc-bad', rules);
      expect([res.status, errorCode(res)], rules).toEqual([400, code]);
    }
    const got = await raw(emu, { method: 'GET', bucket: 'lc-bad', query: [['lifecycle', undefined]] });
    expect(errorCode(got)).toBe('NoSuchLifecycle');
  });

  it('refuses nested prefixes sharing an action unless x-oss-allow-same-action-overlap (oss2 test_lifecycle_overlap*)', async () => {
    await client.putBucket({ bucket: 'lc-overlap' });
    const rules =
      '<Rule><ID>a</ID><Prefix>p/</Prefix><Status>Enabled</Status><Expiration><Date>2016-12-25T00:00:00.000Z</Date></Expiration></Rule>' +
      '<Rule><ID>b</ID><Prefix>p/2</Prefix><Status>Enabled</Status><Expiration><Date>2016-12-25T00:00:00.000Z</Date></Expiration></Rule>';
    const refused = await putLifecycle('lc-overlap', rules);
    expect([refused.status, errorCode(refused), xmlValue(refused.text, 'Message')]).toEqual([400, 'InvalidArgument', 'Overlap for same action type Expiration']);
    const allowed = await putLifecycle('lc-overlap', rules, { 'x-oss-allow-same-action-overlap': 'true' });
    expect(allowed.status).toBe(200);
  });
});

describe('through our client', () => {
  it('puts and reads back every element a rule can have', async () => {
    await client.putBucket({ bucket: 'lc-client' });
    await client.putBucketAccessMonitor({ bucket: 'lc-client', accessMonitorConfiguration: { status: 'Enabled' } });
    const rules = [
      {
        id: 'all',
        prefix: 'p/',
        status: 'Enabled',
        expiration: { days: 100 },
        transitions: [
          { days: 30, storageClass: 'IA', isAccessTime: true, returnToStdWhenVisit: true },
          { days: 60, storageClass: 'Archive' },
        ],
        abortMultipartUpload: { days: 7 },
        tags: [{ key: 'k', value: 'v' }],
        noncurrentVersionExpiration: { noncurrentDays: 40 },
        noncurrentVersionTransitions: [{ noncurrentDays: 10, storageClass: 'ColdArchive' }],
        filter: { objectSizeGreaterThan: 10, objectSizeLessThan: 1000, nots: [{ prefix: 'p/keep', tag: { key: 'a', value: 'b' } }] },
        atimeBase: 1700000000,
      },
      { id: 'marker', prefix: 'q/', status: 'Disabled', expiration: { expiredObjectDeleteMarker: true } },
    ];
    await client.putBucketLifecycle({ bucket: 'lc-client', lifecycleConfiguration: { rules } });
    const got = await client.getBucketLifecycle({ bucket: 'lc-client' });
    expect(got.lifecycleConfiguration.rules).toEqual([
      { ...rules[0] },
      { ...rules[1], transitions: [], tags: [], noncurrentVersionTransitions: [] },
    ].map((r) => ({ transitions: [], tags: [], noncurrentVersionTransitions: [], ...r })));
    await client.deleteBucketLifecycle({ bucket: 'lc-client' });
    await expect(client.getBucketLifecycle({ bucket: 'lc-client' })).rejects.toMatchObject({ code: 'NoSuchLifecycle' });
  });
});

describe('the rules executed against the clock', () => {
  it('expires an object when the clock moves past its days (ali-oss putBucketLifecycle)', async () => {
    await client.putBucket({ bucket: 'lc-run' });
    const ali = new OSS({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, endpoint: emu.url, bucket: 'lc-run', region: `oss-${emu.region}`, secure: false, cname: false });
    await ali.putBucketLifecycle('lc-run', [{ id: 'exp', prefix: 'tmp/', status: 'Enabled', expiration: { days: 2 } }]);
    await client.putObject({ bucket: 'lc-run', key: 'tmp/a', body: 'a' });
    await client.putObject({ bucket: 'lc-run', key: 'keep/b', body: 'b' });
    expect((await run()).expired).toBe(0);
    await advanceDays(4);
    expect((await run()).expired).toBe(1);
    const a = await raw(emu, { method: 'HEAD', bucket: 'lc-run', key: 'tmp/a' });
    expect(a.status).toBe(404);
    const b = await raw(emu, { method: 'HEAD', bucket: 'lc-run', key: 'keep/b' });
    expect(b.status).toBe(200);
  });

  it('stacks a delete marker in a versioned bucket, then expires noncurrent versions', async () => {
    await client.putBucket({ bucket: 'lc-ver' });
    await raw(emu, { method: 'PUT', bucket: 'lc-ver', query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
    await putLifecycle('lc-ver', '<Rule><ID>x</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration><NoncurrentVersionExpiration><NoncurrentDays>5</NoncurrentDays></NoncurrentVersionExpiration></Rule>');
    await client.putObject({ bucket: 'lc-ver', key: 'k', body: 'v1' });
    await advanceDays(3);
    expect((await run()).expired).toBe(1);
    const versions = await raw(emu, { method: 'GET', bucket: 'lc-ver', query: [['versions', undefined]] });
    expect(versions.text).toContain('<DeleteMarker>');
    expect(versions.text).toContain('<Version>');
    await advanceDays(10);
    expect((await run()).versionsRemoved).toBe(1);
    const after = await raw(emu, { method: 'GET', bucket: 'lc-ver', query: [['versions', undefined]] });
    expect(after.text).not.toContain('<Version>');
  });

  it('transitions the storage class and aborts a stale multipart upload', async () => {
    await client.putBucket({ bucket: 'lc-tr' });
    await putLifecycle('lc-tr', '<Rule><ID>t</ID><Prefix>cold/</Prefix><Status>Enabled</Status><Transition><Days>1</Days><StorageClass>IA</StorageClass></Transition><Transition><Days>3</Days><StorageClass>Archive</StorageClass></Transition><AbortMultipartUpload><Days>2</Days></AbortMultipartUpload></Rule>');
    await client.putObject({ bucket: 'lc-tr', key: 'cold/x', body: 'x' });
    const init = await raw(emu, { method: 'POST', bucket: 'lc-tr', key: 'cold/up', query: [['uploads', undefined]] });
    expect(init.status).toBe(200);
    await advanceDays(2);
    const r1 = await run();
    expect([r1.transitioned, r1.uploadsAborted]).toEqual([1, 0]);
    expect((await raw(emu, { method: 'HEAD', bucket: 'lc-tr', key: 'cold/x' })).headers.get('x-oss-storage-class')).toBe('IA');
    await advanceDays(5);
    const r2 = await run();
    expect([r2.transitioned, r2.uploadsAborted]).toEqual([1, 1]);
    expect((await raw(emu, { method: 'HEAD', bucket: 'lc-tr', key: 'cold/x' })).headers.get('x-oss-storage-class')).toBe('Archive');
    const uploads = await raw(emu, { method: 'GET', bucket: 'lc-tr', query: [['uploads', undefined]] });
    expect(uploads.text).not.toContain('<Upload>');
  });

  it('keeps an object a bucket retention policy protects', async () => {
    await client.putBucket({ bucket: 'lc-worm' });
    const worm = await raw(emu, { method: 'POST', bucket: 'lc-worm', query: [['worm', undefined]], body: '<InitiateWormConfiguration><RetentionPeriodInDays>30</RetentionPeriodInDays></InitiateWormConfiguration>' });
    expect(worm.status).toBe(200);
    // Locked: an InProgress policy lapses after a day, and the clock moves three.
    const lock = await raw(emu, { method: 'POST', bucket: 'lc-worm', query: [['wormId', worm.headers.get('x-oss-worm-id')!]] });
    expect(lock.status).toBe(200);
    await putLifecycle('lc-worm', '<Rule><ID>e</ID><Prefix></Prefix><Status>Enabled</Status><Expiration><Days>1</Days></Expiration></Rule>');
    await client.putObject({ bucket: 'lc-worm', key: 'w', body: 'w' });
    await advanceDays(3);
    expect((await run()).kept).toBe(1);
    expect((await raw(emu, { method: 'HEAD', bucket: 'lc-worm', key: 'w' })).status).toBe(200);
  });
});
