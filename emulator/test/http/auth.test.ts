// Signatures, presigned URLs, anonymous access and addressing (behaviour §8).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { presignV1, presignV2, presignV4, encodeQuery, signV1, signV4, type SignableRequest } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { encodeKey, errorCode, raw, rawHttp, startTestEmulator, v4Now, xmlValue, createPublicBucket } from './support.js';

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ regions: ['cn-shanghai'] });
  await raw(emu, { method: 'PUT', bucket: 'auth' });
  await raw(emu, { method: 'PUT', bucket: 'auth', key: 'a b+c.txt', body: 'secret' });
});
afterAll(() => emu.close());

describe('V1 and V4 header signatures', () => {
  it('accepts both', async () => {
    expect((await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'v1' })).status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'v4' })).status).toBe(200);
  });

  it('answers a wrong V1 secret with SignatureDoesNotMatch and the StringToSign', async () => {
    const res = await raw(emu, {
      method: 'GET',
      bucket: 'auth',
      key: 'a b+c.txt',
      sign: 'v1',
      credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: 'wrong' },
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('SignatureDoesNotMatch');
    expect(xmlValue(res.text, 'Message')).toBe(
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
    );
    expect(xmlValue(res.text, "StringToSign")).toMatch(/^GET\n\n\n.+ GMT\nx-oss-date:.+ GMT\n\/auth\/a b\+c\.txt$/);
    expect(xmlValue(res.text, 'OSSAccessKeyId')).toBe(emu.accessKeyId);
    // Element order and byte form of EC page 0002-00000040's sample (audit #24).
    const order = [...res.text.matchAll(/<(\w+)>/g)].map((m) => m[1]).filter((n) => n !== 'Error');
    expect(order).toEqual(['Code', 'Message', 'RequestId', 'HostId', 'OSSAccessKeyId', 'SignatureProvided', 'StringToSign', 'StringToSignBytes', 'EC', 'RecommendDoc']);
    expect(xmlValue(res.text, 'StringToSignBytes')).toMatch(/^47 45 54 0A 0A 0A ([0-9A-F]{2} )+$/);
  });

  it('answers a wrong V4 secret with SignatureDoesNotMatch', async () => {
    const res = await raw(emu, {
      method: 'GET',
      bucket: 'auth',
      key: 'a b+c.txt',
      credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: 'wrong' },
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('SignatureDoesNotMatch');
  });

  it('answers an unknown key id with InvalidAccessKeyId', async () => {
    const res = await raw(emu, {
      method: 'GET',
      bucket: 'auth',
      key: 'a b+c.txt',
      credentials: { accessKeyId: 'nobody', accessKeySecret: 'x' },
    });
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('InvalidAccessKeyId');
    expect(res.headers.get('x-oss-ec')).toBe('0002-00000902');
  });

  it('refuses a request 16 minutes old with RequestTimeTooSkewed, V1 and V4', async () => {
    const old = new Date(Date.now() - 16 * 60_000);
    const v1 = await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'v1', headers: { 'x-oss-date': old.toUTCString() } });
    expect(v1.status).toBe(403);
    expect(errorCode(v1)).toBe('RequestTimeTooSkewed');
    const v4 = await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', headers: { 'x-oss-date': v4Now(old) } });
    expect(errorCode(v4)).toBe('RequestTimeTooSkewed');
  });

  it('detects a tampered signed header', async () => {
    const headers: Record<string, string> = { 'x-oss-date': new Date().toUTCString(), 'x-oss-meta-a': '1' };
    const req: SignableRequest = { method: 'PUT', bucket: 'auth', key: 't.txt', query: [], headers };
    const authorization = signV1(req, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }, headers['x-oss-date']!);
    const res = await rawHttp(`${emu.url}/auth/t.txt`, 'PUT', { ...headers, 'x-oss-meta-a': '2', authorization }, 'x');
    expect(res.status).toBe(403);
    expect(errorCode(res)).toBe('SignatureDoesNotMatch');
    expect((await raw(emu, { method: 'GET', bucket: 'auth', key: 't.txt' })).status).toBe(404);
  });
});

describe('non-ASCII header bytes (audit 2026-12-01 #7)', () => {
  // OSS signs header values as the bytes sent and stores them so ([PY1f] tests/test_object.py
  // test_put_object_with_unicode_header sends `x-oss-meta-unicode: 测试` as UTF-8). A client signs the text, whose
  // UTF-8 is what goes on the wire; Node sends a string's code units as bytes, hence the latin1 form below.
  const wire = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
  const value = '测试 丠 é'; // 丠 is E4 B8 A0: its last byte is U+00A0 read as latin1, which String.trim() drops

  it('V1 and V4 signatures hold over UTF-8 header bytes, and the metadata comes back byte-exact', async () => {
    const creds = { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
    for (const scheme of ['v1', 'v4'] as const) {
      const key = `unicode-${scheme}.txt`;
      const headers: Record<string, string> = { 'x-oss-meta-unicode': value, 'x-oss-meta-tail': '丠' };
      const req: SignableRequest = { method: 'PUT', bucket: 'auth', key, query: [], headers };
      let signedHeaders: Record<string, string>;
      if (scheme === 'v1') {
        headers['x-oss-date'] = new Date().toUTCString();
        signedHeaders = { ...headers, authorization: signV1(req, creds, headers['x-oss-date']) };
      } else {
        headers['x-oss-content-sha256'] = 'UNSIGNED-PAYLOAD';
        const signed = signV4(req, creds, { region: emu.region, datetime: v4Now() });
        signedHeaders = { ...headers, ...signed.headers, authorization: signed.authorization };
      }
      const onWire = Object.fromEntries(Object.entries(signedHeaders).map(([k, v]) => [k, wire(v)]));
      // A Buffer body: with a string body Node writes the head together with it as UTF-8, not byte per code unit.
      const put = await rawHttp(`${emu.url}/auth/${key}`, 'PUT', onWire, Buffer.from('x'));
      expect(put.status, `${scheme}: ${put.text}`).toBe(200);
      const head = await raw(emu, { method: 'HEAD', bucket: 'auth', key });
      expect(Buffer.from(head.headers.get('x-oss-meta-unicode')!, 'latin1').toString('utf8')).toBe(value);
      expect(Buffer.from(head.headers.get('x-oss-meta-tail')!, 'latin1')).toEqual(Buffer.from('丠', 'utf8'));
    }
  });

  it('shows the StringToSign of a mismatch as UTF-8, with its bytes', async () => {
    const headers: Record<string, string> = { 'x-oss-date': new Date().toUTCString(), 'x-oss-meta-unicode': '测试' };
    const req: SignableRequest = { method: 'PUT', bucket: 'auth', key: '测.txt', query: [], headers };
    const authorization = signV1(req, { accessKeyId: emu.accessKeyId, accessKeySecret: 'wrong' }, headers['x-oss-date']!);
    const res = await rawHttp(`${emu.url}/auth/${encodeKey('测.txt')}`, 'PUT', { ...headers, 'x-oss-meta-unicode': wire('测试'), authorization }, Buffer.from('x'));
    expect(errorCode(res)).toBe('SignatureDoesNotMatch');
    expect(xmlValue(res.text, 'StringToSign')).toContain('x-oss-meta-unicode:测试\n/auth/测.txt');
    expect(xmlValue(res.text, 'StringToSignBytes')).toContain('E6 B5 8B E8 AF 95 0A 2F 61 75 74 68 2F E6 B5 8B ');
  });
});

describe('presigned URLs', () => {
  const creds = () => ({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
  const req = (): SignableRequest => ({ method: 'GET', bucket: 'auth', key: 'a b+c.txt', query: [], headers: {} });
  const url = (params: Record<string, string> | [string, string][]) =>
    `${emu.url}/auth/${encodeKey('a b+c.txt')}?${encodeQuery(params as never)}`;

  it('V1: serves a valid URL, refuses an expired or tampered one', async () => {
    const good = presignV1(req(), creds(), Math.floor(Date.now() / 1000) + 60);
    expect((await fetch(url(good))).status).toBe(200);
    const expired = presignV1(req(), creds(), Math.floor(Date.now() / 1000) - 1);
    const res = await fetch(url(expired));
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(xmlValue(text, 'Code')).toBe('AccessDenied');
    expect(xmlValue(text, 'Message')).toBe('Request has expired.');
    const tampered = { ...good, Expires: String(Number((good as Record<string, string>).Expires) + 1) };
    expect((await fetch(url(tampered))).status).toBe(403);
  });

  it('V4: serves a valid URL, refuses an expired or tampered one', async () => {
    const good = presignV4(req(), creds(), { region: emu.region, datetime: v4Now(), expiresSeconds: 60 });
    expect((await fetch(url(good))).status).toBe(200);
    const expired = presignV4(req(), creds(), {
      region: emu.region,
      datetime: v4Now(new Date(Date.now() - 120_000)),
      expiresSeconds: 60,
    });
    const res = await fetch(url(expired));
    expect(res.status).toBe(403);
    expect(xmlValue(await res.text(), 'Message')).toBe('Request has expired.');
    // A longer validity or another signature than the one signed: the signature no longer matches.
    const pairs = good as [string, string][];
    const replace = (name: string, f: (v: string) => string) => pairs.map(([k, v]): [string, string] => [k, k === name ? f(v) : v]);
    expect(pairs.some(([k]) => k === 'x-oss-signature')).toBe(true);
    for (const tampered of [
      replace('x-oss-expires', () => '3600'),
      replace('x-oss-signature', (v) => v.replace(/^./, (c) => (c === '0' ? '1' : '0'))),
    ]) {
      const bad = await fetch(url(tampered));
      expect(bad.status).toBe(403);
      expect(xmlValue(await bad.text(), 'Code')).toBe('SignatureDoesNotMatch');
    }
  });
});

describe('V4 presigned URL with x-oss-additional-headers', () => {
  it('needs the headers it names: without them 400 InvalidArgument, with them 200 (GO2 TestPresign: 400, then 200)', async () => {
    const creds = { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret };
    const headers = { email: 'demo@aliyun.com', name: 'aliyun' };
    const req: SignableRequest = { method: 'PUT', bucket: 'auth', key: 'extra.txt', query: [], headers };
    const query = presignV4(req, creds, { region: emu.region, datetime: v4Now(), expiresSeconds: 60, additionalHeaders: ['email', 'name'] });
    expect(query).toContainEqual(['x-oss-additional-headers', 'email;name']);
    const url = `${emu.url}/auth/extra.txt?${encodeQuery(query)}`;

    const without = await rawHttp(url, 'PUT', {}, 'body');
    expect(without.status).toBe(400);
    expect(errorCode(without)).toBe('InvalidArgument');
    expect(without.headers.get('x-oss-ec')).toBe('0002-00000077');
    const oneOfTwo = await rawHttp(url, 'PUT', { email: headers.email }, 'body');
    expect(oneOfTwo.status).toBe(400);
    expect((await raw(emu, { method: 'HEAD', bucket: 'auth', key: 'extra.txt' })).status).toBe(404);

    expect((await rawHttp(url, 'PUT', headers, 'body')).status).toBe(200);
    // Sent with another value, the header no longer matches what was signed: 403, as for any signed header.
    expect((await rawHttp(url, 'PUT', { ...headers, name: 'other' }, 'body')).status).toBe(403);
  });
});

describe('V2 signatures (oss2 AuthV2, behaviour §8.9)', () => {
  const creds = () => ({ accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });

  it('accepts a V2 header, with and without additional headers, and answers a wrong secret with the StringToSign', async () => {
    expect((await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'v2' })).status).toBe(200);
    const ranged = await raw(emu, {
      method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'v2', headers: { range: 'bytes=1-3', 'x-oss-meta-x': '1' }, additionalHeaders: ['range'],
    });
    expect(ranged.status).toBe(206);
    expect(ranged.text).toBe('ecr');
    expect((await raw(emu, { method: 'GET', bucket: 'auth', query: [['acl', undefined]], sign: 'v2' })).status).toBe(200);
    expect((await raw(emu, { method: 'GET', query: [['prefix', 'au'], ['max-keys', '5']], sign: 'v2' })).status).toBe(200);
    const wrong = await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'v2', credentials: { accessKeyId: emu.accessKeyId, accessKeySecret: 'nope' } });
    expect(wrong.status).toBe(403);
    expect(errorCode(wrong)).toBe('SignatureDoesNotMatch');
    expect(xmlValue(wrong.text, 'StringToSign')).toMatch(/\n%2Fauth%2Fa%20b%2Bc\.txt$/);
  });

  it('refuses a malformed OSS2 header with the documented EC, and an x-oss-date a day away as skewed', async () => {
    const date = new Date().toUTCString();
    for (const [authorization, ec] of [
      [`OSS2 AdditionalHeaders:host,Signature:x`, '0002-00000105'],
      [`OSS2 AccessKeyId:${emu.accessKeyId},AdditionalHeaders:,Signature:x`, '0002-00000110'],
      [`OSS2 AccessKeyId:${emu.accessKeyId},AdditionalHeaders:host;,Signature:x`, '0002-00000111'],
      [`OSS2 AccessKeyId:${emu.accessKeyId},AdditionalHeaders:range,Signature:x`, '0002-00000112'],
    ] as const) {
      const res = await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'none', headers: { date, authorization } });
      expect(res.status, authorization).toBe(400);
      expect(errorCode(res)).toBe('InvalidArgument');
      expect(res.headers.get('x-oss-ec')).toBe(ec);
    }
    const skewed = await raw(emu, {
      method: 'GET', bucket: 'auth', sign: 'v2', headers: { 'x-oss-date': new Date(Date.now() - 86_400_000).toUTCString() },
    });
    expect(skewed.status).toBe(403);
    expect(errorCode(skewed)).toBe('RequestTimeTooSkewed');
  });

  it('serves a V2 presigned URL, refuses an expired or tampered one, and needs its additional headers', async () => {
    const req = (headers: Record<string, string> = {}): SignableRequest => ({ method: 'GET', bucket: 'auth', key: 'a b+c.txt', query: [], headers });
    const url = (params: [string, string][]) => `${emu.url}/auth/${encodeKey('a b+c.txt')}?${encodeQuery(params)}`;
    const now = Math.floor(Date.now() / 1000);
    const good = presignV2(req(), creds(), now + 60);
    expect(good.map(([k]) => k)).toEqual(['x-oss-signature-version', 'x-oss-expires', 'x-oss-access-key-id', 'x-oss-signature']);
    expect((await rawHttp(url(good), 'GET', {})).status).toBe(200);
    const expired = await rawHttp(url(presignV2(req(), creds(), now - 1)), 'GET', {});
    expect(expired.status).toBe(403);
    expect(xmlValue(expired.text, 'Message')).toBe('Request has expired.');
    const tampered = good.map(([k, v]): [string, string] => [k, k === 'x-oss-expires' ? String(now + 61) : v]);
    expect(errorCode(await rawHttp(url(tampered), 'GET', {}))).toBe('SignatureDoesNotMatch');

    const headers = { 'custom-header': 'abc' };
    const withHeader = presignV2(req(headers), creds(), now + 60, ['custom-header']);
    expect(withHeader).toContainEqual(['x-oss-additional-headers', 'custom-header']);
    const missing = await rawHttp(url(withHeader), 'GET', {});
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-oss-ec')).toBe('0002-00000077');
    expect((await rawHttp(url(withHeader), 'GET', headers)).status).toBe(200);
    expect((await rawHttp(url(withHeader), 'GET', { 'custom-header': 'other' })).status).toBe(403);
  });
});

describe('a GET declaring a body it never sends (behaviour §8.10)', () => {
  it('is answered with Connection: close and the connection ends, so no later request is read as its body', async () => {
    const { connect } = await import('node:net');
    const date = new Date().toUTCString();
    const req: SignableRequest = { method: 'GET', bucket: 'auth', key: 'a.txt', query: [], headers: { 'x-oss-date': date } };
    const authorization = signV1(req, { accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret }, date);
    const { port } = new URL(emu.url);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        // oss2 sends the PUT's Content-Length: 9 on its GET, and no body.
        socket.write(`GET /auth/a.txt HTTP/1.1\r\nHost: 127.0.0.1\r\nx-oss-date: ${date}\r\nAuthorization: ${authorization}\r\nContent-Length: 9\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect(answer).toMatch(/\r\nconnection: close\r\n/i);
  });
});

describe('anonymous access', () => {
  it('is refused on a private bucket and allowed to read a public-read one', async () => {
    const denied = await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', sign: 'none' });
    expect(denied.status).toBe(403);
    expect(errorCode(denied)).toBe('AccessDenied');

    await createPublicBucket(emu, 'public-auth', 'public-read');
    await raw(emu, { method: 'PUT', bucket: 'public-auth', key: 'p.txt', body: 'open' });
    const read = await raw(emu, { method: 'GET', bucket: 'public-auth', key: 'p.txt', sign: 'none' });
    expect(read.status).toBe(200);
    expect(read.text).toBe('open');
    const write = await raw(emu, { method: 'PUT', bucket: 'public-auth', key: 'q.txt', body: 'x', sign: 'none' });
    expect(write.status).toBe(403);
  });

  it('follows a private object ACL inside a public-read bucket', async () => {
    await raw(emu, { method: 'PUT', bucket: 'public-auth', key: 'private.txt', body: 'x', headers: { 'x-oss-object-acl': 'private' } });
    const res = await raw(emu, { method: 'GET', bucket: 'public-auth', key: 'private.txt', sign: 'none' });
    expect(res.status).toBe(403);
  });
});

describe('addressing', () => {
  it('serves ali-oss-style virtual-hosted requests sent to an IP', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'auth', key: 'a b+c.txt', virtualHost: true, sign: 'v1' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('secret');
  });

  it('takes a new bucket region from the endpoint host or the V4 scope', async () => {
    await raw(emu, { method: 'PUT', bucket: 'in-shanghai', virtualHost: true, region: 'cn-shanghai', sign: 'v1' });
    const loc = await raw(emu, { method: 'GET', bucket: 'in-shanghai', query: [['location', undefined]], sign: 'v1' });
    expect(xmlValue(loc.text, 'LocationConstraint')).toBe('oss-cn-shanghai');

    await raw(emu, { method: 'PUT', bucket: 'scoped-shanghai', region: 'cn-shanghai' });
    const loc2 = await raw(emu, { method: 'GET', bucket: 'scoped-shanghai', query: [['location', undefined]], region: 'cn-shanghai' });
    expect(xmlValue(loc2.text, 'LocationConstraint')).toBe('oss-cn-shanghai');

    await raw(emu, { method: 'PUT', bucket: 'default-region', sign: 'v1' });
    const loc3 = await raw(emu, { method: 'GET', bucket: 'default-region', query: [['location', undefined]] });
    expect(xmlValue(loc3.text, 'LocationConstraint')).toBe('oss-cn-hangzhou');
  });

  it('refuses a V4 scope for another region than the bucket\'s (oss2 live test_exception_ec, test_sign)', async () => {
    await raw(emu, { method: 'PUT', bucket: 'region-checked', sign: 'v1' });
    const head = await raw(emu, { method: 'GET', bucket: 'region-checked', region: 'cn-hangzhou-test-1' });
    expect(head.status).toBe(400);
    expect(errorCode(head)).toBe('InvalidArgument');
    expect(xmlValue(head.text, 'Message')).toBe('Invalid signing region in Authorization header.');
    expect(head.headers.get('x-oss-ec')).toBe('0002-00000226');
    expect((await raw(emu, { method: 'GET', bucket: 'region-checked' })).status).toBe(200);
  });
});
