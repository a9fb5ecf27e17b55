// PostObject (behaviour §9.13) over raw HTTP: hand-built multipart bodies (to control the order of the parts) and
// Node's own FormData + fetch, V1 and V4 form signatures, anonymous posts, every policy refusal leaving the store as
// it was (no object, no chunk), the PutObject rules through the landing funnel, CORS, and a 100 MiB file streamed.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import OSS from 'ali-oss';
import { v4SigningKey } from '@local-oss/client';
import { parsePolicy } from '../../src/domain/policy.js';
import { allowPublicAccess, errorCode, ownerClient, raw, rawHttp, snapshot, startTestEmulator, xmlValue } from './support.js';

const BUCKET = 'post-forms';

type Part = [name: string, value: string] | { file: Buffer | string; filename?: string; contentType?: string };

/** A multipart/form-data body with the parts in exactly this order. */
function multipart(parts: Part[], boundary = 'local-oss-boundary-7MA4YWxk'): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    if (Array.isArray(p)) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p[0]}"\r\n\r\n${p[1]}\r\n`));
    } else {
      const filename = p.filename === undefined ? '' : `; filename="${p.filename}"`;
      const type = p.contentType === undefined ? '' : `Content-Type: ${p.contentType}\r\n`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"${filename}\r\n${type}\r\n`));
      chunks.push(Buffer.isBuffer(p.file) ? p.file : Buffer.from(p.file));
      chunks.push(Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

function policyOf(conditions: unknown[], expiresIn = 3600_000): string {
  return Buffer.from(JSON.stringify({ expiration: new Date(Date.now() + expiresIn).toISOString(), conditions })).toString('base64');
}

function v1Fields(emu: RunningEmulator, policy: string, ak = emu.accessKeyId, secret = emu.accessKeySecret): [string, string][] {
  return [
    ['OSSAccessKeyId', ak],
    ['policy', policy],
    ['Signature', createHmac('sha1', secret).update(policy).digest('base64')],
  ];
}

function v4Fields(emu: RunningEmulator, conditions: unknown[], at = new Date(), region = emu.region): [string, string][] {
  const date = at.toISOString().slice(0, 10).replace(/-/g, '');
  const datetime = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const credential = `${emu.accessKeyId}/${date}/${region}/oss/aliyun_v4_request`;
  const policy = policyOf([...conditions, { 'x-oss-signature-version': 'OSS4-HMAC-SHA256' }, { 'x-oss-credential': credential }, { 'x-oss-date': datetime }]);
  const signature = createHmac('sha256', v4SigningKey(emu.accessKeySecret, date, region, 'oss')).update(policy).digest('hex');
  return [
    ['x-oss-signature-version', 'OSS4-HMAC-SHA256'],
    ['x-oss-credential', credential],
    ['x-oss-date', datetime],
    ['policy', policy],
    ['x-oss-signature', signature],
  ];
}

async function post(emu: RunningEmulator, parts: Part[], options: { bucket?: string; headers?: Record<string, string>; virtualHost?: boolean } = {}) {
  const { body, contentType } = multipart(parts);
  const bucket = options.bucket ?? BUCKET;
  const headers = { 'content-type': contentType, ...options.headers };
  if (options.virtualHost) return rawHttp(`${emu.url}/`, 'POST', { ...headers, host: `${bucket}.oss-${emu.region}.aliyuncs.com` }, body);
  return rawHttp(`${emu.url}/${bucket}`, 'POST', headers, body);
}

/** Chunks in both files: whole 1 MiB chunks live in the attached blobs file (store/db.ts; its one empty row is a marker). */
function chunkCount(emu: RunningEmulator): number {
  return emu.store.db.prepare("SELECT (SELECT count(*) FROM chunks) + (SELECT count(*) FROM blobs.chunks WHERE data != x'')").pluck().get() as number;
}

describe('PostObject', () => {
  let emu: RunningEmulator;
  const ram = {
    kind: 'user' as const,
    name: 'poster',
    accessKeyId: 'ak-poster',
    accessKeySecret: 'secret-poster',
    policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:PutObject'], Resource: [`acs:oss:*:*:${BUCKET}/uploads/*`] }] })],
  };
  const sts = {
    kind: 'sts' as const,
    accessKeyId: 'STS.post',
    accessKeySecret: 'secret-sts',
    securityToken: 'token-post',
    policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:PutObject'], Resource: ['*'] }] })],
  };
  beforeAll(async () => {
    emu = await startTestEmulator({ config: { accountId: '1234567890', users: [ram], sts: [sts], kms: { keys: [] } } });
    for (const b of [BUCKET, 'post-public', 'post-versioned']) {
      expect((await raw(emu, { method: 'PUT', bucket: b })).status).toBe(200);
      await allowPublicAccess(emu, b); // anonymous forms and public object ACLs below (behaviour §14.15)
    }
    expect((await raw(emu, { method: 'PUT', bucket: 'post-public', query: [['acl', undefined]], headers: { 'x-oss-acl': 'public-read-write' } })).status).toBe(200);
    await ownerClient(emu).putBucketVersioning({ bucket: 'post-versioned', versioningConfiguration: { status: 'Enabled' } });
  });
  afterAll(() => emu.close());

  it('stores a V1-signed form (204 by default) with the metadata fields, as PutObject would', async () => {
    const policy = policyOf([{ bucket: BUCKET }, ['starts-with', '$key', 'v1/'], ['content-length-range', 1, 1024]]);
    const res = await post(emu, [
      ['key', 'v1/hello.txt'],
      ['x-oss-meta-owner', 'alice'],
      ['Content-Disposition', 'attachment;filename=hi.txt'],
      ['Cache-Control', 'no-cache'],
      ...v1Fields(emu, policy),
      { file: 'hello form', filename: 'local.txt', contentType: 'text/plain' },
    ]);
    expect(res.status, res.text).toBe(204);
    expect(res.headers.get('etag')).toBe('"' + (await ownerClient(emu).headObject({ bucket: BUCKET, key: 'v1/hello.txt' })).etag?.replace(/"/g, '') + '"');
    expect(res.headers.get('x-oss-hash-crc64ecma')).toMatch(/^\d+$/);
    expect(res.headers.get('x-oss-request-id')).toMatch(/^[0-9A-F]{24}$/);
    const get = await raw(emu, { method: 'GET', bucket: BUCKET, key: 'v1/hello.txt' });
    expect(get.text).toBe('hello form');
    expect(get.headers.get('x-oss-meta-owner')).toBe('alice');
    expect(get.headers.get('content-type')).toBe('text/plain');
    expect(get.headers.get('content-disposition')).toBe('attachment;filename=hi.txt');
    expect(get.headers.get('cache-control')).toBe('no-cache');
    expect(get.headers.get('x-oss-hash-crc64ecma')).toBe(res.headers.get('x-oss-hash-crc64ecma'));
  });

  it('stores a V4-signed form sent by fetch + FormData; 201 answers the PostResponse document', async () => {
    const form = new FormData();
    form.append('key', 'v4/${filename}');
    form.append('success_action_status', '201');
    for (const [name, value] of v4Fields(emu, [{ bucket: BUCKET }, ['eq', '$success_action_status', '201']])) form.append(name, value);
    form.append('file', new Blob(['v4 bytes'], { type: 'image/png' }), 'photo.png');
    const res = await fetch(`${emu.url}/${BUCKET}`, { method: 'POST', body: form });
    const text = await res.text();
    expect(res.status, text).toBe(201);
    expect(xmlValue(text, 'Bucket')).toBe(BUCKET);
    expect(xmlValue(text, 'Key')).toBe('v4/photo.png');
    expect(xmlValue(text, 'ETag')).toBe(res.headers.get('etag'));
    expect(xmlValue(text, 'Location')).toBe(`${emu.url}/${BUCKET}/v4/photo.png`);
    const get = await raw(emu, { method: 'GET', bucket: BUCKET, key: 'v4/photo.png' });
    expect([get.text, get.headers.get('content-type')]).toEqual(['v4 bytes', 'image/png']);
  });

  it('answers 200 empty and 303 to success_action_redirect with bucket, key and etag', async () => {
    const ok = await post(emu, [['key', 'status-200'], ['success_action_status', '200'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'x' }]);
    expect([ok.status, ok.text]).toEqual([200, '']);
    const redirected = await post(emu, [
      ['key', 'redirected'],
      ['success_action_redirect', 'http://app.example/done?from=form'],
      ...v1Fields(emu, policyOf([{ bucket: BUCKET }])),
      { file: 'y' },
    ]);
    expect(redirected.status).toBe(303);
    const location = new URL(redirected.headers.get('location')!);
    expect(location.origin + location.pathname).toBe('http://app.example/done');
    expect(Object.fromEntries(location.searchParams)).toEqual({ from: 'form', bucket: BUCKET, key: 'redirected', etag: redirected.headers.get('etag') });
  });

  it('accepts a virtual-hosted POST / (<bucket>.oss-<region>.aliyuncs.com, <bucket>.localhost) and reports the version id in a versioned bucket', async () => {
    const res = await post(emu, [['key', 'vh.txt'], ...v1Fields(emu, policyOf([{ bucket: 'post-versioned' }])), { file: 'vh' }], {
      bucket: 'post-versioned',
      virtualHost: true,
    });
    expect(res.status, res.text).toBe(204);
    expect(res.headers.get('x-oss-version-id')).toBeTruthy();
    const { body, contentType } = multipart([['key', 'local.txt'], ['success_action_status', '201'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'lh' }]);
    const local = await rawHttp(`${emu.url}/`, 'POST', { 'content-type': contentType, host: `${BUCKET}.localhost:${emu.port}` }, body);
    expect(local.status, local.text).toBe(201);
    expect(xmlValue(local.text, 'Location')).toBe(`http://${BUCKET}.localhost:${emu.port}/local.txt`);
  });

  it('lets anyone post to a public-read-write bucket without a policy, and refuses it on a private bucket', async () => {
    expect((await post(emu, [['key', 'anon.txt'], { file: 'anon' }], { bucket: 'post-public' })).status).toBe(204);
    const before = snapshot(emu);
    const refused = await post(emu, [['key', 'anon.txt'], { file: 'anon' }]);
    expect([refused.status, errorCode(refused)]).toEqual([403, 'AccessDenied']);
    expect(snapshot(emu)).toBe(before);
  });

  it('ignores the header signature and fields after the file part', async () => {
    const res = await post(
      emu,
      [['key', 'order.txt'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'ordered' }, ['x-oss-meta-late', 'ignored'], ['key', 'other.txt']],
      { headers: { authorization: 'OSS nobody:bogus' } },
    );
    expect(res.status, res.text).toBe(204);
    const head = await raw(emu, { method: 'HEAD', bucket: BUCKET, key: 'order.txt' });
    expect([head.status, head.headers.get('x-oss-meta-late')]).toEqual([200, null]);
    expect((await raw(emu, { method: 'HEAD', bucket: BUCKET, key: 'other.txt' })).status).toBe(404);
  });

  describe('refusals change nothing (no object, no chunk)', () => {
    const cases: [string, (emu: RunningEmulator) => Part[], number, string, RegExp?, string?][] = [
      ['key after the file', (e) => [...v1Fields(e, policyOf([{ bucket: BUCKET }])), { file: 'x' }, ['key', 'late.txt']], 400, 'InvalidArgument', /must contain the specified 'key'/],
      ['no file part', (e) => [['key', 'nofile.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET }]))], 400, 'InvalidArgument', /specified 'file'/],
      ['starts-with $key failed', (e) => [['key', 'other/a.txt'], ...v1Fields(e, policyOf([['starts-with', '$key', 'user/eric/']])), { file: 'x' }], 403, 'AccessDenied', /^Invalid according to Policy: Policy Condition failed: \["starts-with", "\$key", "user\/eric\/"\]$/, '0006-00000227'],
      ['bucket condition failed', (e) => [['key', 'a.txt'], ...v1Fields(e, policyOf([{ bucket: 'someone-else' }])), { file: 'x' }], 403, 'AccessDenied', /\["eq", "\$bucket", "someone-else"\]/],
      ['condition on a missing field', (e) => [['key', 'a.txt'], ...v1Fields(e, policyOf([['eq', '$success_action_status', '201']])), { file: 'x' }], 403, 'AccessDenied', /Policy Condition failed/, '0006-00000226'],
      ['meta condition failed', (e) => [['key', 'a.txt'], ['x-oss-meta-prop', 'nope'], ...v1Fields(e, policyOf([['starts-with', '$x-oss-meta-prop', 'prop-']])), { file: 'x' }], 403, 'AccessDenied', /x-oss-meta-prop/],
      ['expired policy', (e) => [['key', 'a.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET }], -1000)), { file: 'x' }], 403, 'AccessDenied', /^Invalid according to Policy: Policy expired\.$/],
      ['V4 credential of another region', (e) => [['key', 'a.txt'], ...v4Fields(e, [{ bucket: BUCKET }], new Date(), 'cn-elsewhere'), { file: 'x' }], 400, 'InvalidArgument', /signing region in credential/],
      ['V4 form without x-oss-signature', (e) => [['key', 'a.txt'], ...v4Fields(e, [{ bucket: BUCKET }]).filter(([n]) => n !== 'x-oss-signature'), { file: 'x' }], 403, 'AccessDenied', undefined, '0002-00000703'],
      ['bad signature', (e) => [['key', 'a.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET }]), e.accessKeyId, 'wrong-secret'), { file: 'x' }], 403, 'SignatureDoesNotMatch'],
      ['unknown access key', (e) => [['key', 'a.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET }]), 'ak-unknown'), { file: 'x' }], 403, 'InvalidAccessKeyId'],
      ['signature without policy', (e) => [['key', 'a.txt'], ['OSSAccessKeyId', e.accessKeyId], ['Signature', 'abc'], { file: 'x' }], 403, 'AccessDenied', undefined, '0002-00000702'],
      ['policy not JSON', (e) => [['key', 'a.txt'], ...v1Fields(e, Buffer.from('{"expiration": oops').toString('base64')), { file: 'x' }], 400, 'InvalidPolicyDocument'],
      ['simple condition with two properties', (e) => [['key', 'a.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET, key: 'a.txt' }])), { file: 'x' }], 400, 'InvalidPolicyDocument', /Simple-Conditions must have exactly one property specified/],
      ['file over content-length-range', (e) => [['key', 'big.txt'], ...v1Fields(e, policyOf([['content-length-range', 0, 4]])), { file: 'too long' }], 400, 'EntityTooLarge'],
      ['file under content-length-range', (e) => [['key', 'small.txt'], ...v1Fields(e, policyOf([['content-length-range', 5, 10]])), { file: 'tiny' }], 400, 'EntityTooSmall'],
      // {"callbackUrl":"http://127.0.0.1:1/"}: no callbackBody, refused before the file is stored (behaviour §9.14).
      ['callback field without callbackBody', (e) => [['key', 'cb.txt'], ['callback', 'eyJjYWxsYmFja1VybCI6Imh0dHA6Ly8xMjcuMC4wLjE6MS8ifQ=='], ...v1Fields(e, policyOf([{ bucket: BUCKET }])), { file: 'x' }], 400, 'InvalidArgument'],
      ['STS key without its token', (e) => [['key', 'sts.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET }]), 'STS.post', 'secret-sts'), { file: 'x' }], 403, 'InvalidAccessKeyId'],
      ['RAM user outside its resource', (e) => [['key', 'elsewhere.txt'], ...v1Fields(e, policyOf([{ bucket: BUCKET }]), 'ak-poster', 'secret-poster'), { file: 'x' }], 403, 'AccessDenied'],
    ];
    for (const [name, parts, status, code, message, ec] of cases) {
      it(name, async () => {
        const before = snapshot(emu);
        const chunks = chunkCount(emu);
        const res = await post(emu, parts(emu));
        expect([res.status, errorCode(res)], res.text).toEqual([status, code]);
        if (message) expect(xmlValue(res.text, 'Message')).toMatch(message);
        if (ec) expect(xmlValue(res.text, 'EC')).toBe(ec);
        expect(chunkCount(emu)).toBe(chunks);
        expect(snapshot(emu)).toBe(before);
      });
    }

    it('a body that is not multipart/form-data', async () => {
      const before = snapshot(emu);
      const res = await rawHttp(`${emu.url}/${BUCKET}`, 'POST', { 'content-type': 'application/octet-stream' }, 'key=a');
      expect([res.status, errorCode(res)]).toEqual([400, 'MalformedPOSTRequest']);
      expect(snapshot(emu)).toBe(before);
    });

    it('a form cut off inside the file part', async () => {
      const before = snapshot(emu);
      const { body, contentType } = multipart([['key', 'cut.txt'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'x'.repeat(3 * 1024 * 1024) }]);
      const cut = body.subarray(0, body.length - 200);
      const res = await rawHttp(`${emu.url}/${BUCKET}`, 'POST', { 'content-type': contentType }, cut);
      expect([res.status, errorCode(res)]).toEqual([400, 'MalformedPOSTRequest']);
      expect(snapshot(emu)).toBe(before);
    });
  });

  it('checks a Content-MD5 header against the whole body', async () => {
    const { body, contentType } = multipart([['key', 'md5.txt'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'digested' }]);
    const right = createHash('md5').update(body).digest('base64');
    const before = snapshot(emu);
    const wrong = await rawHttp(`${emu.url}/${BUCKET}`, 'POST', { 'content-type': contentType, 'content-md5': createHash('md5').update('other').digest('base64') }, body);
    expect([wrong.status, errorCode(wrong)]).toEqual([400, 'InvalidDigest']);
    expect(snapshot(emu)).toBe(before);
    const res = await rawHttp(`${emu.url}/${BUCKET}`, 'POST', { 'content-type': contentType, 'content-md5': right }, body);
    expect(res.status, res.text).toBe(204);
  });

  it('applies x-oss-forbid-overwrite through the landing funnel', async () => {
    const fields = v1Fields(emu, policyOf([{ bucket: BUCKET }]));
    expect((await post(emu, [['key', 'kept.txt'], ...fields, { file: 'first' }])).status).toBe(204);
    const before = snapshot(emu);
    const res = await post(emu, [['key', 'kept.txt'], ['x-oss-forbid-overwrite', 'true'], ...fields, { file: 'second' }]);
    expect([res.status, errorCode(res)]).toEqual([409, 'FileAlreadyExists']);
    expect(snapshot(emu)).toBe(before);
    expect((await raw(emu, { method: 'GET', bucket: BUCKET, key: 'kept.txt' })).text).toBe('first');
  });

  it('takes the object ACL, storage class and tags fields; a RAM user and an STS key with its token may post', async () => {
    const res = await post(emu, [
      ['key', 'uploads/ram.txt'],
      ['x-oss-object-acl', 'public-read'],
      ['x-oss-storage-class', 'IA'],
      ...v1Fields(emu, policyOf([{ bucket: BUCKET }]), 'ak-poster', 'secret-poster'),
      { file: 'ram' },
    ]);
    expect(res.status, res.text).toBe(204);
    const head = await raw(emu, { method: 'HEAD', bucket: BUCKET, key: 'uploads/ram.txt' });
    expect(head.headers.get('x-oss-storage-class')).toBe('IA');
    expect((await raw(emu, { method: 'GET', bucket: BUCKET, key: 'uploads/ram.txt', sign: 'none' })).status).toBe(200);
    const tagged = await post(emu, [
      ['key', 'sts.txt'],
      ['x-oss-tagging', 'team=web'],
      ['x-oss-security-token', 'token-post'],
      ...v1Fields(emu, policyOf([{ bucket: BUCKET }]), 'STS.post', 'secret-sts'),
      { file: 'sts' },
    ]);
    expect(tagged.status, tagged.text).toBe(403); // the STS policy lacks oss:PutObjectTagging
    const plain = await post(emu, [['key', 'sts.txt'], ['x-oss-security-token', 'token-post'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }]), 'STS.post', 'secret-sts'), { file: 'sts' }]);
    expect(plain.status, plain.text).toBe(204);
  });

  it('encrypts as the SSE field says, and asks the KMS permissions of an SSE-KMS field', async () => {
    const res = await post(emu, [['key', 'sse.txt'], ['x-oss-server-side-encryption', 'AES256'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'sealed' }]);
    expect([res.status, res.headers.get('x-oss-server-side-encryption')]).toEqual([204, 'AES256']);
    expect((await raw(emu, { method: 'HEAD', bucket: BUCKET, key: 'sse.txt' })).headers.get('x-oss-server-side-encryption')).toBe('AES256');
    const before = snapshot(emu);
    const kms = await post(emu, [
      ['key', 'uploads/kms.txt'],
      ['x-oss-server-side-encryption', 'KMS'],
      ...v1Fields(emu, policyOf([{ bucket: BUCKET }]), 'ak-poster', 'secret-poster'),
      { file: 'sealed' },
    ]);
    expect([kms.status, errorCode(kms)]).toEqual([403, 'AccessDenied']);
    expect(snapshot(emu)).toBe(before);
  });

  it("answers a browser form from another origin with the bucket's CORS headers", async () => {
    await ownerClient(emu).putBucketCors({ bucket: BUCKET, corsConfiguration: { corsRules: [{ allowedOrigins: ['http://app.example'], allowedMethods: ['POST'] }] } });
    const res = await post(emu, [['key', 'cors.txt'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: 'c' }], { headers: { origin: 'http://app.example' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://app.example');
  });

  it("accepts ali-oss's calculatePostSignature (V1) and signPostObjectPolicyV4 (V4) forms", async () => {
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket: BUCKET });
    const expiration = new Date(Date.now() + 600_000).toISOString();
    const v1 = ali.calculatePostSignature({ expiration, conditions: [['starts-with', '$key', 'ali/']] }) as { OSSAccessKeyId: string; Signature: string; policy: string };
    const form = new FormData();
    form.append('key', 'ali/v1.txt');
    form.append('OSSAccessKeyId', v1.OSSAccessKeyId);
    form.append('policy', v1.policy);
    form.append('Signature', v1.Signature);
    form.append('file', new Blob(['from ali-oss v1']), 'v1.txt');
    const res1 = await fetch(`${emu.url}/${BUCKET}`, { method: 'POST', body: form });
    expect(res1.status, await res1.text()).toBe(204);

    const now = new Date();
    const datetime = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const credential = `${emu.accessKeyId}/${datetime.slice(0, 8)}/${emu.region}/oss/aliyun_v4_request`;
    const policy = { expiration, conditions: [{ bucket: BUCKET }, { 'x-oss-credential': credential }, { 'x-oss-date': datetime }, { 'x-oss-signature-version': 'OSS4-HMAC-SHA256' }] };
    const v4 = new FormData();
    v4.append('key', 'ali/v4.txt');
    v4.append('x-oss-signature-version', 'OSS4-HMAC-SHA256');
    v4.append('x-oss-credential', credential);
    v4.append('x-oss-date', datetime);
    v4.append('policy', Buffer.from(JSON.stringify(policy)).toString('base64'));
    v4.append('x-oss-signature', (ali as unknown as { signPostObjectPolicyV4(p: object, d: Date): string }).signPostObjectPolicyV4(policy, now));
    v4.append('file', new Blob(['from ali-oss v4']), 'v4.txt');
    const res4 = await fetch(`${emu.url}/${BUCKET}`, { method: 'POST', body: v4 });
    expect(res4.status, await res4.text()).toBe(204);
    ali.useBucket(BUCKET);
    expect(String((await ali.get('ali/v4.txt')).content)).toBe('from ali-oss v4');
  });

  it("uploads through our client's presignPostObject form, V4 and V1, and its policy holds", async () => {
    for (const signatureVersion of ['v4', 'v1'] as const) {
      const client = ownerClient(emu, { signatureVersion });
      const { url, fields } = client.presignPostObject({
        bucket: BUCKET,
        key: `client-${signatureVersion}/\${filename}`,
        conditions: [['content-length-range', 1, 100], ['eq', '$success_action_status', '201']],
        expiresSeconds: 60,
      });
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      form.append('success_action_status', '201');
      form.append('file', new Blob(['through our client']), 'doc.txt');
      const res = await fetch(url, { method: 'POST', body: form });
      const text = await res.text();
      expect(res.status, text).toBe(201);
      expect(xmlValue(text, 'Key')).toBe(`client-${signatureVersion}/doc.txt`);
      const tooBig = new FormData();
      for (const [name, value] of Object.entries(fields)) tooBig.append(name, value);
      tooBig.append('success_action_status', '201');
      tooBig.append('file', new Blob(['x'.repeat(101)]), 'big.txt');
      const refused = await fetch(url, { method: 'POST', body: tooBig });
      expect([refused.status, /<Code>([^<]*)/.exec(await refused.text())?.[1]]).toEqual([400, 'EntityTooLarge']);
    }
  });

  it('streams a 100 MiB file into chunks of the store', async () => {
    const size = 100 * 1024 * 1024;
    const chunks = chunkCount(emu);
    const { body, contentType } = multipart([['key', 'big.bin'], ...v1Fields(emu, policyOf([{ bucket: BUCKET }])), { file: Buffer.alloc(size, 7) }]);
    const res = await rawHttp(`${emu.url}/${BUCKET}`, 'POST', { 'content-type': contentType }, body);
    expect(res.status, res.text).toBe(204);
    expect(chunkCount(emu) - chunks).toBe(100); // 1 MiB chunks, written as the file part arrived
    const head = await raw(emu, { method: 'HEAD', bucket: BUCKET, key: 'big.bin' });
    expect(head.headers.get('content-length')).toBe(String(size));
  });
});

describe('PostObject with an upload callback (behaviour §9.13, §9.14)', () => {
  let cbEmu: RunningEmulator;
  let server: Server;
  let received: { url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  beforeAll(async () => {
    cbEmu = await startTestEmulator();
    await raw(cbEmu, { method: 'PUT', bucket: BUCKET });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() });
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ Status: 'OK', from: 'app' }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await cbEmu.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it("sends the form's callback with its x: fields once the file is stored, and answers the callback server's body", async () => {
    const { port } = server.address() as AddressInfo;
    const callback = Buffer.from(JSON.stringify({
      callbackUrl: `http://127.0.0.1:${port}/uploaded`,
      callbackBody: 'object=${object}&size=${size}&who=${x:who}',
    })).toString('base64');
    received = [];
    const res = await post(cbEmu, [
      ['key', 'cb/form.txt'],
      ['callback', callback],
      ['x:who', 'alice'],
      ...v1Fields(cbEmu, policyOf([{ bucket: BUCKET }])),
      { file: 'hello form' },
    ]);
    expect([res.status, res.text]).toEqual([200, JSON.stringify({ Status: 'OK', from: 'app' })]);
    expect(received).toHaveLength(1);
    expect(received[0]!.url).toBe('/uploaded');
    expect(new URLSearchParams(received[0]!.body).get('object')).toBe('cb/form.txt');
    expect(new URLSearchParams(received[0]!.body).get('size')).toBe('10');
    expect(new URLSearchParams(received[0]!.body).get('who')).toBe('alice');
    expect(received[0]!.headers['x-oss-pub-key-url']).toBeDefined();
    expect((await raw(cbEmu, { method: 'GET', bucket: BUCKET, key: 'cb/form.txt' })).text).toBe('hello form');
  });

  it('a callback server that cannot be reached: 203 CallbackFailed, the object stored', async () => {
    const callback = Buffer.from(JSON.stringify({ callbackUrl: 'http://127.0.0.1:1/', callbackBody: 'k=${object}' })).toString('base64');
    const res = await post(cbEmu, [['key', 'cb/unreached.txt'], ['callback', callback], ...v1Fields(cbEmu, policyOf([{ bucket: BUCKET }])), { file: 'x' }]);
    expect([res.status, errorCode(res)]).toEqual([203, 'CallbackFailed']);
    expect((await raw(cbEmu, { method: 'HEAD', bucket: BUCKET, key: 'cb/unreached.txt' })).status).toBe(200);
  });
});
