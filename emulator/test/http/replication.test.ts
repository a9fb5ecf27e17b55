// Data replication (behaviour §14.22): the rule documents with OSS's shapes and refusals, through our client and raw
// HTTP, and objects really replicated to a destination of this emulator (another region too) by POST
// /-/replication/run: the same bytes, ETag, CRC-64, metadata and tags; Action ALL / PUT for deletes and delete
// markers; prefixes; historical objects; SSE-KMS objects only when the rule selects them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue, allowPublicAccess } from './support.js';

let emu: RunningEmulator;
let client: OssClient;
let beijing: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator({ replicationIntervalSeconds: 0, regions: ['cn-beijing'] });
  client = ownerClient(emu);
  beijing = ownerClient(emu, { region: 'cn-beijing' });
});
afterAll(() => emu.close());

async function run(): Promise<Record<string, number>> {
  const res = await fetch(`${emu.url}/-/replication/run`, { method: 'POST' });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, number>;
}

function ruleXml(dest: string, extra = '', location = `oss-${'cn-hangzhou'}`): string {
  return `<ReplicationConfiguration><Rule>${extra}<Destination><Bucket>${dest}</Bucket><Location>${location}</Location></Destination></Rule></ReplicationConfiguration>`;
}

function putRule(bucket: string, body: string) {
  return raw(emu, { method: 'POST', bucket, query: [['replication', undefined], ['comp', 'add']], body });
}

async function buckets(...names: string[]): Promise<void> {
  for (const n of names) await client.putBucket({ bucket: n });
}

async function text(c: OssClient, bucket: string, key: string): Promise<string> {
  const got = await c.getObject({ bucket, key });
  return (await got.content()).toString();
}

async function missing(c: OssClient, bucket: string, key: string): Promise<boolean> {
  const res = await raw(emu, { method: 'HEAD', bucket, key, region: c === beijing ? 'cn-beijing' : undefined });
  return res.status === 404;
}

describe('the rule documents', () => {
  it('404 NoSuchReplicationConfiguration before any rule; a put answers the rule id; the get shows it starting', async () => {
    await buckets('rp-doc-src', 'rp-doc-dst');
    const none = await raw(emu, { method: 'GET', bucket: 'rp-doc-src', query: [['replication', undefined]] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchReplicationConfiguration']);
    const put = await client.putBucketReplication({
      bucket: 'rp-doc-src',
      replicationConfiguration: {
        rules: [
          {
            prefixSet: { prefixs: ['aaa/', 'bbb/'] },
            action: 'ALL',
            destination: { bucket: 'rp-doc-dst', location: 'oss-cn-hangzhou', transferType: 'oss_acc' },
            historicalObjectReplication: 'disabled',
            syncRole: 'aliyunramrole',
            sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
            encryptionConfiguration: { replicaKmsKeyId: 'replica-key' },
            rtc: { status: 'disabled' },
          },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    expect(put.replicationRuleId).toMatch(/^[0-9a-f-]{36}$/);
    const info = await raw(emu, { method: 'GET', bucket: 'rp-doc-src', query: [['bucketInfo', undefined]] });
    expect(xmlValue(info.text, 'CrossRegionReplication')).toBe('Enabled');
    const got = await client.getBucketReplication({ bucket: 'rp-doc-src' });
    const rule = got.replicationConfiguration.rules![0]!;
    expect(rule).toMatchObject({
      id: put.replicationRuleId,
      prefixSet: { prefixs: ['aaa/', 'bbb/'] },
      action: 'ALL',
      destination: { bucket: 'rp-doc-dst', location: 'oss-cn-hangzhou', transferType: 'oss_acc' },
      status: 'starting',
      historicalObjectReplication: 'disabled',
      syncRole: 'aliyunramrole',
      sourceSelectionCriteria: { sseKmsEncryptedObjects: { status: 'Enabled' } },
      encryptionConfiguration: { replicaKmsKeyId: 'replica-key' },
      rtc: { status: 'disabled' },
    });
    // RTC on; the location lists the served regions.
    await client.putBucketRtc({ bucket: 'rp-doc-src', rtcConfiguration: { id: rule.id, rtc: { status: 'enabled' } } });
    expect((await client.getBucketReplication({ bucket: 'rp-doc-src' })).replicationConfiguration.rules![0]!.rtc).toEqual({ status: 'enabled' });
    const loc = await client.getBucketReplicationLocation({ bucket: 'rp-doc-src' });
    expect(loc.replicationLocation.locations).toEqual(['oss-cn-beijing', 'oss-cn-hangzhou']);
    expect(loc.replicationLocation.locationTransferTypeConstraint?.locationTransferTypes).toEqual([
      { location: 'oss-cn-beijing', transferTypes: { types: ['oss_acc'] } },
    ]);
  });

  it('defaults: Action ALL, historical enabled, TransferType internal not echoed; without SyncRole no KMS settings', async () => {
    await buckets('rp-def-src', 'rp-def-dst');
    const put = await putRule(
      'rp-def-src',
      ruleXml('rp-def-dst', '<ID>r1</ID><SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled</Status></SseKmsEncryptedObjects></SourceSelectionCriteria><EncryptionConfiguration><ReplicaKmsKeyID>k</ReplicaKmsKeyID></EncryptionConfiguration>'),
    );
    expect([put.status, put.headers.get('x-oss-replication-rule-id')]).toEqual([200, 'r1']);
    const got = await raw(emu, { method: 'GET', bucket: 'rp-def-src', query: [['replication', undefined]] });
    expect(got.text).toContain(
      '<Rule><ID>r1</ID><Action>ALL</Action><Destination><Bucket>rp-def-dst</Bucket><Location>oss-cn-hangzhou</Location></Destination>' +
        '<Status>starting</Status><HistoricalObjectReplication>enabled</HistoricalObjectReplication></Rule>',
    );
  });

  it("OSS's refusals, each changing nothing", async () => {
    await buckets('rp-bad-src', 'rp-bad-dst');
    const cases: [string, number, string, string?][] = [
      ['<Rule/>', 400, 'MalformedXML', '0031-00000001'],
      [ruleXml('rp-bad-dst', '<Action>SET</Action>'), 400, 'InvalidArgument', '0031-00000023'],
      [ruleXml('rp-bad-dst', '<HistoricalObjectReplication>open</HistoricalObjectReplication>'), 400, 'InvalidArgument', '0031-00000011'],
      [ruleXml('rp-bad-dst', '<PrefixSet><Prefix>a</Prefix><Prefix>a/b</Prefix></PrefixSet>'), 400, 'InvalidArgument', '0031-00000019'],
      [ruleXml('bad_name'), 400, 'InvalidArgument', '0031-00000101'],
      [ruleXml('rp-bad-dst', '', 'oss-mars-1'), 400, 'BadReplicationLocation'],
      [ruleXml('rp-bad-src'), 400, 'InvalidArgument'],
      [ruleXml('rp-nowhere'), 404, 'NoSuchBucket'],
      // The destination exists, but not in the Location named.
      [ruleXml('rp-bad-dst', '', 'oss-cn-beijing'), 404, 'NoSuchBucket'],
      [
        ruleXml('rp-bad-dst', '<SyncRole>r</SyncRole><SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled</Status></SseKmsEncryptedObjects></SourceSelectionCriteria><EncryptionConfiguration/>'),
        400,
        'InvalidArgument',
        '0031-00000033',
      ],
    ];
    for (const [body, status, code, ec] of cases) {
      const res = await putRule('rp-bad-src', body);
      expect([res.status, errorCode(res)], body).toEqual([status, code]);
      if (ec !== undefined) expect(xmlValue(res.text, 'EC'), body).toBe(ec);
    }
    const none = await raw(emu, { method: 'GET', bucket: 'rp-bad-src', query: [['replication', undefined]] });
    expect(none.status).toBe(404);
    // One rule between two buckets (EC 0031-00000044).
    expect((await putRule('rp-bad-src', ruleXml('rp-bad-dst'))).status).toBe(200);
    const again = await putRule('rp-bad-src', ruleXml('rp-bad-dst', '<ID>other</ID>'));
    expect([again.status, errorCode(again), xmlValue(again.text, 'EC')]).toEqual([400, 'BucketReplicationAlreadyExist', '0031-00000044']);
  });

  it('progress: NoSuchReplicationRule for an unknown id (also without rules); starting, then doing with NewObject', async () => {
    await buckets('rp-prog-src', 'rp-prog-dst');
    const unknown = await raw(emu, { method: 'GET', bucket: 'rp-prog-src', query: [['replicationProgress', undefined], ['rule-id', 'nope']] });
    expect([unknown.status, errorCode(unknown)]).toEqual([404, 'NoSuchReplicationRule']);
    await putRule('rp-prog-src', ruleXml('rp-prog-dst', '<ID>p1</ID><PrefixSet><Prefix>x/</Prefix></PrefixSet>'));
    const before = await client.getBucketReplicationProgress({ bucket: 'rp-prog-src', ruleId: 'p1' });
    expect(before.replicationProgress.rules![0]).toMatchObject({ id: 'p1', status: 'starting', progress: { historicalObject: '0.00' } });
    expect(before.replicationProgress.rules![0]!.progress!.newObject).toBeUndefined();
    await run();
    const after = await client.getBucketReplicationProgress({ bucket: 'rp-prog-src', ruleId: 'p1' });
    expect(after.replicationProgress.rules![0]).toMatchObject({ status: 'doing', prefixSet: { prefixs: ['x/'] }, progress: { historicalObject: '1.00' } });
    expect(after.replicationProgress.rules![0]!.progress!.newObject).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
  });

  it('delete: the rule reads closing, replicates nothing more, and is gone after the next run', async () => {
    await buckets('rp-del-src', 'rp-del-dst');
    await putRule('rp-del-src', ruleXml('rp-del-dst', '<ID>d1</ID>'));
    const unknown = await client.deleteBucketReplication({ bucket: 'rp-del-src', replicationRules: { ids: ['nope'] } }).catch((e) => e);
    expect(unknown.code).toBe('NoSuchReplicationRule');
    const del = await client.deleteBucketReplication({ bucket: 'rp-del-src', replicationRules: { ids: ['d1'] } });
    expect(del.statusCode).toBe(200);
    expect((await client.getBucketReplication({ bucket: 'rp-del-src' })).replicationConfiguration.rules![0]!.status).toBe('closing');
    await client.putObject({ bucket: 'rp-del-src', key: 'after-close', body: 'x' });
    await run();
    expect(await missing(client, 'rp-del-dst', 'after-close')).toBe(true);
    const gone = await raw(emu, { method: 'GET', bucket: 'rp-del-src', query: [['replication', undefined]] });
    expect([gone.status, errorCode(gone)]).toEqual([404, 'NoSuchReplicationConfiguration']);
  });
});

describe('objects replicated', () => {
  it('historical and new objects, asynchronously, with the same bytes, ETag, CRC-64, metadata and tags; only under the prefixes', async () => {
    await buckets('rp-obj-src', 'rp-obj-dst');
    const old = await client.putObject({ bucket: 'rp-obj-src', key: 'docs/old.txt', body: 'old bytes', metadata: { a: '1' }, tagging: 'k=v' });
    await client.putObject({ bucket: 'rp-obj-src', key: 'other/skip.txt', body: 'not replicated' });
    await putRule('rp-obj-src', ruleXml('rp-obj-dst', '<PrefixSet><Prefix>docs/</Prefix></PrefixSet>'));
    const fresh = await client.putObject({ bucket: 'rp-obj-src', key: 'docs/new.txt', body: 'new bytes', contentType: 'text/plain' });
    // Nothing is there before the run: replication is asynchronous.
    expect(await missing(client, 'rp-obj-dst', 'docs/new.txt')).toBe(true);
    const report = await run();
    expect(report.replicated).toBe(2);
    expect(await text(client, 'rp-obj-dst', 'docs/old.txt')).toBe('old bytes');
    expect(await text(client, 'rp-obj-dst', 'docs/new.txt')).toBe('new bytes');
    const head = await client.headObject({ bucket: 'rp-obj-dst', key: 'docs/old.txt' });
    expect([head.etag, head.hashCrc64, head.metadata, head.taggingCount]).toEqual([old.etag, old.hashCrc64, { a: '1' }, 1]);
    const headNew = await client.headObject({ bucket: 'rp-obj-dst', key: 'docs/new.txt' });
    expect([headNew.etag, headNew.hashCrc64]).toEqual([fresh.etag, fresh.hashCrc64]);
    expect(await missing(client, 'rp-obj-dst', 'other/skip.txt')).toBe(true);
  });

  it('to another region of this process; a multipart object keeps its ETag', async () => {
    await client.putBucket({ bucket: 'rp-geo-src' });
    await beijing.putBucket({ bucket: 'rp-geo-dst' });
    await putRule('rp-geo-src', ruleXml('rp-geo-dst', '<HistoricalObjectReplication>disabled</HistoricalObjectReplication>', 'oss-cn-beijing'));
    const init = await client.initiateMultipartUpload({ bucket: 'rp-geo-src', key: 'big' });
    const part = await client.uploadPart({ bucket: 'rp-geo-src', key: 'big', uploadId: init.uploadId!, partNumber: 1, body: Buffer.alloc(1024, 7) });
    const done = await client.completeMultipartUpload({
      bucket: 'rp-geo-src',
      key: 'big',
      uploadId: init.uploadId!,
      parts: [{ partNumber: 1, etag: part.etag! }],
    });
    await run();
    const head = await beijing.headObject({ bucket: 'rp-geo-dst', key: 'big' });
    expect(head.etag).toBe(done.etag);
    expect(head.etag).toMatch(/-1"$/);
  });

  it('to a bucket named oss-… created virtual-hosted at oss-<region>.aliyuncs.com (oss2 live tests name theirs so)', async () => {
    await client.putBucket({ bucket: 'oss-rp-src' });
    const made = await raw(emu, { method: 'PUT', bucket: 'oss-rp-dst', region: 'cn-beijing', virtualHost: true });
    expect(made.status).toBe(200);
    const loc = await raw(emu, { method: 'GET', bucket: 'oss-rp-dst', region: 'cn-beijing', virtualHost: true, query: [['location', undefined]] });
    expect(xmlValue(loc.text, 'LocationConstraint')).toBe('oss-cn-beijing');
    expect((await putRule('oss-rp-src', ruleXml('oss-rp-dst', '', 'oss-cn-beijing'))).status).toBe(200);
  });

  it('Action ALL replicates an unversioned delete; Action PUT does not', async () => {
    await buckets('rp-all-src', 'rp-all-dst', 'rp-put-src', 'rp-put-dst');
    await putRule('rp-all-src', ruleXml('rp-all-dst'));
    await putRule('rp-put-src', ruleXml('rp-put-dst', '<Action>PUT</Action>'));
    for (const b of ['rp-all-src', 'rp-put-src']) await client.putObject({ bucket: b, key: 'k', body: 'v' });
    await run();
    expect(await text(client, 'rp-all-dst', 'k')).toBe('v');
    expect(await text(client, 'rp-put-dst', 'k')).toBe('v');
    for (const b of ['rp-all-src', 'rp-put-src']) await client.deleteObject({ bucket: b, key: 'k' });
    await run();
    expect(await missing(client, 'rp-all-dst', 'k')).toBe(true);
    expect(await text(client, 'rp-put-dst', 'k')).toBe('v');
  });

  it('versioned buckets: the replica keeps the version id; a delete marker is replicated by PUT, a version delete only by ALL', async () => {
    await buckets('rp-ver-src', 'rp-ver-dst');
    for (const b of ['rp-ver-src', 'rp-ver-dst']) await client.putBucketVersioning({ bucket: b, versioningConfiguration: { status: 'Enabled' } });
    await putRule('rp-ver-src', ruleXml('rp-ver-dst', '<Action>PUT</Action>'));
    const v1 = await client.putObject({ bucket: 'rp-ver-src', key: 'k', body: 'one' });
    const v2 = await client.putObject({ bucket: 'rp-ver-src', key: 'k', body: 'two' });
    await run();
    const head = await client.headObject({ bucket: 'rp-ver-dst', key: 'k' });
    expect(head.versionId).toBe(v2.versionId);
    expect(await text(client, 'rp-ver-dst', 'k')).toBe('two');
    await client.deleteObject({ bucket: 'rp-ver-src', key: 'k' }); // a delete marker
    await client.deleteObject({ bucket: 'rp-ver-src', key: 'k', versionId: v1.versionId! });
    await run();
    expect(await missing(client, 'rp-ver-dst', 'k')).toBe(true); // the marker
    const kept = await client.headObject({ bucket: 'rp-ver-dst', key: 'k', versionId: v1.versionId! });
    expect(kept.versionId).toBe(v1.versionId); // the version delete was not replicated by PUT
  });

  it('an unversioned source into a versioned destination: each write of a key lands as a new version there', async () => {
    await buckets('rp-mix-src', 'rp-mix-dst');
    await client.putBucketVersioning({ bucket: 'rp-mix-dst', versioningConfiguration: { status: 'Enabled' } });
    await putRule('rp-mix-src', ruleXml('rp-mix-dst'));
    await client.putObject({ bucket: 'rp-mix-src', key: 'k', body: 'one' });
    await run();
    await client.putObject({ bucket: 'rp-mix-src', key: 'k', body: 'two' });
    const report = await run();
    expect(report.failed).toBe(0);
    expect(await text(client, 'rp-mix-dst', 'k')).toBe('two');
    const versions = await raw(emu, { method: 'GET', bucket: 'rp-mix-dst', query: [['versions', undefined]] });
    expect(versions.text.match(/<Version>/g)).toHaveLength(2);
    expect(versions.text).not.toContain('<VersionId>null</VersionId>');
  });

  it('PutObjectACL is replicated (one of the PUT operations); tag changes are not', async () => {
    await buckets('rp-acl-src', 'rp-acl-dst');
    for (const b of ['rp-acl-src', 'rp-acl-dst']) await allowPublicAccess(emu, b); // a new bucket's block is on (§14.15)
    await putRule('rp-acl-src', ruleXml('rp-acl-dst'));
    await client.putObject({ bucket: 'rp-acl-src', key: 'k', body: 'v' });
    await run();
    await client.putObjectAcl({ bucket: 'rp-acl-src', key: 'k', acl: 'public-read' });
    // Not before the run.
    expect((await client.getObjectAcl({ bucket: 'rp-acl-dst', key: 'k' })).acl).toBe('default');
    await run();
    expect((await client.getObjectAcl({ bucket: 'rp-acl-dst', key: 'k' })).acl).toBe('public-read');
  });

  it('SSE-KMS objects only when SseKmsEncryptedObjects is Enabled, encrypted under ReplicaKmsKeyID', async () => {
    await buckets('rp-kms-src', 'rp-kms-dst', 'rp-nokms-src', 'rp-nokms-dst');
    await putRule(
      'rp-kms-src',
      ruleXml(
        'rp-kms-dst',
        '<SyncRole>role</SyncRole><SourceSelectionCriteria><SseKmsEncryptedObjects><Status>Enabled</Status></SseKmsEncryptedObjects></SourceSelectionCriteria><EncryptionConfiguration><ReplicaKmsKeyID>replica-key</ReplicaKmsKeyID></EncryptionConfiguration>',
      ),
    );
    await putRule('rp-nokms-src', ruleXml('rp-nokms-dst'));
    for (const b of ['rp-kms-src', 'rp-nokms-src']) {
      await client.putObject({ bucket: b, key: 'secret', body: 'sealed', serverSideEncryption: 'KMS' });
      await client.putObject({ bucket: b, key: 'plain', body: 'open' });
    }
    await run();
    expect(await text(client, 'rp-kms-dst', 'secret')).toBe('sealed');
    const head = await client.headObject({ bucket: 'rp-kms-dst', key: 'secret' });
    expect([head.serverSideEncryption, head.serverSideEncryptionKeyId]).toEqual(['KMS', 'replica-key']);
    expect(await missing(client, 'rp-nokms-dst', 'secret')).toBe(true);
    expect(await text(client, 'rp-nokms-dst', 'plain')).toBe('open');
  });
});
