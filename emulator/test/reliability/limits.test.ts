// Issue 9 §2: every limit, at the boundary (the largest accepted value works) and one past it (OSS's own code,
// message and EC where the docs give them), and a refused request changes nothing. Each limit names its source.
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV4 } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, v4Now, xmlValue, type RawResponse } from '../http/support.js';

let emu: RunningEmulator;
const bucket = 'limits';

beforeAll(async () => {
  emu = await startTestEmulator();
  expect((await raw(emu, { method: 'PUT', bucket })).status).toBe(200);
});
afterAll(() => emu.close());

function errorOf(res: RawResponse): { status: number; code?: string; message?: string; ec?: string } {
  const xml = res.text || Buffer.from(res.headers.get('x-oss-err') ?? '', 'base64').toString('utf8');
  return { status: res.status, code: errorCode(res), message: xmlValue(xml, 'Message'), ec: xmlValue(xml, 'EC') ?? res.headers.get('x-oss-ec') ?? undefined };
}

async function absent(key: string): Promise<void> {
  expect((await raw(emu, { method: 'HEAD', bucket, key })).status, key).toBe(404);
}

/** Sends only the headers of a request that declares `contentLength` bytes, and returns the answer it gets first. */
function declare(key: string, query: [string, string | undefined][], contentLength: number): Promise<RawResponse> {
  const headers: Record<string, string> = { 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'x-oss-date': v4Now(), 'content-length': String(contentLength) };
  const signed = signV4({ method: 'PUT', bucket, key, query, headers }, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }, { region: emu.region, datetime: headers['x-oss-date']! });
  Object.assign(headers, signed.headers, { authorization: signed.authorization });
  const qs = query.map(([k, v]) => (v === undefined ? k : `${k}=${encodeURIComponent(v)}`)).join('&');
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}/${bucket}/${key}${qs ? '?' + qs : ''}`, { method: 'PUT', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const body = Buffer.concat(parts);
        const h = new Headers();
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h.set(k, Array.isArray(v) ? v.join(', ') : v);
        resolve({ status: res.statusCode ?? 0, headers: h, text: body.toString('utf8'), body });
        req.destroy(); // the declared body is never sent
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
    req.flushHeaders();
  });
}

describe('request body size', () => {
  const FIVE_GIB = 5 * 1024 ** 3;

  it('PutObject declaring more than 5 GiB is refused before any byte is read: 400 EntityTooLarge (behaviour §9.2, DOCS PutObject)', async () => {
    const res = await declare('huge.bin', [], FIVE_GIB + 1);
    expect(errorOf(res)).toMatchObject({ status: 400, code: 'EntityTooLarge', message: 'Your proposed upload exceeds the maximum allowed size.' });
    await absent('huge.bin');
  });

  it('UploadPart declaring more than 5 GiB is refused: 400 EntityTooLarge (GO2 MaxPartSize), the upload keeps no part', async () => {
    const init = await raw(emu, { method: 'POST', bucket, key: 'parts.bin', query: [['uploads', undefined]] });
    const uploadId = xmlValue(init.text, 'UploadId')!;
    const res = await declare('parts.bin', [['partNumber', '1'], ['uploadId', uploadId]], FIVE_GIB + 1);
    expect(errorOf(res)).toMatchObject({ status: 400, code: 'EntityTooLarge' });
    const parts = await raw(emu, { method: 'GET', bucket, key: 'parts.bin', query: [['uploadId', uploadId]] });
    expect(parts.status).toBe(200);
    expect(parts.text).not.toContain('<Part>');
  });
});

/** PutObjectTagging with a chunked body (no Content-Length), sent in 64 KiB pieces. */
function chunkedTagging(key: string, body: string): Promise<ReturnType<typeof errorOf>> {
  const query: [string, string | undefined][] = [['tagging', undefined]];
  const headers: Record<string, string> = { 'x-oss-content-sha256': 'UNSIGNED-PAYLOAD', 'x-oss-date': v4Now() };
  const signed = signV4({ method: 'PUT', bucket, key, query, headers }, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }, { region: emu.region, datetime: headers['x-oss-date']! });
  Object.assign(headers, signed.headers, { authorization: signed.authorization });
  return new Promise((resolve, reject) => {
    const req = request(`${emu.url}/${bucket}/${key}?tagging`, { method: 'PUT', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8');
        resolve({ status: res.statusCode ?? 0, code: xmlValue(text, 'Code'), message: xmlValue(text, 'Message') });
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? undefined : reject(err)));
    const buf = Buffer.from(body);
    for (let at = 0; at < buf.length; at += 65536) req.write(buf.subarray(at, at + 65536));
    req.end();
  });
}

describe('XML body size (2 MiB; OSS documents none, so the code is [I] MalformedXML)', () => {
  const tagging = (padding: number) => `<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag></TagSet></Tagging>${' '.repeat(padding)}`;

  it('takes a document of exactly 2 MiB and refuses one byte more, declared or streamed, keeping the old tags', async () => {
    await raw(emu, { method: 'PUT', bucket, key: 'tagged', body: 'x', headers: { 'x-oss-tagging': 'old=1' } });
    const limit = 2 * 1024 * 1024;
    const exact = tagging(limit - tagging(0).length);
    expect(Buffer.byteLength(exact)).toBe(limit);
    expect((await raw(emu, { method: 'PUT', bucket, key: 'tagged', query: [['tagging', undefined]], body: exact })).status).toBe(200);
    await raw(emu, { method: 'PUT', bucket, key: 'tagged', query: [['tagging', undefined]], body: '<Tagging><TagSet><Tag><Key>old</Key><Value>1</Value></Tag></TagSet></Tagging>' });
    const over = raw(emu, { method: 'PUT', bucket, key: 'tagged', query: [['tagging', undefined]], body: exact + ' ' });
    expect(errorOf(await over)).toMatchObject({ status: 400, code: 'MalformedXML' });
    // Streamed (chunked, no Content-Length): counted while reading.
    expect(await chunkedTagging('tagged', exact + ' ')).toMatchObject({ status: 400, code: 'MalformedXML' });
    const tags = await raw(emu, { method: 'GET', bucket, key: 'tagged', query: [['tagging', undefined]] });
    expect(tags.text).toContain('<Key>old</Key>');
  });
});

describe('header section size (Node\'s 16 KiB; OSS documents none: 431 is [I])', () => {
  it('refuses an oversized header section with an OSS error in x-oss-err and keeps serving', async () => {
    const res = await new Promise<{ status: number; err?: string }>((resolve, reject) => {
      const req = request(`${emu.url}/${bucket}/big-headers`, { method: 'GET', headers: { 'x-oss-meta-a': 'a'.repeat(9000), 'x-oss-meta-b': 'b'.repeat(9000) } }, (r) => {
        r.resume();
        resolve({ status: r.statusCode ?? 0, err: r.headers['x-oss-err'] as string | undefined });
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(431);
    expect(Buffer.from(res.err ?? '', 'base64').toString()).toMatch(/<Code>RequestHeaderTooLarge<\/Code>/);
    expect((await fetch(`${emu.url}/-/health`)).status).toBe(200);
  });
});

describe('object name length: 1023 bytes of UTF-8 (DOCS object naming; EC 0016-00000003)', () => {
  const at = '中'.repeat(341); // 1023 bytes
  const over = `${at}x`; // 1024 bytes

  it('PutObject: 1023 bytes stored, 1024 refused with InvalidObjectName', async () => {
    expect(Buffer.byteLength(at)).toBe(1023);
    expect((await raw(emu, { method: 'PUT', bucket, key: at, body: 'x' })).status).toBe(200);
    expect(errorOf(await raw(emu, { method: 'PUT', bucket, key: over, body: 'x' }))).toEqual({
      status: 400,
      code: 'InvalidObjectName',
      message: 'The Length of Object name must be less than 1024.',
      ec: '0016-00000003',
    });
    const list = await raw(emu, { method: 'GET', bucket, query: [['prefix', '中']] });
    expect(list.text.match(/<Key>/g)).toHaveLength(1);
  });

  it('CopyObject and InitiateMultipartUpload refuse a 1024-byte destination the same way', async () => {
    const copy = await raw(emu, { method: 'PUT', bucket, key: over, headers: { 'x-oss-copy-source': `/${bucket}/${encodeURIComponent(at)}` } });
    expect(errorOf(copy)).toMatchObject({ status: 400, code: 'InvalidObjectName', ec: '0016-00000003' });
    const init = await raw(emu, { method: 'POST', bucket, key: over, query: [['uploads', undefined]] });
    expect(errorOf(init)).toMatchObject({ status: 400, code: 'InvalidObjectName' });
    await absent(over);
  });
});

describe('user metadata: 8 KiB of names and values (DOCS PutObject; EC 0011-00000002)', () => {
  // Counted as name (after x-oss-meta-) + value bytes [I]: the EC page counts "header names and values".
  const meta = (total: number) => ({ 'x-oss-meta-m': 'v'.repeat(total - 1) });

  it('8192 bytes stored, 8193 refused with MetadataTooLarge and nothing written', async () => {
    expect((await raw(emu, { method: 'PUT', bucket, key: 'meta-ok', body: 'x', headers: meta(8192) })).status).toBe(200);
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'meta-ok' });
    expect(head.headers.get('x-oss-meta-m')).toHaveLength(8191);
    expect(errorOf(await raw(emu, { method: 'PUT', bucket, key: 'meta-over', body: 'x', headers: meta(8193) }))).toEqual({
      status: 400,
      code: 'MetadataTooLarge',
      message: 'Your metadata headers exceed the maximum allowed metadata size.',
      ec: '0011-00000002',
    });
    await absent('meta-over');
  });

  it('a REPLACE copy with too much metadata is refused and leaves the destination as it was', async () => {
    const res = await raw(emu, { method: 'PUT', bucket, key: 'meta-ok', headers: { 'x-oss-copy-source': `/${bucket}/meta-ok`, 'x-oss-metadata-directive': 'REPLACE', ...meta(8193) } });
    expect(errorOf(res)).toMatchObject({ status: 400, code: 'MetadataTooLarge' });
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'meta-ok' })).headers.get('x-oss-meta-m')).toHaveLength(8191);
  });
});

describe('tags: 10 per object, key ≤ 128 and value ≤ 256 characters (behaviour §5, DOCS 0010-00000209/214/217/218)', () => {
  const header = (n: number, key = (i: number) => `k${i}`, value = 'v') => Array.from({ length: n }, (_, i) => `${key(i)}=${value}`).join('&');
  const xml = (tags: [string, string][]) => `<Tagging><TagSet>${tags.map(([k, v]) => `<Tag><Key>${k}</Key><Value>${v}</Value></Tag>`).join('')}</TagSet></Tagging>`;

  it('x-oss-tagging: 10 tags, a 128-character key and a 256-character value are stored; one more of each is refused', async () => {
    expect((await raw(emu, { method: 'PUT', bucket, key: 'tags-ok', body: 'x', headers: { 'x-oss-tagging': header(10) } })).status).toBe(200);
    const edge = `${'k'.repeat(128)}=${'v'.repeat(256)}`;
    expect((await raw(emu, { method: 'PUT', bucket, key: 'tags-edge', body: 'x', headers: { 'x-oss-tagging': edge } })).status).toBe(200);
    const cases: [string, string | undefined][] = [
      [header(11), '0010-00000218'],
      [`${'k'.repeat(129)}=v`, '0010-00000217'],
      [`k=${'v'.repeat(257)}`, '0010-00000217'],
    ];
    for (const [tagging, ec] of cases) {
      const res = await raw(emu, { method: 'PUT', bucket, key: 'tags-over', body: 'x', headers: { 'x-oss-tagging': tagging } });
      expect(errorOf(res), tagging.slice(0, 20)).toMatchObject({ status: 400, code: 'InvalidTag', ec });
    }
    await absent('tags-over');
  });

  it('PutObjectTagging: the same limits, with the EC of each (key 0010-00000209, value 0010-00000214), old tags kept', async () => {
    const put = (body: string) => raw(emu, { method: 'PUT', bucket, key: 'tags-ok', query: [['tagging', undefined]], body });
    expect((await put(xml([['a'.repeat(128), 'b'.repeat(256)]]))).status).toBe(200);
    expect(errorOf(await put(xml([['a'.repeat(129), 'b']])))).toMatchObject({ status: 400, code: 'InvalidTag', ec: '0010-00000209' });
    expect(errorOf(await put(xml([['a', 'b'.repeat(257)]])))).toMatchObject({ status: 400, code: 'InvalidTag', ec: '0010-00000214' });
    expect(errorOf(await put(xml(Array.from({ length: 11 }, (_, i): [string, string] => [`k${i}`, 'v']))))).toMatchObject({ status: 400, code: 'InvalidTag', ec: '0010-00000218' });
    const tags = await raw(emu, { method: 'GET', bucket, key: 'tags-ok', query: [['tagging', undefined]] });
    expect(tags.text).toContain(`<Key>${'a'.repeat(128)}</Key>`);
  });
});

describe('parts: part numbers 1–10000 (DOCS 0017-00000220)', () => {
  it('accepts part 10000 and refuses 0, 10001 and a non-number with InvalidArgument, ArgumentName PartNumber', async () => {
    const init = await raw(emu, { method: 'POST', bucket, key: 'numbers.bin', query: [['uploads', undefined]] });
    const uploadId = xmlValue(init.text, 'UploadId')!;
    const part = (n: string) => raw(emu, { method: 'PUT', bucket, key: 'numbers.bin', query: [['partNumber', n], ['uploadId', uploadId]], body: 'p' });
    expect((await part('10000')).status).toBe(200);
    for (const n of ['0', '10001', 'STR']) {
      const res = await part(n);
      expect(errorOf(res), n).toEqual({ status: 400, code: 'InvalidArgument', message: 'Part number must be an integer between 1 and 10000, inclusive.', ec: '0017-00000220' });
      expect(xmlValue(res.text, 'ArgumentName')).toBe('PartNumber');
      expect(xmlValue(res.text, 'ArgumentValue')).toBe(n);
    }
    const parts = await raw(emu, { method: 'GET', bucket, key: 'numbers.bin', query: [['uploadId', uploadId]] });
    expect(parts.text.match(/<PartNumber>/g)).toHaveLength(1);
  });
});

describe('listings: max-keys 1–1000 (DOCS ListObjects, ListObjectVersions, ListBuckets)', () => {
  const apis: [string, { bucket?: string; query: [string, string | undefined][] }, string][] = [
    ['ListObjects', { bucket, query: [] }, '0015-00000402'],
    ['ListObjectsV2', { bucket, query: [['list-type', '2']] }, '0015-00000402'],
    ['ListObjectVersions', { bucket, query: [['versions', undefined]] }, '0012-00000102'],
    ['ListBuckets', { query: [] }, '0017-00000289'],
  ];
  for (const [api, r, ec] of apis) {
    it(`${api}: 1000 accepted; 0, 1001 and -1 refused with InvalidArgument EC ${ec}`, async () => {
      const list = (n: string) => raw(emu, { method: 'GET', bucket: r.bucket, query: [...r.query, ['max-keys', n]] });
      const ok = await list('1000');
      expect(ok.status).toBe(200);
      expect(xmlValue(ok.text, 'MaxKeys')).toBe('1000');
      for (const n of ['0', '1001', '-1']) expect(errorOf(await list(n)), n).toMatchObject({ status: 400, code: 'InvalidArgument', ec });
    });
  }

  it('ListParts max-parts and ListMultipartUploads max-uploads: 1000 accepted, 1001 refused', async () => {
    const init = await raw(emu, { method: 'POST', bucket, key: 'maxparts.bin', query: [['uploads', undefined]] });
    const uploadId = xmlValue(init.text, 'UploadId')!;
    for (const query of [[['uploadId', uploadId], ['max-parts']], [['uploads', undefined], ['max-uploads']]] as [string, string | undefined][][]) {
      const [sub, [name]] = [query.slice(0, 1), query[1]!];
      const key = sub[0]![0] === 'uploadId' ? 'maxparts.bin' : undefined;
      expect((await raw(emu, { method: 'GET', bucket, key, query: [...sub, [name, '1000']] })).status).toBe(200);
      expect(errorOf(await raw(emu, { method: 'GET', bucket, key, query: [...sub, [name, '1001']] })), name).toMatchObject({ status: 400, code: 'InvalidArgument' });
    }
  });
});

describe('DeleteMultipleObjects: at most 1000 keys (DOCS DeleteMultipleObjects)', () => {
  it('deletes 1000 keys in one request and refuses 1001 with MalformedXML, deleting none', async () => {
    const del = (n: number) => {
      const body = `<Delete><Quiet>true</Quiet>${Array.from({ length: n }, (_, i) => `<Object><Key>d${i}</Key></Object>`).join('')}</Delete>`;
      const md5 = createHash('md5').update(body).digest('base64');
      return raw(emu, { method: 'POST', bucket, query: [['delete', undefined]], body, headers: { 'content-md5': md5 } });
    };
    await raw(emu, { method: 'PUT', bucket, key: 'd0', body: 'x' });
    expect(errorOf(await del(1001))).toMatchObject({ status: 400, code: 'MalformedXML' });
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'd0' })).status).toBe(200);
    expect((await del(1000)).status).toBe(200);
    await absent('d0');
  });
});
