// The foundation APIs over HTTP with hand-signed requests: what each answer carries, byte for byte where OSS
// fixes it (behaviour §3, §9, §12).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64 } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  const res = await raw(emu, { method: 'PUT', bucket: 'objects' });
  expect(res.status).toBe(200);
});
afterAll(() => emu.close());

const md5 = (s: string | Buffer) => createHash('md5').update(s).digest();

describe('every response', () => {
  it('carries a 24-hex request id, Server: AliyunOSS and Date', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'objects', key: 'missing' });
    expect(res.headers.get('x-oss-request-id')).toMatch(/^[0-9A-F]{24}$/);
    expect(res.headers.get('server')).toBe('AliyunOSS');
    expect(Date.parse(res.headers.get('date')!)).not.toBeNaN();
  });

  it('answers GET /-/health with 200 without a signature', async () => {
    const res = await fetch(`${emu.url}/-/health`);
    expect(res.status).toBe(200);
  });
});

describe('PutObject / GetObject / HeadObject', () => {
  const body = 'hello world';

  it('stores bytes and answers ETag, Content-MD5 and the CRC-64', async () => {
    const put = await raw(emu, {
      method: 'PUT',
      bucket: 'objects',
      key: 'dir/hello.txt',
      body,
      headers: { 'content-type': 'text/plain', 'x-oss-meta-author': 'alice', 'cache-control': 'no-cache' },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get('etag')).toBe(`"${md5(body).toString('hex').toUpperCase()}"`);
    expect(put.headers.get('content-md5')).toBe(md5(body).toString('base64'));
    expect(put.headers.get('x-oss-hash-crc64ecma')).toBe('5981764153023615706');
    expect(put.headers.get('x-oss-version-id')).toBeNull(); // never-versioned bucket

    const get = await raw(emu, { method: 'GET', bucket: 'objects', key: 'dir/hello.txt' });
    expect(get.status).toBe(200);
    expect(get.text).toBe(body);
    expect(get.headers.get('content-type')).toBe('text/plain');
    expect(get.headers.get('x-oss-meta-author')).toBe('alice');
    expect(get.headers.get('cache-control')).toBe('no-cache');
    expect(get.headers.get('x-oss-object-type')).toBe('Normal');
    expect(get.headers.get('x-oss-storage-class')).toBe('Standard');
    expect(get.headers.get('x-oss-hash-crc64ecma')).toBe('5981764153023615706');

    const head = await raw(emu, { method: 'HEAD', bucket: 'objects', key: 'dir/hello.txt' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(body.length));
    expect(head.text).toBe('');
  });

  it('streams a multi-chunk object back intact, and serves ranges across chunk boundaries', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 123);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7 + (i >> 11)) & 0xff;
    const put = await raw(emu, { method: 'PUT', bucket: 'objects', key: 'big.bin', body: big });
    expect(put.headers.get('x-oss-hash-crc64ecma')).toBe(crc64(big).toString());
    const get = await raw(emu, { method: 'GET', bucket: 'objects', key: 'big.bin' });
    expect(get.body.equals(big)).toBe(true);
    const start = 1024 * 1024 - 10;
    const range = await raw(emu, {
      method: 'GET',
      bucket: 'objects',
      key: 'big.bin',
      headers: { range: `bytes=${start}-${start + 2 * 1024 * 1024}` },
    });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes ${start}-${start + 2 * 1024 * 1024}/${big.length}`);
    expect(range.body.equals(big.subarray(start, start + 2 * 1024 * 1024 + 1))).toBe(true);
  });

  it('ignores an out-of-range Range by default and refuses it with x-oss-range-behavior: standard', async () => {
    const whole = await raw(emu, { method: 'GET', bucket: 'objects', key: 'dir/hello.txt', headers: { range: 'bytes=100-200' } });
    expect(whole.status).toBe(200);
    expect(whole.text).toBe(body);
    const std = await raw(emu, {
      method: 'GET',
      bucket: 'objects',
      key: 'dir/hello.txt',
      headers: { range: 'bytes=100-200', 'x-oss-range-behavior': 'standard' },
    });
    expect(std.status).toBe(416);
    expect(errorCode(std)).toBe('InvalidRange');
  });

  it('applies If-Match / If-None-Match / If-Modified-Since', async () => {
    const etag = `"${md5(body).toString('hex').toUpperCase()}"`;
    const notModified = await raw(emu, { method: 'GET', bucket: 'objects', key: 'dir/hello.txt', headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    const failed = await raw(emu, { method: 'GET', bucket: 'objects', key: 'dir/hello.txt', headers: { 'if-match': '"0000"' } });
    expect(failed.status).toBe(412);
    expect(errorCode(failed)).toBe('PreconditionFailed');
    const future = new Date(Date.now() + 3600_000).toUTCString();
    const since = await raw(emu, { method: 'GET', bucket: 'objects', key: 'dir/hello.txt', headers: { 'if-modified-since': future } });
    expect(since.status).toBe(304);
  });

  it('overrides response headers with response-* parameters', async () => {
    const res = await raw(emu, {
      method: 'GET',
      bucket: 'objects',
      key: 'dir/hello.txt',
      query: [['response-content-type', 'application/json'], ['response-content-disposition', 'attachment']],
    });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('content-disposition')).toBe('attachment');
  });

  it('ignores x-oss-server-side-data-encryption unless the algorithm is KMS (oss2 live test_put_object_with_encryption)', async () => {
    const cases: [string | undefined, string | undefined][] = [['AES256', undefined], ['SM4', undefined], [undefined, undefined], ['KMS', 'SM4']];
    for (const [algorithm, expectedData] of cases) {
      const headers: Record<string, string> = { 'x-oss-server-side-data-encryption': 'SM4' };
      if (algorithm) headers['x-oss-server-side-encryption'] = algorithm;
      const put = await raw(emu, { method: 'PUT', bucket: 'objects', key: `sse-${algorithm ?? 'none'}`, headers, body: 'a' });
      expect(put.status, String(algorithm)).toBe(200);
      const head = await raw(emu, { method: 'HEAD', bucket: 'objects', key: `sse-${algorithm ?? 'none'}` });
      expect(head.headers.get('x-oss-server-side-encryption') ?? undefined, String(algorithm)).toBe(algorithm);
      expect(head.headers.get('x-oss-server-side-data-encryption') ?? undefined, String(algorithm)).toBe(expectedData);
    }
    const bad = await raw(emu, {
      method: 'PUT',
      bucket: 'objects',
      key: 'sse-bad',
      headers: { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-data-encryption': 'AES' },
      body: 'a',
    });
    expect(errorCode(bad)).toBe('InvalidDataEncryptionAlgorithmError');
  });

  it('refuses a wrong Content-MD5 with InvalidDigest and stores nothing', async () => {
    const res = await raw(emu, {
      method: 'PUT',
      bucket: 'objects',
      key: 'digest.txt',
      body: 'abc',
      headers: { 'content-md5': md5('abd').toString('base64') },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('InvalidDigest');
    const get = await raw(emu, { method: 'GET', bucket: 'objects', key: 'digest.txt' });
    expect(get.status).toBe(404);
  });

  it('answers NoSuchKey with the OSS error document, and on HEAD with x-oss-err', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'objects', key: 'no/such key' });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(res.headers.get('x-oss-ec')).toBe('0026-00000001');
    expect(xmlValue(res.text, 'Code')).toBe('NoSuchKey');
    expect(xmlValue(res.text, 'Message')).toBe('The specified key does not exist.');
    expect(xmlValue(res.text, 'Key')).toBe('no/such key');
    expect(xmlValue(res.text, 'RequestId')).toBe(res.headers.get('x-oss-request-id'));
    expect(xmlValue(res.text, 'EC')).toBe('0026-00000001');
    expect(res.text).not.toContain('xmlns');

    const head = await raw(emu, { method: 'HEAD', bucket: 'objects', key: 'no/such key' });
    expect(head.status).toBe(404);
    expect(head.text).toBe('');
    const doc = Buffer.from(head.headers.get('x-oss-err')!, 'base64').toString('utf8');
    expect(xmlValue(doc, 'Code')).toBe('NoSuchKey');
    expect(head.headers.get('x-oss-ec')).toBe('0026-00000001');
  });

  it('answers NoSuchBucket for a missing bucket', async () => {
    const res = await raw(emu, { method: 'PUT', bucket: 'no-such-bucket', key: 'a', body: 'x' });
    expect(res.status).toBe(404);
    expect(errorCode(res)).toBe('NoSuchBucket');
    expect(xmlValue(res.text, 'BucketName')).toBe('no-such-bucket');
  });
});

describe('GetObjectMeta, DeleteObject, DeleteMultipleObjects', () => {
  it('GetObjectMeta answers the short header set', async () => {
    await raw(emu, { method: 'PUT', bucket: 'objects', key: 'meta.txt', body: '123456789' });
    const res = await raw(emu, { method: 'HEAD', bucket: 'objects', key: 'meta.txt', query: [['objectMeta', undefined]] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('9');
    expect(res.headers.get('x-oss-hash-crc64ecma')).toBe('11051210869376104954');
    expect(res.headers.get('etag')).toMatch(/^"[0-9A-F]{32}"$/);
  });

  it('DeleteObject answers 204, also for a key that does not exist', async () => {
    await raw(emu, { method: 'PUT', bucket: 'objects', key: 'gone.txt', body: 'x' });
    expect((await raw(emu, { method: 'DELETE', bucket: 'objects', key: 'gone.txt' })).status).toBe(204);
    expect((await raw(emu, { method: 'GET', bucket: 'objects', key: 'gone.txt' })).status).toBe(404);
    expect((await raw(emu, { method: 'DELETE', bucket: 'objects', key: 'gone.txt' })).status).toBe(204);
  });

  it('DeleteMultipleObjects deletes, reports with encoding-type=url, and is silent in quiet mode', async () => {
    for (const key of ['m/a b', 'm/c+d']) await raw(emu, { method: 'PUT', bucket: 'objects', key, body: 'x' });
    const xml = '<Delete><Quiet>false</Quiet><Object><Key>m/a b</Key></Object><Object><Key>m/c+d</Key></Object></Delete>';
    const res = await raw(emu, {
      method: 'POST',
      bucket: 'objects',
      query: [['delete', undefined], ['encoding-type', 'url']],
      body: xml,
      headers: { 'content-md5': md5(xml).toString('base64') },
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('<EncodingType>url</EncodingType>');
    expect(res.text).toContain('<Key>m%2Fa%20b</Key>');
    expect(res.text).toContain('<Key>m%2Fc%2Bd</Key>');
    expect((await raw(emu, { method: 'GET', bucket: 'objects', key: 'm/a b' })).status).toBe(404);

    const quietXml = '<Delete><Quiet>true</Quiet><Object><Key>m/none</Key></Object></Delete>';
    const quiet = await raw(emu, {
      method: 'POST',
      bucket: 'objects',
      query: [['delete', undefined]],
      body: quietXml,
      headers: { 'content-md5': md5(quietXml).toString('base64') },
    });
    expect(quiet.status).toBe(200);
    expect(quiet.text).not.toContain('<Deleted>');
  });

  it('refuses malformed XML with MalformedXML and deletes nothing', async () => {
    await raw(emu, { method: 'PUT', bucket: 'objects', key: 'keep.txt', body: 'x' });
    const xml = '<Delete><Object><Key>keep.txt</Key></Object>';
    const res = await raw(emu, {
      method: 'POST',
      bucket: 'objects',
      query: [['delete', undefined]],
      body: xml,
      headers: { 'content-md5': md5(xml).toString('base64') },
    });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('MalformedXML');
    expect((await raw(emu, { method: 'GET', bucket: 'objects', key: 'keep.txt' })).status).toBe(200);
  });
});

describe('AppendObject', () => {
  it('appends at the right position, combines the CRC and refuses a wrong position', async () => {
    const first = await raw(emu, { method: 'POST', bucket: 'objects', key: 'log.txt', query: [['append', undefined], ['position', '0']], body: 'hello ' });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-oss-next-append-position')).toBe('6');
    const second = await raw(emu, { method: 'POST', bucket: 'objects', key: 'log.txt', query: [['append', undefined], ['position', '6']], body: 'world' });
    expect(second.headers.get('x-oss-next-append-position')).toBe('11');
    expect(second.headers.get('x-oss-hash-crc64ecma')).toBe('5981764153023615706');
    const wrong = await raw(emu, { method: 'POST', bucket: 'objects', key: 'log.txt', query: [['append', undefined], ['position', '3']], body: 'x' });
    expect(wrong.status).toBe(409);
    expect(errorCode(wrong)).toBe('PositionNotEqualToLength');
    expect(wrong.headers.get('x-oss-next-append-position')).toBe('11');
    const get = await raw(emu, { method: 'GET', bucket: 'objects', key: 'log.txt' });
    expect(get.text).toBe('hello world');
    expect(get.headers.get('x-oss-object-type')).toBe('Appendable');

    await raw(emu, { method: 'PUT', bucket: 'objects', key: 'normal.txt', body: 'x' });
    const notAppendable = await raw(emu, { method: 'POST', bucket: 'objects', key: 'normal.txt', query: [['append', undefined], ['position', '1']], body: 'y' });
    expect(notAppendable.status).toBe(409);
    expect(errorCode(notAppendable)).toBe('ObjectNotAppendable');
  });
});
