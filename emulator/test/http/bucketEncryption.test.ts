// Bucket default encryption (behaviour §14.5): the rule's document, GetBucketInfo's ServerSideEncryptionRule, and
// the rule applied to every new object by each write API (the request's own SSE headers winning), through raw HTTP,
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

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
});
afterAll(() => emu.close());

function ruleXml(algorithm: string, keyId?: string, data?: string): string {
  return (
    '<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault>' +
    `<SSEAlgorithm>${algorithm}</SSEAlgorithm>` +
    (keyId !== undefined ? `<KMSMasterKeyID>${keyId}</KMSMasterKeyID>` : '') +
    (data !== undefined ? `<KMSDataEncryption>${data}</KMSDataEncryption>` : '') +
    '</ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>'
  );
}

async function setRule(bucket: string, algorithm: string, keyId?: string, data?: string): Promise<void> {
  const res = await raw(emu, { method: 'PUT', bucket, query: [['encryption', undefined]], body: ruleXml(algorithm, keyId, data) });
  expect(res.status).toBe(200);
}

/** The SSE headers of a HEAD. */
async function sse(bucket: string, key: string): Promise<[string | null, string | null, string | null]> {
  const h = (await raw(emu, { method: 'HEAD', bucket, key })).headers;
  return [h.get('x-oss-server-side-encryption'), h.get('x-oss-server-side-encryption-key-id'), h.get('x-oss-server-side-data-encryption')];
}

/** Whether the object's stored chunks are sealed under a KMS data key (store/contentWriter.ts). */
function sealed(bucket: string, key: string): boolean {
  const o = emu.store.objects.current(bucket, key)!;
  const row = emu.store.db
    .prepare('SELECT count(*) AS n, count(c.data_key_id) AS sealed FROM extents e JOIN chunks c ON c.id = e.chunk_id WHERE e.content_id = ?')
    .get(o.contentId) as { n: number; sealed: number };
  return row.n > 0 && row.sealed === row.n;
}

describe('the rule document', () => {
  it('404 NoSuchServerSideEncryptionRule before one; read back in order; 204 on delete', async () => {
    await client.putBucket({ bucket: 'enc-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'enc-doc', query: [['encryption', undefined]] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchServerSideEncryptionRule']);
    // PY2 live test_bucket_encryption: KMS + SM4 under a key id that names no key is accepted.
    await client.putBucketEncryption({
      bucket: 'enc-doc',
      serverSideEncryptionRule: { applyServerSideEncryptionByDefault: { sseAlgorithm: 'KMS', kmsMasterKeyId: '0022012****', kmsDataEncryption: 'SM4' } },
    });
    const res = await raw(emu, { method: 'GET', bucket: 'enc-doc', query: [['encryption', undefined]] });
    expect(res.text).toContain(
      '<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault><SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>0022012****</KMSMasterKeyID><KMSDataEncryption>SM4</KMSDataEncryption></ApplyServerSideEncryptionByDefault></ServerSideEncryptionRule>',
    );
    expect((await client.deleteBucketEncryption({ bucket: 'enc-doc' })).statusCode).toBe(204);
    const gone = await client.getBucketEncryption({ bucket: 'enc-doc' }).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(OssServiceError);
    expect((gone as OssServiceError).code).toBe('NoSuchServerSideEncryptionRule');
  });

  it('refusals as oss2 live test_bucket_encryption_wrong captures them; KMS with an empty key id is accepted', async () => {
    await client.putBucket({ bucket: 'enc-wrong' });
    const before = snapshot(emu);
    const put = (body: string) => raw(emu, { method: 'PUT', bucket: 'enc-wrong', query: [['encryption', undefined]], body });
    const aesWithKey = await put(ruleXml('AES256', 'test'));
    expect([aesWithKey.status, errorCode(aesWithKey)]).toEqual([400, 'InvalidArgument']);
    const random = await put(ruleXml('random', ''));
    expect([random.status, errorCode(random)]).toEqual([400, 'InvalidEncryptionAlgorithmError']);
    const badData = await put(ruleXml('KMS', undefined, 'AES'));
    expect([badData.status, errorCode(badData)]).toEqual([400, 'InvalidDataEncryptionAlgorithmError']);
    const noAlgorithm = await put('<ServerSideEncryptionRule><ApplyServerSideEncryptionByDefault/></ServerSideEncryptionRule>');
    expect([noAlgorithm.status, errorCode(noAlgorithm)]).toEqual([400, 'MalformedXML']);
    expect(snapshot(emu)).toBe(before);
    await setRule('enc-wrong', 'KMS', '');
    const got = await client.getBucketEncryption({ bucket: 'enc-wrong' });
    expect(got.serverSideEncryptionRule.applyServerSideEncryptionByDefault).toEqual({ sseAlgorithm: 'KMS' });
  });

  it('GetBucketInfo reports the rule (oss2 live test_bucket_encryption), None without one', async () => {
    await client.putBucket({ bucket: 'enc-info' });
    expect((await client.getBucketInfo({ bucket: 'enc-info' })).bucketInfo.sseRule?.sseAlgorithm).toBe('None');
    await setRule('enc-info', 'AES256');
    expect((await client.getBucketInfo({ bucket: 'enc-info' })).bucketInfo.sseRule).toEqual({ sseAlgorithm: 'AES256' });
    await setRule('enc-info', 'KMS', '123', 'SM4');
    expect((await client.getBucketInfo({ bucket: 'enc-info' })).bucketInfo.sseRule).toEqual({
      sseAlgorithm: 'KMS',
      kmsMasterKeyId: '123',
      kmsDataEncryption: 'SM4',
    });
  });

  it('ali-oss putBucketEncryption / getBucketEncryption / deleteBucketEncryption', async () => {
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    await ali.putBucket('enc-ali');
    await ali.putBucketEncryption('enc-ali', { SSEAlgorithm: 'AES256' });
    expect((await ali.getBucketEncryption('enc-ali')).encryption).toEqual({ SSEAlgorithm: 'AES256' });
    ali.useBucket('enc-ali');
    const put = await ali.put('k', Buffer.from('bytes'));
    expect(put.res.headers['x-oss-server-side-encryption']).toBe('AES256');
    expect((await ali.deleteBucketEncryption('enc-ali')).status).toBe(204);
  });
});

describe('the rule applied to new objects', () => {
  const bucket = 'enc-apply';
  const plain = 'enc-plain';
  beforeAll(async () => {
    await client.putBucket({ bucket });
    await client.putBucket({ bucket: plain });
    await client.putObject({ bucket: plain, key: 'src.txt', body: 'source bytes' });
  });

  it('PutObject: the default rule, in the answer and on HEAD; the request’s own headers win', async () => {
    await setRule(bucket, 'AES256');
    const put = await raw(emu, { method: 'PUT', bucket, key: 'aes.txt', body: 'x' });
    expect(put.headers.get('x-oss-server-side-encryption')).toBe('AES256');
    expect(await sse(bucket, 'aes.txt')).toEqual(['AES256', null, null]);
    const own = await raw(emu, { method: 'PUT', bucket, key: 'sm4.txt', body: 'x', headers: { 'x-oss-server-side-encryption': 'SM4' } });
    expect(own.headers.get('x-oss-server-side-encryption')).toBe('SM4');
    expect(await sse(bucket, 'sm4.txt')).toEqual(['SM4', null, null]);
  });

  it('a KMS rule seals the bytes under its key, and they read back', async () => {
    await setRule(bucket, 'KMS', 'bucket-key', 'SM4');
    const put = await client.putObject({ bucket, key: 'kms.txt', body: 'secret bytes' });
    expect(put.headers['x-oss-server-side-encryption-key-id']).toBe('bucket-key');
    expect(await sse(bucket, 'kms.txt')).toEqual(['KMS', 'bucket-key', 'SM4']);
    expect(sealed(bucket, 'kms.txt')).toBe(true);
    expect((await raw(emu, { method: 'GET', bucket, key: 'kms.txt' })).text).toBe('secret bytes');
  });

  it('CopyObject: a copy of an unencrypted object into a default-encrypted bucket is encrypted (re-sealed for KMS)', async () => {
    await setRule(bucket, 'KMS', 'bucket-key');
    const copy = await client.copyObject({ bucket, key: 'copied.txt', sourceBucket: plain, sourceKey: 'src.txt' });
    expect(copy.headers['x-oss-server-side-encryption']).toBe('KMS');
    expect(await sse(bucket, 'copied.txt')).toEqual(['KMS', 'bucket-key', null]);
    expect(sealed(bucket, 'copied.txt')).toBe(true);
    expect(sealed(plain, 'src.txt')).toBe(false);
    expect((await raw(emu, { method: 'GET', bucket, key: 'copied.txt' })).text).toBe('source bytes');
    // The copy's own header wins.
    const own = await raw(emu, {
      method: 'PUT',
      bucket,
      key: 'copied-aes.txt',
      headers: { 'x-oss-copy-source': `/${plain}/src.txt`, 'x-oss-server-side-encryption': 'AES256' },
    });
    expect(own.headers.get('x-oss-server-side-encryption')).toBe('AES256');
    expect(await sse(bucket, 'copied-aes.txt')).toEqual(['AES256', null, null]);
  });

  it('multipart: the rule at initiation is the object’s', async () => {
    await setRule(bucket, 'KMS', 'bucket-key');
    const init = await client.initiateMultipartUpload({ bucket, key: 'mp.bin' });
    expect(init.headers['x-oss-server-side-encryption']).toBe('KMS');
    const part = await client.uploadPart({ bucket, key: 'mp.bin', uploadId: init.uploadId!, partNumber: 1, body: 'part one' });
    const done = await client.completeMultipartUpload({
      bucket,
      key: 'mp.bin',
      uploadId: init.uploadId!,
      parts: [{ partNumber: 1, etag: part.etag! }],
    });
    expect(done.headers['x-oss-server-side-encryption']).toBe('KMS');
    expect(await sse(bucket, 'mp.bin')).toEqual(['KMS', 'bucket-key', null]);
    expect(sealed(bucket, 'mp.bin')).toBe(true);
  });

  it('AppendObject: the first append takes the rule; later appends keep the object’s encryption', async () => {
    await setRule(bucket, 'KMS', 'bucket-key');
    const first = await raw(emu, { method: 'POST', bucket, key: 'log', query: [['append', undefined], ['position', '0']], body: 'one' });
    expect(first.headers.get('x-oss-server-side-encryption')).toBe('KMS');
    await client.deleteBucketEncryption({ bucket });
    await raw(emu, { method: 'POST', bucket, key: 'log', query: [['append', undefined], ['position', '3']], body: 'two' });
    expect(await sse(bucket, 'log')).toEqual(['KMS', 'bucket-key', null]);
    expect(sealed(bucket, 'log')).toBe(true);
    expect((await raw(emu, { method: 'GET', bucket, key: 'log' })).text).toBe('onetwo');
    // An unencrypted appendable object stays unencrypted when a rule appears.
    await raw(emu, { method: 'POST', bucket, key: 'plain-log', query: [['append', undefined], ['position', '0']], body: 'a' });
    await setRule(bucket, 'KMS', 'bucket-key');
    await raw(emu, { method: 'POST', bucket, key: 'plain-log', query: [['append', undefined], ['position', '1']], body: 'b' });
    expect(await sse(bucket, 'plain-log')).toEqual([null, null, null]);
    expect(sealed(bucket, 'plain-log')).toBe(false);
  });

  it('deleting the rule leaves existing objects encrypted and new ones plain', async () => {
    await setRule(bucket, 'AES256');
    await client.putObject({ bucket, key: 'before.txt', body: 'x' });
    await client.deleteBucketEncryption({ bucket });
    await client.putObject({ bucket, key: 'after.txt', body: 'x' });
    expect((await sse(bucket, 'before.txt'))[0]).toBe('AES256');
    expect((await sse(bucket, 'after.txt'))[0]).toBeNull();
  });
});

describe("PutBucket's SSE headers", () => {
  it('set the new bucket default rule: GetBucketEncryption, GetBucketInfo and new objects show it', async () => {
    const made = await raw(emu, {
      method: 'PUT',
      bucket: 'enc-hdr-kms',
      headers: {
        'x-oss-server-side-encryption': 'KMS',
        'x-oss-server-side-data-encryption': 'SM4',
        'x-oss-server-side-encryption-key-id': '9468da86-3509-4f8d-a61e-6eab1eac',
      },
    });
    expect(made.status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'enc-hdr-kms', query: [['encryption', undefined]] });
    expect(got.text).toContain(
      '<SSEAlgorithm>KMS</SSEAlgorithm><KMSMasterKeyID>9468da86-3509-4f8d-a61e-6eab1eac</KMSMasterKeyID><KMSDataEncryption>SM4</KMSDataEncryption>',
    );
    const info = await raw(emu, { method: 'GET', bucket: 'enc-hdr-kms', query: [['bucketInfo', undefined]] });
    expect(info.text).toContain('<SSEAlgorithm>KMS</SSEAlgorithm>');
    await raw(emu, { method: 'PUT', bucket: 'enc-hdr-sm4', headers: { 'x-oss-server-side-encryption': 'SM4' } });
    await client.putObject({ bucket: 'enc-hdr-sm4', key: 'o', body: 'x' });
    expect((await client.headObject({ bucket: 'enc-hdr-sm4', key: 'o' })).serverSideEncryption).toBe('SM4');
  });

  it('are refused as the document is, and no bucket is made', async () => {
    const bad = await raw(emu, { method: 'PUT', bucket: 'enc-hdr-bad', headers: { 'x-oss-server-side-encryption': 'DES' } });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'InvalidEncryptionAlgorithmError']);
    const key = await raw(emu, { method: 'PUT', bucket: 'enc-hdr-bad', headers: { 'x-oss-server-side-encryption': 'AES256', 'x-oss-server-side-encryption-key-id': 'k' } });
    expect([key.status, errorCode(key)]).toEqual([400, 'InvalidArgument']);
    const none = await raw(emu, { method: 'GET', bucket: 'enc-hdr-bad', query: [['bucketInfo', undefined]] });
    expect(none.status).toBe(404);
  });
});
