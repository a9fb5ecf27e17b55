// CopyObject semantics over HTTP (behaviour §1, §2, §4; issue 4). Where the spec marks a rule [I]/[U], the test
// name says so: the conformance suite records real OSS's answer for those.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { encodeKey, errorCode, raw, startTestEmulator, xmlValue, allowPublicAccess } from './support.js';

let emu: RunningEmulator;
const src = 'src-bucket';
const dst = 'dst-bucket';
const copy = (key: string, source: string, headers: Record<string, string> = {}, bucket = dst) =>
  raw(emu, { method: 'PUT', bucket, key, headers: { 'x-oss-copy-source': source, ...headers } });
const head = (bucket: string, key: string, query: [string, string | undefined][] = []) =>
  raw(emu, { method: 'HEAD', bucket, key, query });

beforeAll(async () => {
  emu = await startTestEmulator({ regions: ['cn-shanghai'] });
  for (const b of [src, dst]) {
    await raw(emu, { method: 'PUT', bucket: b });
    await allowPublicAccess(emu, b); // the source object is public-read
  }
  await raw(emu, {
    method: 'PUT',
    bucket: src,
    key: 'dir/a b+c.txt',
    body: 'hello world',
    headers: {
      'content-type': 'text/plain',
      'cache-control': 'no-cache',
      'x-oss-meta-author': 'alice',
      'x-oss-tagging': 'k1=v1&k2=v2',
      'x-oss-object-acl': 'public-read',
      'x-oss-server-side-encryption': 'AES256',
    },
  });
});
afterAll(() => emu.close());

describe('copy source and result', () => {
  it('accepts the key with literal /, with %2F, and keeps + as a plus', async () => {
    for (const source of [`/${src}/${encodeKey('dir/a b+c.txt')}`, `/${src}/${encodeURIComponent('dir/a b+c.txt')}`]) {
      const res = await copy('copied.txt', source);
      expect(res.status).toBe(200);
    }
    const missing = await copy('copied.txt', `/${src}/dir/a b c.txt`);
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('NoSuchKey');
  });

  it('answers CopyObjectResult with the source ETag and CRC-64, no version headers in unversioned buckets', async () => {
    const res = await copy('result.txt', `/${src}/${encodeKey('dir/a b+c.txt')}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(res.text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<CopyObjectResult><ETag>"5EB63BBBE01EEED093CB22BB8F5ACDC3"<\/ETag><LastModified>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z<\/LastModified><\/CopyObjectResult>$/);
    expect(res.headers.get('etag')).toBe('"5EB63BBBE01EEED093CB22BB8F5ACDC3"');
    expect(res.headers.get('x-oss-hash-crc64ecma')).toBe('5981764153023615706');
    expect(res.headers.get('x-oss-version-id')).toBeNull();
    expect(res.headers.get('x-oss-copy-source-version-id')).toBeNull();
    const get = await raw(emu, { method: 'GET', bucket: dst, key: 'result.txt' });
    expect(get.text).toBe('hello world');
  });

  it('refuses a malformed copy source with InvalidArgument', async () => {
    for (const source of ['no-slash', `/${src}`, `/${src}/`, `/${src}/x?foo=bar`, `/${src}/x?versionId=`]) {
      const res = await copy('bad.txt', source);
      expect(res.status, source).toBe(400);
      expect(errorCode(res), source).toBe('InvalidArgument');
    }
    const res = await copy('bad.txt', 'no-slash');
    expect(xmlValue(res.text, 'Message')).toBe('Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.');
  });

  it('answers NoSuchBucket for a missing source or destination bucket', async () => {
    expect(errorCode(await copy('x', '/no-such-src/x'))).toBe('NoSuchBucket');
    expect(errorCode(await copy('x', `/${src}/dir/a%20b%2Bc.txt`, {}, 'no-such-dst'))).toBe('NoSuchBucket');
  });
});

describe('metadata, tagging, ACL and encryption', () => {
  const source = `/${src}/${encodeKey('dir/a b+c.txt')}`;

  it('COPY (default) copies metadata and tags, ignoring request metadata; ACL resets, SSE is not inherited', async () => {
    await copy('meta-copy.txt', source, { 'x-oss-meta-author': 'bob', 'content-type': 'image/png' });
    const h = await head(dst, 'meta-copy.txt');
    expect(h.headers.get('x-oss-meta-author')).toBe('alice');
    expect(h.headers.get('content-type')).toBe('text/plain');
    expect(h.headers.get('cache-control')).toBe('no-cache');
    expect(h.headers.get('x-oss-tagging-count')).toBe('2');
    expect(h.headers.get('x-oss-server-side-encryption')).toBeNull();
    const acl = await raw(emu, { method: 'GET', bucket: dst, key: 'meta-copy.txt', query: [['acl', undefined]] });
    expect(xmlValue(acl.text, 'Grant')).toBe('default');
  });

  it('REPLACE takes the request metadata and keeps Content-Type when the request has none', async () => {
    await copy('meta-replace.txt', source, { 'x-oss-metadata-directive': 'REPLACE', 'x-oss-meta-editor': 'carol' });
    const h = await head(dst, 'meta-replace.txt');
    expect(h.headers.get('x-oss-meta-editor')).toBe('carol');
    expect(h.headers.get('x-oss-meta-author')).toBeNull();
    expect(h.headers.get('cache-control')).toBeNull();
    expect(h.headers.get('content-type')).toBe('text/plain');
  });

  it('refuses an unknown metadata directive with InvalidArgument', async () => {
    const res = await copy('x.txt', source, { 'x-oss-metadata-directive': 'MERGE' });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('InvalidArgument');
  });

  it('tagging directive Replace (any case) uses the request tags, or none', async () => {
    await copy('tags-replace.txt', source, { 'x-oss-tagging-directive': 'REPLACE', 'x-oss-tagging': 'a%20b=c%2Bd' });
    const tags = await raw(emu, { method: 'GET', bucket: dst, key: 'tags-replace.txt', query: [['tagging', undefined]] });
    expect(tags.text).toContain('<Tag><Key>a b</Key><Value>c+d</Value></Tag>');
    await copy('tags-none.txt', source, { 'x-oss-tagging-directive': 'replace' });
    expect((await head(dst, 'tags-none.txt')).headers.get('x-oss-tagging-count')).toBeNull();
  });

  it('refuses an invalid x-oss-tagging string and changes nothing', async () => {
    const res = await copy('tags-bad.txt', source, { 'x-oss-tagging-directive': 'Replace', 'x-oss-tagging': 'aa=bb=cc' });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('InvalidArgument');
    expect((await head(dst, 'tags-bad.txt')).status).toBe(404);
  });

  it('sets the requested ACL, storage class and encryption, and echoes SSE headers', async () => {
    const res = await copy('sse.txt', source, {
      'x-oss-object-acl': 'private',
      'x-oss-storage-class': 'IA',
      'x-oss-server-side-encryption': 'KMS',
      'x-oss-server-side-data-encryption': 'SM4',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oss-server-side-encryption')).toBe('KMS');
    expect(res.headers.get('x-oss-server-side-data-encryption')).toBe('SM4');
    const h = await head(dst, 'sse.txt');
    expect(h.headers.get('x-oss-storage-class')).toBe('IA');
    expect(h.headers.get('x-oss-server-side-encryption')).toBe('KMS');
    const bad = await copy('sse-bad.txt', source, { 'x-oss-server-side-encryption': 'DES' });
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('InvalidEncryptionAlgorithmError');
  });

  it('copy onto itself updates metadata in place and keeps the ETag', async () => {
    await raw(emu, { method: 'PUT', bucket: dst, key: 'self.txt', body: 'self', headers: { 'x-oss-meta-v': '1' } });
    const before = await head(dst, 'self.txt');
    const res = await copy('self.txt', `/${dst}/self.txt`, { 'x-oss-meta-v': '2' });
    expect(res.status).toBe(200);
    const after = await head(dst, 'self.txt');
    expect(after.headers.get('x-oss-meta-v')).toBe('2');
    expect(after.headers.get('etag')).toBe(before.headers.get('etag'));
    expect((await raw(emu, { method: 'GET', bucket: dst, key: 'self.txt' })).text).toBe('self');
  });
});

describe('conditions', () => {
  const source = `/${src}/${encodeKey('dir/a b+c.txt')}`;
  const etag = '"5EB63BBBE01EEED093CB22BB8F5ACDC3"';

  it('if-match mismatch → 412 with Condition; if-none-match match → 304 without body; nothing written', async () => {
    const failed = await copy('cond.txt', source, { 'x-oss-copy-source-if-match': '"0000"' });
    expect(failed.status).toBe(412);
    expect(errorCode(failed)).toBe('PreconditionFailed');
    // Live OSS names the plain header for a copy (ali-oss test/node/object.test.js; audit #6).
    expect(xmlValue(failed.text, 'Condition')).toBe('If-Match');
    const notModified = await copy('cond.txt', source, { 'x-oss-copy-source-if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect(notModified.text).toBe('');
    expect((await head(dst, 'cond.txt')).status).toBe(404);
    expect((await copy('cond.txt', source, { 'x-oss-copy-source-if-match': etag })).status).toBe(200);
  });

  it('if-modified-since equal to the source time → 304; if-unmodified-since earlier → 412', async () => {
    const lastModified = (await head(src, 'dir/a b+c.txt')).headers.get('last-modified')!;
    expect((await copy('cond2.txt', source, { 'x-oss-copy-source-if-modified-since': lastModified })).status).toBe(304);
    const earlier = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const failed = await copy('cond2.txt', source, { 'x-oss-copy-source-if-unmodified-since': earlier });
    expect(failed.status).toBe(412);
    expect((await copy('cond2.txt', source, { 'x-oss-copy-source-if-modified-since': 'not a date' })).status).toBe(200);
  });
});

describe('forbid-overwrite, regions and versioning', () => {
  const source = `/${src}/${encodeKey('dir/a b+c.txt')}`;

  it('x-oss-forbid-overwrite: true refuses an existing destination with 409 FileAlreadyExists', async () => {
    expect((await copy('fo.txt', source, { 'x-oss-forbid-overwrite': 'true' })).status).toBe(200);
    const again = await copy('fo.txt', source, { 'x-oss-forbid-overwrite': 'true' });
    expect(again.status).toBe(409);
    expect(errorCode(again)).toBe('FileAlreadyExists');
    expect(xmlValue(again.text, 'Message')).toBe('The object you specified already exists and can not be overwritten.');
    expect((await copy('fo.txt', source, { 'x-oss-forbid-overwrite': 'false' })).status).toBe(200);
  });

  it('refuses a cross-region copy with 403 AccessDenied', async () => {
    await raw(emu, { method: 'PUT', bucket: 'far-bucket', region: 'cn-shanghai' });
    // Signed for the destination's region, as a client of that bucket signs (a scope for another region is 400).
    const res = await raw(emu, { method: 'PUT', bucket: 'far-bucket', key: 'far.txt', region: 'cn-shanghai', headers: { 'x-oss-copy-source': source } });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('AccessDenied');
    expect(xmlValue(res.text, 'Message')).toBe('Target object does not reside in the same data center as source object.');
  });

  it('versioned buckets: version ids on copy, copy of an old version, forbid-overwrite ignored', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ver-bucket' });
    const enable = await raw(emu, {
      method: 'PUT',
      bucket: 'ver-bucket',
      query: [['versioning', undefined]],
      body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
    });
    expect(enable.status).toBe(200);
    const v1 = await raw(emu, { method: 'PUT', bucket: 'ver-bucket', key: 'doc.txt', body: 'one' });
    const v2 = await raw(emu, { method: 'PUT', bucket: 'ver-bucket', key: 'doc.txt', body: 'two' });
    const id1 = v1.headers.get('x-oss-version-id')!;
    const id2 = v2.headers.get('x-oss-version-id')!;
    expect(id1).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(id1).not.toBe(id2);

    const restore = await copy('doc.txt', `/ver-bucket/doc.txt?versionId=${id1}`, { 'x-oss-forbid-overwrite': 'true' }, 'ver-bucket');
    expect(restore.status).toBe(200);
    expect(restore.headers.get('x-oss-copy-source-version-id')).toBe(id1);
    const id3 = restore.headers.get('x-oss-version-id')!;
    expect([id1, id2]).not.toContain(id3);
    expect((await raw(emu, { method: 'GET', bucket: 'ver-bucket', key: 'doc.txt' })).text).toBe('one');

    const missing = await copy('x.txt', '/ver-bucket/doc.txt?versionId=CAEQnosuchversion', {}, 'ver-bucket');
    expect(missing.status).toBe(404);
    expect(errorCode(missing)).toBe('NoSuchVersion');
  });

  it('delete markers: 404 on current, 405 by id, not copyable; listed by ListObjectVersions', async () => {
    const del = await raw(emu, { method: 'DELETE', bucket: 'ver-bucket', key: 'doc.txt' });
    expect(del.status).toBe(204);
    expect(del.headers.get('x-oss-delete-marker')).toBe('true');
    const markerId = del.headers.get('x-oss-version-id')!;
    const get = await raw(emu, { method: 'GET', bucket: 'ver-bucket', key: 'doc.txt' });
    expect(get.status).toBe(404);
    expect(get.headers.get('x-oss-delete-marker')).toBe('true');
    const byId = await raw(emu, { method: 'GET', bucket: 'ver-bucket', key: 'doc.txt', query: [['versionId', markerId]] });
    expect(byId.status).toBe(405);
    expect(errorCode(byId)).toBe('MethodNotAllowed');
    expect((await copy('y.txt', '/ver-bucket/doc.txt', {}, 'ver-bucket')).status).toBe(404);

    const versions = await raw(emu, { method: 'GET', bucket: 'ver-bucket', query: [['versions', undefined]] });
    expect(versions.status).toBe(200);
    expect(versions.text.match(/<Version>/g)).toHaveLength(3);
    expect(versions.text.match(/<DeleteMarker>/g)).toHaveLength(1);
    expect(versions.text).toContain(`<VersionId>${markerId}</VersionId><IsLatest>true</IsLatest>`);

    const suspended = await raw(emu, {
      method: 'PUT',
      bucket: 'ver-bucket',
      query: [['versioning', undefined]],
      body: '<VersioningConfiguration><Status>Suspended</Status></VersioningConfiguration>',
    });
    expect(suspended.status).toBe(200);
    const res = await copy('null.txt', `/${src}/${encodeKey('dir/a b+c.txt')}`, {}, 'ver-bucket');
    expect(res.headers.get('x-oss-version-id')).toBe('null');
    const status = await raw(emu, { method: 'GET', bucket: 'ver-bucket', query: [['versioning', undefined]] });
    expect(xmlValue(status.text, 'Status')).toBe('Suspended');
  });
});
