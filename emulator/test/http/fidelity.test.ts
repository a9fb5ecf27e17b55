// Fidelity on the evidence (issue 18): each block pins one difference the audit of 2026-12-01 found between the
// emulator and a captured real-OSS answer (../shared/evidence/audit-2026-12-01.md, sdk-suites-2026-12-01.md).
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const bucket = 'fidelity';

beforeAll(async () => {
  emu = await startTestEmulator();
  expect((await raw(emu, { method: 'PUT', bucket })).status).toBe(200);
});
afterAll(() => emu.close());

const put = (key: string, body: string | Buffer = 'x', headers: Record<string, string> = {}, b = bucket) =>
  raw(emu, { method: 'PUT', bucket: b, key, body, headers });

async function initiate(key: string, b = bucket): Promise<string> {
  const res = await raw(emu, { method: 'POST', bucket: b, key, query: [['uploads', undefined]] });
  expect(res.status).toBe(200);
  return xmlValue(res.text, 'UploadId')!;
}

describe('audit #1: XML timestamps are whole seconds and agree with Last-Modified', () => {
  it('every XML document writes .000Z', async () => {
    const key = 'time/obj';
    await put(key, 'hello');
    await raw(emu, { method: 'PUT', bucket, key: 'time/copy', headers: { 'x-oss-copy-source': `/${bucket}/${key}` } });
    const id = await initiate('time/mp');
    const docs = [
      await raw(emu, { method: 'PUT', bucket, key: 'time/copy2', headers: { 'x-oss-copy-source': `/${bucket}/${key}` } }),
      await raw(emu, { method: 'GET', bucket, query: [['prefix', 'time/']] }),
      await raw(emu, { method: 'GET', bucket, query: [['list-type', '2'], ['prefix', 'time/']] }),
      await raw(emu, { method: 'GET', bucket, query: [['versions', undefined], ['prefix', 'time/']] }),
      await raw(emu, { method: 'GET' }),
      await raw(emu, { method: 'GET', bucket, query: [['uploads', undefined]] }),
      await raw(emu, { method: 'PUT', bucket, key: 'time/mp', query: [['partNumber', '1'], ['uploadId', id]], headers: { 'x-oss-copy-source': `/${bucket}/${key}` } }),
      await raw(emu, { method: 'GET', bucket, key: 'time/mp', query: [['uploadId', id]] }),
      await raw(emu, { method: 'GET', bucket, query: [['bucketInfo', undefined]] }),
    ];
    for (const res of docs) {
      expect(res.status, res.text).toBe(200);
      const stamps = [...res.text.matchAll(/<(LastModified|CreationDate|Initiated)>([^<]*)</g)].map((m) => m[2]);
      expect(stamps.length, res.text).toBeGreaterThan(0);
      for (const t of stamps) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
    }
    const head = await raw(emu, { method: 'HEAD', bucket, key });
    const listed = xmlValue(docs[1]!.text, 'LastModified')!;
    expect(Date.parse(listed)).toBe(Date.parse(head.headers.get('last-modified')!));
  });
});

describe('audit #8, #9, #11, #26: captured messages', () => {
  const message = (text: string) => xmlValue(text, 'Message');

  it('BucketNotEmpty: "The bucket has objects. Please delete them first."', async () => {
    await raw(emu, { method: 'PUT', bucket: 'fidelity-full' });
    await put('k', 'x', {}, 'fidelity-full');
    const res = await raw(emu, { method: 'DELETE', bucket: 'fidelity-full' });
    expect([res.status, errorCode(res), message(res.text)]).toEqual([409, 'BucketNotEmpty', 'The bucket has objects. Please delete them first.']);
  });

  it('ObjectNotAppendable: "The object is not appendable"', async () => {
    await put('normal');
    const res = await raw(emu, { method: 'POST', bucket, key: 'normal', query: [['append', undefined], ['position', '1']], body: 'y' });
    expect([res.status, errorCode(res), message(res.text)]).toEqual([409, 'ObjectNotAppendable', 'The object is not appendable']);
  });

  it('EntityTooSmall: "Your proposed upload smaller than the minimum allowed size." (sic)', async () => {
    const id = await initiate('small');
    const etags: string[] = [];
    for (const n of [1, 2]) {
      const p = await raw(emu, { method: 'PUT', bucket, key: 'small', query: [['partNumber', String(n)], ['uploadId', id]], body: 'tiny' });
      etags.push(p.headers.get('etag')!);
    }
    const body = `<CompleteMultipartUpload>${etags.map((e, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>${e}</ETag></Part>`).join('')}</CompleteMultipartUpload>`;
    const res = await raw(emu, { method: 'POST', bucket, key: 'small', query: [['uploadId', id]], body });
    expect([res.status, errorCode(res), message(res.text)]).toEqual([400, 'EntityTooSmall', 'Your proposed upload smaller than the minimum allowed size.']);
  });

  it('InvalidRange: "The requested range cannot be satisfied" (no period)', async () => {
    await put('ranged', 'abc');
    const res = await raw(emu, { method: 'GET', bucket, key: 'ranged', headers: { range: 'bytes=10-20', 'x-oss-range-behavior': 'standard' } });
    expect([res.status, errorCode(res), message(res.text)]).toEqual([416, 'InvalidRange', 'The requested range cannot be satisfied']);
  });
});

describe('audit #10, #12-#15, sdk-suites: per-API ECs', () => {
  const ec = (res: { headers: Headers; text: string }) => [res.headers.get('x-oss-ec'), xmlValue(res.text, 'EC')];

  it('NoSuchUpload carries each API\'s EC', async () => {
    await put('mp-src', 'source');
    const q: [string, string | undefined][] = [['uploadId', 'NOSUCHUPLOAD']];
    const part: [string, string | undefined][] = [['partNumber', '1'], ...q];
    const cases: [string, Promise<{ status: number; headers: Headers; text: string }>][] = [
      ['0042-00000104', raw(emu, { method: 'PUT', bucket, key: 'nu', query: part, body: 'x' })],
      ['0042-00000311', raw(emu, { method: 'PUT', bucket, key: 'nu', query: part, headers: { 'x-oss-copy-source': `/${bucket}/mp-src` } })],
      ['0042-00000002', raw(emu, { method: 'DELETE', bucket, key: 'nu', query: q })],
      ['0042-00000002', raw(emu, { method: 'GET', bucket, key: 'nu', query: q })],
      ['0042-00000216', raw(emu, { method: 'POST', bucket, key: 'nu', query: q, body: '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"A"</ETag></Part></CompleteMultipartUpload>' })],
    ];
    for (const [expected, pending] of cases) {
      const res = await pending;
      expect([res.status, errorCode(res)]).toEqual([404, 'NoSuchUpload']);
      expect(ec(res)).toEqual([expected, expected]);
    }
  });

  it('PositionNotEqualToLength: 0026-00000016', async () => {
    const first = await raw(emu, { method: 'POST', bucket, key: 'app', query: [['append', undefined], ['position', '0']], body: 'abc' });
    expect(first.status).toBe(200);
    const res = await raw(emu, { method: 'POST', bucket, key: 'app', query: [['append', undefined], ['position', '1']], body: 'd' });
    expect([res.status, errorCode(res), ...ec(res)]).toEqual([409, 'PositionNotEqualToLength', '0026-00000016', '0026-00000016']);
  });

  it('Complete: complete-all with a body names the header (0042-00000216); no body is MalformedXML 0042-00000205', async () => {
    const id = await initiate('ca');
    const body = '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"A"</ETag></Part></CompleteMultipartUpload>';
    const both = await raw(emu, { method: 'POST', bucket, key: 'ca', query: [['uploadId', id]], headers: { 'x-oss-complete-all': 'yes' }, body });
    expect([both.status, errorCode(both)]).toEqual([400, 'InvalidArgument']);
    expect(both.text).toMatch(/<HostId>[^<]*<\/HostId>\s*<ArgumentName>x-oss-complete-all<\/ArgumentName>\s*<ArgumentValue>yes<\/ArgumentValue>\s*<EC>0042-00000216<\/EC>/);
    const none = await raw(emu, { method: 'POST', bucket, key: 'ca', query: [['uploadId', id]] });
    expect([none.status, errorCode(none), ...ec(none)]).toEqual([400, 'MalformedXML', '0042-00000205', '0042-00000205']);
  });

  it('Complete with x-oss-forbid-overwrite over an existing key: FileAlreadyExists 0042-00000214', async () => {
    await put('taken');
    const id = await initiate('taken');
    const p = await raw(emu, { method: 'PUT', bucket, key: 'taken', query: [['partNumber', '1'], ['uploadId', id]], body: 'new' });
    const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${p.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`;
    const res = await raw(emu, { method: 'POST', bucket, key: 'taken', query: [['uploadId', id]], headers: { 'x-oss-forbid-overwrite': 'true' }, body });
    expect([res.status, errorCode(res), ...ec(res)]).toEqual([409, 'FileAlreadyExists', '0042-00000214', '0042-00000214']);
  });

  it('UploadPartCopy with a copy source lacking the leading / : InvalidArgument 0042-00000301', async () => {
    const id = await initiate('pc');
    const res = await raw(emu, { method: 'PUT', bucket, key: 'pc', query: [['partNumber', '1'], ['uploadId', id]], headers: { 'x-oss-copy-source': `${bucket}/mp-src` } });
    expect([res.status, errorCode(res), ...ec(res)]).toEqual([400, 'InvalidArgument', '0042-00000301', '0042-00000301']);
  });

  it('NotImplemented carries no EC', async () => {
    const res = await raw(emu, { method: 'GET', bucket, query: [['dataPipeline', undefined]] });
    expect([res.status, errorCode(res)]).toEqual([400, 'NotImplemented']);
    expect(ec(res)).toEqual([null, undefined]);
  });
});

describe('audit #2: UploadPartCopy answers ETag and Content-Range headers beside CopyPartResult', () => {
  it('sends the part ETag and bytes first-last/size of the source', async () => {
    await put('pc-src', Buffer.alloc(2048, 'z'));
    const id = await initiate('pc-dst');
    const res = await raw(emu, {
      method: 'PUT',
      bucket,
      key: 'pc-dst',
      query: [['partNumber', '1'], ['uploadId', id]],
      headers: { 'x-oss-copy-source': `/${bucket}/pc-src`, 'x-oss-copy-source-range': 'bytes=0-1023' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(xmlValue(res.text, 'ETag'));
    expect(res.headers.get('content-range')).toBe('bytes 0-1023/2048');
    const whole = await raw(emu, { method: 'PUT', bucket, key: 'pc-dst', query: [['partNumber', '2'], ['uploadId', id]], headers: { 'x-oss-copy-source': `/${bucket}/pc-src` } });
    expect(whole.headers.get('content-range')).toBe('bytes 0-2047/2048');
  });
});

describe('audit #4: ListObjectsV2 continuation tokens survive QueryUnescape', () => {
  it('pages through keys whose base64 holds + and / after Go-style unescaping', async () => {
    await raw(emu, { method: 'PUT', bucket: 'fidelity-tokens' });
    // base64('~~~1') = 'fn5+MQ==', base64('???') = 'Pz8/': the characters standard base64 puts in a token.
    const keys = ['???', '~~~1', '~~~2'];
    for (const k of keys) await put(k, 'x', {}, 'fidelity-tokens');
    const seen: string[] = [];
    let token: string | undefined;
    for (let page = 0; page < 5; page++) {
      const query: [string, string | undefined][] = [['list-type', '2'], ['max-keys', '1'], ['encoding-type', 'url']];
      if (token !== undefined) query.push(['continuation-token', token]);
      const res = await raw(emu, { method: 'GET', bucket: 'fidelity-tokens', query });
      expect(res.status, res.text).toBe(200);
      seen.push(decodeURIComponent(xmlValue(res.text, 'Key')!));
      const next = xmlValue(res.text, 'NextContinuationToken');
      if (next === undefined) break;
      expect(next).toMatch(/^[A-Za-z0-9_.~-]+$/);
      // Go's url.QueryUnescape: `+` becomes a space, %XX decodes.
      token = decodeURIComponent(next.replace(/\+/g, ' '));
    }
    expect(seen).toEqual(keys);
  });

  it('still resumes without encoding-type and from a standard-base64 token', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'fidelity-tokens', query: [['list-type', '2'], ['continuation-token', Buffer.from('~~~1').toString('base64')]] });
    expect(xmlValue(res.text, 'Key')).toBe('~~~2');
  });

  it('refuses a token it did not issue, also one made of base64url characters (OSS2 live test_list_with_error_continuation_token)', async () => {
    for (const token of ['err-token', 'fn5 MQ==', 'not_a-token']) {
      const res = await raw(emu, { method: 'GET', bucket: 'fidelity-tokens', query: [['list-type', '2'], ['continuation-token', token]] });
      expect(res.status, token).toBe(400);
      expect(errorCode(res), token).toBe('InvalidArgument');
    }
  });
});

describe('audit #5, sdk-suites: ListMultipartUploads paging', () => {
  it('never repeats a CommonPrefix across pages with a delimiter', async () => {
    const b = 'fidelity-uploads';
    await raw(emu, { method: 'PUT', bucket: b });
    for (const k of ['p/a', 'p/bb/1', 'p/bb/2', 'p/cc/1', 'p/cc/2', 'p/d', 'p/ee/1']) await initiate(k, b);
    const seen: string[] = [];
    let keyMarker = '';
    let uploadIdMarker = '';
    for (let page = 0; page < 10; page++) {
      const res = await raw(emu, {
        method: 'GET',
        bucket: b,
        query: [['uploads', undefined], ['prefix', 'p/'], ['delimiter', '/'], ['max-uploads', '2'], ['key-marker', keyMarker], ['upload-id-marker', uploadIdMarker]],
      });
      expect(res.status).toBe(200);
      for (const m of res.text.matchAll(/<(?:Key|CommonPrefixes><Prefix)>([^<]*)</g)) seen.push(m[1]!);
      if (xmlValue(res.text, 'IsTruncated') !== 'true') break;
      keyMarker = xmlValue(res.text, 'NextKeyMarker')!;
      uploadIdMarker = xmlValue(res.text, 'NextUploadIdMarker')!;
    }
    expect(seen.sort()).toEqual(['p/a', 'p/bb/', 'p/cc/', 'p/d', 'p/ee/']);
  });

  it('sends NextKeyMarker and NextUploadIdMarker of the last upload on an untruncated page', async () => {
    const b = 'fidelity-uploads-one';
    await raw(emu, { method: 'PUT', bucket: b });
    const id = await initiate('only', b);
    const res = await raw(emu, { method: 'GET', bucket: b, query: [['uploads', undefined]] });
    expect(xmlValue(res.text, 'IsTruncated')).toBe('false');
    expect([xmlValue(res.text, 'NextKeyMarker'), xmlValue(res.text, 'NextUploadIdMarker')]).toEqual(['only', id]);
  });
});

describe('sdk-suites: an empty CompleteMultipartUpload completes a 0-byte object', () => {
  it('the Go Uploader\'s body for an empty stream lands an empty Multipart object', async () => {
    const id = await initiate('empty-mp');
    const res = await raw(emu, { method: 'POST', bucket, key: 'empty-mp', query: [['uploadId', id]], body: '<CompleteMultipartUpload></CompleteMultipartUpload>' });
    expect(res.status, res.text).toBe(200);
    expect(xmlValue(res.text, 'ETag')).toMatch(/^"[0-9A-F]{32}-0"$/);
    const got = await raw(emu, { method: 'GET', bucket, key: 'empty-mp' });
    expect([got.status, got.body.length, got.headers.get('x-oss-object-type')]).toEqual([200, 0, 'Multipart']);
    const gone = await raw(emu, { method: 'GET', bucket, key: 'empty-mp', query: [['uploadId', id]] });
    expect(errorCode(gone)).toBe('NoSuchUpload');
  });

  it('a body that is not a part list stays MalformedXML', async () => {
    const id = await initiate('empty-mp2');
    const res = await raw(emu, { method: 'POST', bucket, key: 'empty-mp2', query: [['uploadId', id]], body: '<CompleteMultipartUpload><Foo>1</Foo></CompleteMultipartUpload>' });
    expect([res.status, errorCode(res)]).toEqual([400, 'MalformedXML']);
  });
});

describe('audit #16, sdk-suites: malformed version ids; ?versionId=null on an unversioned bucket', () => {
  const md5 = (x: string) => createHash('md5').update(x).digest('base64');

  it('DeleteMultipleObjects with <VersionId>234</VersionId> on a versioned bucket → InvalidArgument, nothing deleted', async () => {
    const b = 'fidelity-versioned';
    await raw(emu, { method: 'PUT', bucket: b });
    const v = await raw(emu, { method: 'PUT', bucket: b, query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
    expect(v.status).toBe(200);
    await put('test-key', 'x', {}, b);
    const xml = '<Delete><Quiet>false</Quiet><Object><Key>test-key</Key></Object><Object><Key>test-key</Key><VersionId>234</VersionId></Object></Delete>';
    const res = await raw(emu, { method: 'POST', bucket: b, query: [['delete', undefined]], headers: { 'content-md5': md5(xml) }, body: xml });
    expect([res.status, errorCode(res)]).toEqual([400, 'InvalidArgument']);
    expect((await raw(emu, { method: 'HEAD', bucket: b, key: 'test-key' })).status).toBe(200);
    const one = await raw(emu, { method: 'DELETE', bucket: b, key: 'test-key', query: [['versionId', '234']] });
    expect([one.status, errorCode(one)]).toEqual([400, 'InvalidArgument']);
    expect((await raw(emu, { method: 'HEAD', bucket: b, key: 'test-key' })).status).toBe(200);
  });

  it('DELETE ?versionId=null on an unversioned bucket answers 204 without x-oss-version-id', async () => {
    await put('plain-del');
    const res = await raw(emu, { method: 'DELETE', bucket, key: 'plain-del', query: [['versionId', 'null']] });
    expect(res.status).toBe(204);
    expect(res.headers.get('x-oss-version-id')).toBeNull();
    expect((await raw(emu, { method: 'HEAD', bucket, key: 'plain-del' })).status).toBe(404);
  });
});

describe('audit #17: encoding-type=url percent-encodes / in every listing value', () => {
  it('ListObjects, V2, ListObjectVersions, ListMultipartUploads, ListParts, Initiate and Complete', async () => {
    const b = 'fidelity-enc';
    await raw(emu, { method: 'PUT', bucket: b });
    await put('demo/a b', 'x', {}, b);
    await put('demo/sub/c', 'x', {}, b);
    const enc: [string, string | undefined] = ['encoding-type', 'url'];
    const paging: [string, string | undefined][] = [['prefix', 'demo/'], ['delimiter', '/'], ['max-keys', '1'], enc];
    const v1 = await raw(emu, { method: 'GET', bucket: b, query: [...paging, ['marker', 'demo/']] });
    expect(v1.text).toContain('<Prefix>demo%2F</Prefix>');
    expect(v1.text).toContain('<Marker>demo%2F</Marker>');
    expect(v1.text).toContain('<Delimiter>%2F</Delimiter>');
    expect(v1.text).toContain('<Key>demo%2Fa%20b</Key>');
    expect(v1.text).toContain('<NextMarker>demo%2Fa%20b</NextMarker>');
    const v2 = await raw(emu, { method: 'GET', bucket: b, query: [['list-type', '2'], ['start-after', 'demo/a b'], ...paging] });
    expect(v2.text).toContain('<StartAfter>demo%2Fa%20b</StartAfter>');
    expect(v2.text).toContain('<CommonPrefixes><Prefix>demo%2Fsub%2F</Prefix></CommonPrefixes>');
    const versions = await raw(emu, { method: 'GET', bucket: b, query: [['versions', undefined], ...paging] });
    expect(versions.text).toContain('<Key>demo%2Fa%20b</Key>');
    expect(versions.text).toContain('<NextKeyMarker>demo%2Fa%20b</NextKeyMarker>');

    const init = await raw(emu, { method: 'POST', bucket: b, key: 'demo/mp', query: [['uploads', undefined], enc] });
    expect(init.text).toContain('<Key>demo%2Fmp</Key>');
    const id = xmlValue(init.text, 'UploadId')!;
    const uploads = await raw(emu, { method: 'GET', bucket: b, query: [['uploads', undefined], ['prefix', 'demo/'], enc] });
    expect(uploads.text).toContain('<Key>demo%2Fmp</Key>');
    expect(uploads.text).toContain('<Prefix>demo%2F</Prefix>');
    const p = await raw(emu, { method: 'PUT', bucket: b, key: 'demo/mp', query: [['partNumber', '1'], ['uploadId', id]], body: 'x' });
    const parts = await raw(emu, { method: 'GET', bucket: b, key: 'demo/mp', query: [['uploadId', id], enc] });
    expect(parts.text).toContain('<Key>demo%2Fmp</Key>');
    const body = `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>${p.headers.get('etag')}</ETag></Part></CompleteMultipartUpload>`;
    const done = await raw(emu, { method: 'POST', bucket: b, key: 'demo/mp', query: [['uploadId', id], enc], body });
    expect(done.text).toContain('<Key>demo%2Fmp</Key>');
    expect(xmlValue(done.text, 'Location')).toMatch(/\/fidelity-enc\/demo\/mp$/);
  });
});

describe('audit #18: AppendObject ignores x-oss-tagging after the first append', () => {
  it('a later append with 11 tags succeeds and leaves the tags as they were', async () => {
    const first = await raw(emu, { method: 'POST', bucket, key: 'tag-app', query: [['append', undefined], ['position', '0']], body: 'a' });
    expect(first.status).toBe(200);
    const tags = Array.from({ length: 11 }, (_, i) => `k${i}=v${i}`).join('&');
    const later = await raw(emu, { method: 'POST', bucket, key: 'tag-app', query: [['append', undefined], ['position', '1']], headers: { 'x-oss-tagging': tags }, body: 'b' });
    expect(later.status, later.text).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket, key: 'tag-app', query: [['tagging', undefined]] });
    expect(got.text).not.toContain('<Tag>');
    // The first append still refuses them.
    const fresh = await raw(emu, { method: 'POST', bucket, key: 'tag-app2', query: [['append', undefined], ['position', '0']], headers: { 'x-oss-tagging': tags }, body: 'a' });
    expect([fresh.status, errorCode(fresh)]).toEqual([400, 'InvalidTag']);
  });
});

describe('audit #20, sdk-suites: GetBucketInfo carries Comment, BlockPublicAccess and a ResourceGroupId', () => {
  // A new bucket reports BlockPublicAccess true: PY2 live test_get_bucket_info (OSS's default since 2025-10-13).
  it('in the captured order', async () => {
    const res = await raw(emu, { method: 'GET', bucket, query: [['bucketInfo', undefined]] });
    expect(xmlValue(res.text, 'ResourceGroupId')).toMatch(/^rg-.+/);
    expect(res.text).toMatch(/<\/AccessControlList><Comment><\/Comment><ServerSideEncryptionRule>.*<\/BucketPolicy><BlockPublicAccess>true<\/BlockPublicAccess><\/Bucket>/s);
  });
});

describe('audit #21-#23, #25, #27: error documents and common headers', () => {
  it('HEAD errors carry Content-Type application/xml and the Content-Length of the GET error body', async () => {
    const get = await raw(emu, { method: 'GET', bucket, key: 'no-such-head' });
    const head = await raw(emu, { method: 'HEAD', bucket, key: 'no-such-head' });
    expect(head.status).toBe(404);
    expect(head.headers.get('content-type')).toBe('application/xml');
    const doc = Buffer.from(head.headers.get('x-oss-err')!, 'base64').toString('utf8');
    expect(Number(head.headers.get('content-length'))).toBe(Buffer.byteLength(doc));
    // The same document as GET's but for its request id.
    expect(Number(head.headers.get('content-length'))).toBe(get.body.length);
    expect(head.body.length).toBe(0);
  });

  it('error bodies are indented two spaces, one element a line', async () => {
    const res = await raw(emu, { method: 'GET', bucket, key: 'no-such-indent' });
    expect(res.text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<Error>\n {2}<Code>NoSuchKey<\/Code>\n {2}<Message>The specified key does not exist\.<\/Message>\n {2}<RequestId>[0-9A-F]{24}<\/RequestId>\n {2}<HostId>[^<]+<\/HostId>\n {2}<Key>no-such-indent<\/Key>\n {2}<EC>0026-00000001<\/EC>\n {2}<RecommendDoc>[^<]+<\/RecommendDoc>\n<\/Error>$/,
    );
  });

  it('x-oss-server-time on successes and errors alike', async () => {
    for (const res of [await raw(emu, { method: 'GET', bucket, query: [['max-keys', '1']] }), await raw(emu, { method: 'GET', bucket, key: 'nope' }), await raw(emu, { method: 'HEAD', bucket, key: 'nope' })]) {
      expect(res.headers.get('x-oss-server-time')).toMatch(/^\d+$/);
    }
  });

  it('ListObjectsV2 writes KeyCount after Contents and CommonPrefixes', async () => {
    const res = await raw(emu, { method: 'GET', bucket, query: [['list-type', '2'], ['delimiter', '/'], ['max-keys', '50']] });
    expect(res.text).toMatch(/<\/CommonPrefixes><KeyCount>\d+<\/KeyCount><\/ListBucketResult>$/);
    expect(res.text.indexOf('<KeyCount>')).toBeGreaterThan(res.text.lastIndexOf('</Contents>'));
  });

  it('DeleteMultipleObjects with another root element: MalformedXML with ErrorDetail', async () => {
    const xml = '<Remove><Object><Key>k</Key></Object></Remove>';
    const res = await raw(emu, { method: 'POST', bucket, query: [['delete', undefined]], headers: { 'content-md5': createHash('md5').update(xml).digest('base64') }, body: xml });
    expect([res.status, errorCode(res), xmlValue(res.text, 'ErrorDetail'), xmlValue(res.text, 'EC')]).toEqual([400, 'MalformedXML', 'the root node is not named Delete.', '0016-00000608']);
  });
});

describe('audit #19: GetObject with Accept-Encoding: gzip', () => {
  const gz = { 'accept-encoding': 'gzip' };

  it('gzips a text/plain object of 1024 bytes: chunked, no Content-Length, ETag or Accept-Ranges', async () => {
    const body = Buffer.alloc(1024, 'a');
    await put('gz/exact.txt', body, { 'content-type': 'text/plain' });
    const res = await raw(emu, { method: 'GET', bucket, key: 'gz/exact.txt', headers: gz });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('etag')).toBeNull();
    expect(res.headers.get('accept-ranges')).toBeNull();
    expect(res.headers.get('content-type')).toBe('text/plain');
    const { gunzipSync } = await import('node:zlib');
    expect(Buffer.compare(gunzipSync(res.body), body)).toBe(0);
  });

  it('streams a large JSON object compressed', async () => {
    const body = Buffer.from(JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ i }))));
    await put('gz/big.json', body, { 'content-type': 'application/json; charset=utf-8' });
    const res = await raw(emu, { method: 'GET', bucket, key: 'gz/big.json', headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const { gunzipSync } = await import('node:zlib');
    expect(Buffer.compare(gunzipSync(res.body), body)).toBe(0);
  });

  it('leaves identity: under 1 KB, another type, a range, a stored Content-Encoding, no Accept-Encoding', async () => {
    await put('gz/small.txt', Buffer.alloc(1023, 'a'), { 'content-type': 'text/plain' });
    await put('gz/bin', Buffer.alloc(4096, 'a'), { 'content-type': 'application/octet-stream' });
    await put('gz/pre.txt', Buffer.alloc(4096, 'a'), { 'content-type': 'text/plain', 'content-encoding': 'identity' });
    await put('gz/br.txt', Buffer.alloc(4096, 'a'), { 'content-type': 'text/plain', 'content-encoding': 'br' });
    const cases = [
      await raw(emu, { method: 'GET', bucket, key: 'gz/small.txt', headers: gz }),
      await raw(emu, { method: 'GET', bucket, key: 'gz/bin', headers: gz }),
      await raw(emu, { method: 'GET', bucket, key: 'gz/br.txt', headers: gz }),
      await raw(emu, { method: 'GET', bucket, key: 'gz/exact.txt', headers: { ...gz, range: 'bytes=0-99' } }),
      await raw(emu, { method: 'GET', bucket, key: 'gz/exact.txt' }),
      await raw(emu, { method: 'GET', bucket, key: 'gz/exact.txt', headers: { 'accept-encoding': 'gzip;q=0' } }),
    ];
    for (const res of cases) {
      expect(res.headers.get('content-encoding') ?? 'none').not.toBe('gzip');
      expect(Number(res.headers.get('content-length'))).toBe(res.body.length);
    }
    const identity = await raw(emu, { method: 'GET', bucket, key: 'gz/pre.txt', headers: gz });
    expect(identity.headers.get('content-encoding')).toBe('gzip');
  });
});
