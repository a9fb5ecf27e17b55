// Multipart upload and UploadPartCopy over HTTP (behaviour §9.8; issue 6), including the >5 GiB copy rule built
// server-side from one small source: no byte is copied, so it costs nothing.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc64, crc64Combine } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const bucket = 'mp-bucket';
const KiB = 1024;
const MiB = 1024 * KiB;

beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket });
  await raw(emu, { method: 'PUT', bucket: 'mp-other' });
});
afterAll(() => emu.close());

async function initiate(key: string, headers: Record<string, string> = {}, b = bucket): Promise<string> {
  const res = await raw(emu, { method: 'POST', bucket: b, key, query: [['uploads', undefined]], headers });
  expect(res.status).toBe(200);
  return xmlValue(res.text, 'UploadId')!;
}

const completeXml = (parts: [number, string][]) =>
  `<CompleteMultipartUpload>${parts.map(([n, e]) => `<Part><PartNumber>${n}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;

async function complete(key: string, uploadId: string, parts: [number, string][], b = bucket) {
  return raw(emu, { method: 'POST', bucket: b, key, query: [['uploadId', uploadId]], body: completeXml(parts) });
}

function partCopy(key: string, uploadId: string, n: number, source: string, range?: string, b = bucket) {
  const headers: Record<string, string> = { 'x-oss-copy-source': source };
  if (range) headers['x-oss-copy-source-range'] = range;
  return raw(emu, { method: 'PUT', bucket: b, key, query: [['partNumber', String(n)], ['uploadId', uploadId]], headers });
}

describe('multipart upload', () => {
  it('uploads parts, lists them, completes with the S3-style ETag, Multipart type and combined CRC-64', async () => {
    const a = Buffer.alloc(200 * KiB, 'a');
    const b = Buffer.from('tail');
    const id = await initiate('big.bin', { 'x-oss-meta-kind': 'multi', 'content-type': 'application/x-test' });
    const p1 = await raw(emu, { method: 'PUT', bucket, key: 'big.bin', query: [['partNumber', '1'], ['uploadId', id]], body: a });
    const p2 = await raw(emu, { method: 'PUT', bucket, key: 'big.bin', query: [['partNumber', '2'], ['uploadId', id]], body: b });
    expect(p1.headers.get('x-oss-hash-crc64ecma')).toBe(crc64(a).toString());
    const list = await raw(emu, { method: 'GET', bucket, key: 'big.bin', query: [['uploadId', id]] });
    expect(list.text.match(/<Part>/g)).toHaveLength(2);
    const uploads = await raw(emu, { method: 'GET', bucket, query: [['uploads', undefined]] });
    expect(xmlValue(uploads.text, 'UploadId')).toBe(id);

    const res = await complete('big.bin', id, [[1, p1.headers.get('etag')!], [2, p2.headers.get('etag')!]]);
    expect(res.status).toBe(200);
    const md5 = (x: Buffer) => createHash('md5').update(x).digest();
    const expected = createHash('md5').update(Buffer.concat([md5(a), md5(b)])).digest('hex').toUpperCase() + '-2';
    expect(xmlValue(res.text, 'ETag')).toBe(`"${expected}"`);
    // Also as a header (OSS2 unittests test_complete, a captured answer; corpus entry complete-py1u).
    expect(res.headers.get('etag')).toBe(`"${expected}"`);
    expect(res.headers.get('x-oss-hash-crc64ecma')).toBe(crc64(Buffer.concat([a, b])).toString());
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'big.bin' });
    expect(head.headers.get('x-oss-object-type')).toBe('Multipart');
    expect(head.headers.get('x-oss-meta-kind')).toBe('multi');
    expect(head.headers.get('content-type')).toBe('application/x-test');
    const get = await raw(emu, { method: 'GET', bucket, key: 'big.bin' });
    expect(get.body.equals(Buffer.concat([a, b]))).toBe(true);
    expect(errorCode(await raw(emu, { method: 'GET', bucket, key: 'big.bin', query: [['uploadId', id]] }))).toBe('NoSuchUpload');
  });

  it('refuses bad part lists: InvalidPartOrder, InvalidPart, EntityTooSmall; abort releases the upload', async () => {
    const id = await initiate('bad.bin');
    const small = await raw(emu, { method: 'PUT', bucket, key: 'bad.bin', query: [['partNumber', '1'], ['uploadId', id]], body: 'x' });
    const second = await raw(emu, { method: 'PUT', bucket, key: 'bad.bin', query: [['partNumber', '2'], ['uploadId', id]], body: 'y' });
    const e1 = small.headers.get('etag')!;
    const e2 = second.headers.get('etag')!;
    expect(errorCode(await complete('bad.bin', id, [[2, e2], [1, e1]]))).toBe('InvalidPartOrder');
    expect(errorCode(await complete('bad.bin', id, [[1, '"00"']]))).toBe('InvalidPart');
    expect(errorCode(await complete('bad.bin', id, [[1, e1], [2, e2]]))).toBe('EntityTooSmall');
    const badNumber = await raw(emu, { method: 'PUT', bucket, key: 'bad.bin', query: [['partNumber', '10001'], ['uploadId', id]], body: 'z' });
    expect(errorCode(badNumber)).toBe('InvalidArgument');
    expect((await raw(emu, { method: 'DELETE', bucket, key: 'bad.bin', query: [['uploadId', id]] })).status).toBe(204);
    expect(errorCode(await complete('bad.bin', id, [[1, e1]]))).toBe('NoSuchUpload');
    expect((await raw(emu, { method: 'GET', bucket, key: 'bad.bin' })).status).toBe(404);
  });

  it('ListParts reports the client-side encryption metadata the upload was initiated with (PY2 live test_encryption_client)', async () => {
    const cse = {
      'x-oss-meta-client-side-encryption-key': 'wrapped-key',
      'x-oss-meta-client-side-encryption-start': 'iv',
      'x-oss-meta-client-side-encryption-cek-alg': 'AES/CTR/NoPadding',
      'x-oss-meta-client-side-encryption-wrap-alg': 'RSA/NONE/PKCS1Padding',
      'x-oss-meta-client-side-encryption-data-size': '1048576',
      'x-oss-meta-client-side-encryption-part-size': '102400',
    };
    const uploadId = await initiate('cse.bin', cse);
    const list = await raw(emu, { method: 'GET', bucket, key: 'cse.bin', query: [['uploadId', uploadId]] });
    expect(xmlValue(list.text, 'ClientEncryptionKey')).toBe('wrapped-key');
    expect(xmlValue(list.text, 'ClientEncryptionStart')).toBe('iv');
    expect(xmlValue(list.text, 'ClientEncryptionCekAlg')).toBe('AES/CTR/NoPadding');
    expect(xmlValue(list.text, 'ClientEncryptionWrapAlg')).toBe('RSA/NONE/PKCS1Padding');
    expect(xmlValue(list.text, 'ClientEncryptionDataSize')).toBe('1048576');
    expect(xmlValue(list.text, 'ClientEncryptionPartSize')).toBe('102400');
    const plain = await initiate('plain.bin');
    const plainList = await raw(emu, { method: 'GET', bucket, key: 'plain.bin', query: [['uploadId', plain]] });
    expect(plainList.text).not.toContain('ClientEncryption');
  });

  it('refuses SSE headers on UploadPart with InvalidArgument (oss2 live test_server_side_encryotion test_multipart_upload)', async () => {
    const uploadId = await initiate('sse-part.bin', { 'x-oss-server-side-encryption': 'KMS' });
    const part = await raw(emu, {
      method: 'PUT',
      bucket,
      key: 'sse-part.bin',
      query: [['partNumber', '1'], ['uploadId', uploadId]],
      headers: { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-data-encryption': 'SM4' },
      body: 'x',
    });
    expect([part.status, errorCode(part)]).toEqual([400, 'InvalidArgument']);
    const list = await raw(emu, { method: 'GET', bucket, key: 'sse-part.bin', query: [['uploadId', uploadId]] });
    expect(list.text).not.toContain('<Part>');
    // Without them the part is stored, and the answer names the upload's encryption (docs/sdk-suites.md D4).
    const plain = await raw(emu, { method: 'PUT', bucket, key: 'sse-part.bin', query: [['partNumber', '1'], ['uploadId', uploadId]], body: 'x' });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('x-oss-server-side-encryption')).toBe('KMS');
    // CompleteMultipartUpload with SSE headers is refused as well, and the upload stays open.
    const done = await raw(emu, {
      method: 'POST',
      bucket,
      key: 'sse-part.bin',
      query: [['uploadId', uploadId]],
      headers: { 'x-oss-server-side-encryption': 'KMS' },
      body: completeXml([[1, plain.headers.get('etag')!]]),
    });
    expect([done.status, errorCode(done)]).toEqual([400, 'InvalidArgument']);
    expect((await raw(emu, { method: 'GET', bucket, key: 'sse-part.bin', query: [['uploadId', uploadId]] })).text).toContain('<Part>');
  });

  it('UploadPartCopy copies a range; the parts join into the source bytes', async () => {
    const src = Buffer.alloc(300 * KiB);
    for (let i = 0; i < src.length; i++) src[i] = (i * 31) & 0xff;
    await raw(emu, { method: 'PUT', bucket, key: 'src.bin', body: src });
    const id = await initiate('joined.bin');
    const c1 = await partCopy('joined.bin', id, 1, `/${bucket}/src.bin`, `bytes=0-${150 * KiB - 1}`);
    expect(c1.status).toBe(200);
    expect(c1.text).toContain('<CopyPartResult>');
    const c2 = await partCopy('joined.bin', id, 2, `/${bucket}/src.bin`, `bytes=${150 * KiB}-${300 * KiB - 1}`);
    const res = await complete('joined.bin', id, [[1, xmlValue(c1.text, 'ETag')!], [2, xmlValue(c2.text, 'ETag')!]]);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oss-hash-crc64ecma')).toBe(crc64(src).toString());
    expect((await raw(emu, { method: 'GET', bucket, key: 'joined.bin' })).body.equals(src)).toBe(true);
    const failed = await partCopy('joined.bin', id, 1, `/${bucket}/src.bin`);
    expect(errorCode(failed)).toBe('NoSuchUpload');
  });

  it('builds a 5.5 GiB object from one 1 MiB source; CopyObject to another bucket is EntityTooLarge, same bucket is fine', async () => {
    const unit = Buffer.alloc(MiB, 7);
    await raw(emu, { method: 'PUT', bucket, key: 'unit.bin', body: unit });
    // 1 GiB from 1024 copies of the 1 MiB source.
    const gib = await initiate('gib.bin');
    const parts: [number, string][] = [];
    for (let n = 1; n <= 1024; n++) {
      const res = await partCopy('gib.bin', gib, n, `/${bucket}/unit.bin`);
      parts.push([n, xmlValue(res.text, 'ETag')!]);
    }
    expect((await complete('gib.bin', gib, parts)).status).toBe(200);
    // 5.5 GiB from five whole copies of it and half of it again.
    const huge = await initiate('huge.bin');
    const hugeParts: [number, string][] = [];
    for (let n = 1; n <= 6; n++) {
      const res = await partCopy('huge.bin', huge, n, `/${bucket}/gib.bin`, n === 6 ? `bytes=0-${512 * MiB - 1}` : undefined);
      hugeParts.push([n, xmlValue(res.text, 'ETag')!]);
    }
    const done = await complete('huge.bin', huge, hugeParts);
    expect(done.status).toBe(200);
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'huge.bin' });
    expect(Number(head.headers.get('content-length'))).toBe(5.5 * 1024 * MiB);
    // The CRC of 5.5 GiB of 0x07 bytes, combined from the 1 MiB unit without touching the bytes.
    let expected = 0n;
    const unitCrc = crc64(unit);
    for (let i = 0; i < 5.5 * 1024; i++) expected = crc64Combine(expected, unitCrc, MiB);
    expect(head.headers.get('x-oss-hash-crc64ecma')).toBe(expected.toString());

    const cross = await raw(emu, { method: 'PUT', bucket: 'mp-other', key: 'huge-copy.bin', headers: { 'x-oss-copy-source': `/${bucket}/huge.bin` } });
    expect(cross.status).toBe(400);
    expect(errorCode(cross)).toBe('EntityTooLarge');
    expect(xmlValue(cross.text, 'Message')).toBe('Source object Length exceeds the maximum allowed size.');
    const same = await raw(emu, { method: 'PUT', bucket, key: 'huge-copy.bin', headers: { 'x-oss-copy-source': `/${bucket}/huge.bin` } });
    expect(same.status).toBe(200);
    expect(same.headers.get('x-oss-hash-crc64ecma')).toBe(expected.toString());
    const tail = await raw(emu, { method: 'GET', bucket, key: 'huge-copy.bin', headers: { range: `bytes=${5.5 * 1024 * MiB - 4}-` } });
    expect(tail.status).toBe(206);
    expect([...tail.body]).toEqual([7, 7, 7, 7]);
  }, 120_000);
});
