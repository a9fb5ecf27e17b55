// RAM permissions per access key, bucket policies, STS credentials and SSE-KMS over HTTP (issue 10,
// docs/permissions.md). Each CopyObject permission is tested allowed / missing / explicitly denied, and every
// refusal is checked to have changed nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import type { IdentitiesConfig, UserIdentity } from '../../src/domain/identities.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { errorCode, raw, startTestEmulator, xmlValue, type RawRequest, allowPublicAccess } from './support.js';

const src = 'perm-src';
const dst = 'perm-dst';
const COPY_BASE = ['oss:GetObject', 'oss:PutObject'];
const ALL_COPY_ACTIONS = [
  'oss:GetObject',
  'oss:PutObject',
  'oss:GetObjectVersion',
  'oss:GetObjectTagging',
  'oss:PutObjectTagging',
  'oss:GetObjectVersionTagging',
  'kms:GenerateDataKey',
  'kms:Decrypt',
];

function user(name: string, allow: string[], deny: string[] = []): UserIdentity {
  const statements: unknown[] = [];
  if (allow.length) statements.push({ Effect: 'Allow', Action: allow, Resource: '*' });
  if (deny.length) statements.push({ Effect: 'Deny', Action: deny, Resource: '*' });
  return {
    kind: 'user',
    name,
    uid: `2${String(name.length).padStart(3, '0')}${Buffer.from(name).toString('hex').slice(0, 12)}`,
    accessKeyId: `ak-${name}`,
    accessKeySecret: `secret-${name}`,
    policies: statements.length ? [parsePolicy({ Version: '1', Statement: statements })] : [],
  };
}

/** One user per (permission, case): allowed = exactly what the copy needs; missing = without it; denied = all + Deny. */
const users: UserIdentity[] = [
  user('base', COPY_BASE),
  user('no-get', ['oss:PutObject']),
  user('no-put', ['oss:GetObject']),
  user('deny-get', ALL_COPY_ACTIONS, ['oss:GetObject']),
  user('deny-put', ALL_COPY_ACTIONS, ['oss:PutObject']),
  user('version', [...COPY_BASE, 'oss:GetObjectVersion']),
  user('deny-version', ALL_COPY_ACTIONS, ['oss:GetObjectVersion']),
  user('tags', [...COPY_BASE, 'oss:GetObjectTagging', 'oss:PutObjectTagging']),
  user('no-get-tags', [...COPY_BASE, 'oss:PutObjectTagging']),
  user('no-put-tags', [...COPY_BASE, 'oss:GetObjectTagging']),
  user('deny-get-tags', ALL_COPY_ACTIONS, ['oss:GetObjectTagging']),
  user('version-tags', [...COPY_BASE, 'oss:GetObjectVersion', 'oss:GetObjectVersionTagging', 'oss:PutObjectTagging']),
  user('no-version-tags', [...COPY_BASE, 'oss:GetObjectVersion', 'oss:GetObjectTagging', 'oss:PutObjectTagging']),
  user('kms', [...COPY_BASE, 'kms:GenerateDataKey', 'kms:Decrypt']),
  user('no-generate', [...COPY_BASE, 'kms:Decrypt']),
  user('deny-decrypt', ALL_COPY_ACTIONS, ['kms:Decrypt']),
  user('wild', ['oss:Get*', 'oss:Put*']),
  user('nothing', []),
  user('lister', ['oss:ListObjects']),
  user('deleter', ['oss:DeleteObject']),
];
const config: IdentitiesConfig = {
  accountId: '1000000000000000',
  users,
  sts: [
    {
      kind: 'sts',
      name: 'session',
      accessKeyId: 'STS.temp',
      accessKeySecret: 'sts-secret',
      securityToken: 'the-token',
      policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: `acs:oss:*:*:${src}/*` }] })],
    },
    {
      kind: 'sts',
      accessKeyId: 'STS.expired',
      accessKeySecret: 'sts-secret',
      securityToken: 'old-token',
      expiration: new Date('2020-01-01T00:00:00Z'),
      policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })],
    },
  ],
  kms: { keys: [{ keyId: 'key-a', enabled: true }, { keyId: 'key-b', enabled: true }, { keyId: 'key-off', enabled: false }] },
};

let emu: RunningEmulator;
let versionId: string;
const as = (name: string) => ({ accessKeyId: `ak-${name}`, accessKeySecret: `secret-${name}` });
const copyAs = (name: string, key: string, source: string, headers: Record<string, string> = {}) =>
  raw(emu, { method: 'PUT', bucket: dst, key, headers: { 'x-oss-copy-source': source, ...headers }, credentials: as(name) });
const exists = async (bucket: string, key: string) => (await raw(emu, { method: 'HEAD', bucket, key })).status === 200;

function expectImplicitDeny(res: { status: number; text: string }, action: string): void {
  expect(res.status).toBe(403);
  expect(errorCode(res as never)).toBe('AccessDenied');
  expect(xmlValue(res.text, 'Message')).toBe('You have no right to access this object because of bucket acl.');
  expect(xmlValue(res.text, 'EC')).toBe('0003-00000001');
  expect(xmlValue(res.text, 'NoPermissionType')).toBe('ImplicitDeny');
  expect(xmlValue(res.text, 'AuthAction')).toBe(action);
}

function expectKmsDeny(res: { status: number; text: string }): void {
  expect(res.status).toBe(403);
  expect(errorCode(res as never)).toBe('AccessDenied');
  expect(xmlValue(res.text, 'Message')).toBe('This request is forbidden by kms.');
}

function expectExplicitDeny(res: { status: number; text: string }, action: string, ec = '0003-00000201'): void {
  expect(res.status).toBe(403);
  expect(errorCode(res as never)).toBe('AccessDenied');
  expect(xmlValue(res.text, 'Message')).toBe('Access denied by bucket policy.');
  expect(xmlValue(res.text, 'EC')).toBe(ec);
  expect(xmlValue(res.text, 'NoPermissionType')).toBe('ExplicitDeny');
  expect(xmlValue(res.text, 'AuthAction')).toBe(action);
}

beforeAll(async () => {
  emu = await startTestEmulator({ config });
  for (const b of [src, dst]) {
    await raw(emu, { method: 'PUT', bucket: b });
    await allowPublicAccess(emu, b); // public objects and public bucket policies below
  }
  await raw(emu, { method: 'PUT', bucket: src, query: [['versioning', undefined]], body: '<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>' });
  await raw(emu, { method: 'PUT', bucket: src, key: 'plain.txt', body: 'plain bytes' });
  const tagged = await raw(emu, { method: 'PUT', bucket: src, key: 'tagged.txt', body: 'tagged bytes', headers: { 'x-oss-tagging': 'a=1' } });
  versionId = tagged.headers.get('x-oss-version-id')!;
  await raw(emu, { method: 'PUT', bucket: src, key: 'tagged.txt', body: 'newer, untagged' });
});
afterAll(() => emu.close());

describe('CopyObject: oss:GetObject on the source, oss:PutObject on the destination', () => {
  it('allowed with exactly those two', async () => {
    const res = await copyAs('base', 'base.txt', `/${src}/plain.txt`);
    expect(res.status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket: dst, key: 'base.txt' })).text).toBe('plain bytes');
  });

  it('missing oss:GetObject → implicit deny, nothing written', async () => {
    expectImplicitDeny(await copyAs('no-get', 'no-get.txt', `/${src}/plain.txt`), 'oss:GetObject');
    expect(await exists(dst, 'no-get.txt')).toBe(false);
  });

  it('missing oss:PutObject → implicit deny', async () => {
    expectImplicitDeny(await copyAs('no-put', 'no-put.txt', `/${src}/plain.txt`), 'oss:PutObject');
    expect(await exists(dst, 'no-put.txt')).toBe(false);
  });

  it('an explicit Deny wins over an Allow, on either side', async () => {
    expectExplicitDeny(await copyAs('deny-get', 'deny-get.txt', `/${src}/plain.txt`), 'oss:GetObject');
    expectExplicitDeny(await copyAs('deny-put', 'deny-put.txt', `/${src}/plain.txt`), 'oss:PutObject');
    expect(await exists(dst, 'deny-get.txt')).toBe(false);
    expect(await exists(dst, 'deny-put.txt')).toBe(false);
  });

  it('wildcard actions (oss:Get*, oss:Put*) cover every copy permission', async () => {
    const res = await copyAs('wild', 'wild.txt', `/${src}/tagged.txt?versionId=${versionId}`);
    expect(res.status).toBe(200);
  });
});

describe('CopyObject of a specific version: oss:GetObjectVersion', () => {
  it('allowed, missing, denied', async () => {
    // 'version' has no tagging permission: copy the tag-less current version by id.
    const current = (await raw(emu, { method: 'HEAD', bucket: src, key: 'tagged.txt' })).headers.get('x-oss-version-id')!;
    expect((await copyAs('version', 'v.txt', `/${src}/tagged.txt?versionId=${current}`)).status).toBe(200);
    expectImplicitDeny(await copyAs('base', 'v2.txt', `/${src}/tagged.txt?versionId=${current}`), 'oss:GetObjectVersion');
    expectExplicitDeny(await copyAs('deny-version', 'v3.txt', `/${src}/tagged.txt?versionId=${current}`), 'oss:GetObjectVersion');
    expect(await exists(dst, 'v2.txt')).toBe(false);
  });
});

describe('CopyObject with tags: oss:GetObjectTagging and oss:PutObjectTagging', () => {
  it('copying tags (directive Copy, tagged source) needs both', async () => {
    await raw(emu, { method: 'PUT', bucket: src, key: 'tags-src.txt', body: 'x', headers: { 'x-oss-tagging': 'k=v' } });
    const ok = await copyAs('tags', 'tags.txt', `/${src}/tags-src.txt`);
    expect(ok.status).toBe(200);
    expect((await raw(emu, { method: 'HEAD', bucket: dst, key: 'tags.txt' })).headers.get('x-oss-tagging-count')).toBe('1');
    expectImplicitDeny(await copyAs('no-get-tags', 't2.txt', `/${src}/tags-src.txt`), 'oss:GetObjectTagging');
    expectImplicitDeny(await copyAs('no-put-tags', 't3.txt', `/${src}/tags-src.txt`), 'oss:PutObjectTagging');
    expectExplicitDeny(await copyAs('deny-get-tags', 't4.txt', `/${src}/tags-src.txt`), 'oss:GetObjectTagging');
    for (const k of ['t2.txt', 't3.txt', 't4.txt']) expect(await exists(dst, k)).toBe(false);
  });

  it('a public-read source grants the read, never the tagging permissions', async () => {
    await raw(emu, { method: 'PUT', bucket: src, key: 'pub-tags.txt', body: 'x', headers: { 'x-oss-tagging': 'k=v', 'x-oss-object-acl': 'public-read' } });
    expect((await copyAs('no-get', 'pub-untagged.txt', `/${src}/plain.txt`)).status).toBe(403);
    expectImplicitDeny(await copyAs('no-put-tags', 'pub1.txt', `/${src}/pub-tags.txt`), 'oss:PutObjectTagging');
    expectImplicitDeny(await copyAs('no-get-tags', 'pub2.txt', `/${src}/pub-tags.txt`), 'oss:GetObjectTagging');
    expect((await copyAs('tags', 'pub3.txt', `/${src}/pub-tags.txt`)).status).toBe(200);
    // With the source's ACL granting the read, oss:GetObject itself is not needed.
    const pubPlain = await raw(emu, { method: 'PUT', bucket: src, key: 'pub-plain.txt', body: 'p', headers: { 'x-oss-object-acl': 'public-read' } });
    expect(pubPlain.status).toBe(200);
    expect((await copyAs('no-get', 'pub4.txt', `/${src}/pub-plain.txt`)).status).toBe(200);
  });

  it('a source without tags needs no tagging permission', async () => {
    expect((await copyAs('base', 'untagged.txt', `/${src}/plain.txt`)).status).toBe(200);
  });

  it('setting tags (Replace + x-oss-tagging) needs oss:PutObjectTagging only', async () => {
    const headers = { 'x-oss-tagging-directive': 'Replace', 'x-oss-tagging': 'n=1' };
    expect((await copyAs('no-get-tags', 'set.txt', `/${src}/tags-src.txt`, headers)).status).toBe(200);
    expectImplicitDeny(await copyAs('base', 'set2.txt', `/${src}/plain.txt`, headers), 'oss:PutObjectTagging');
  });

  it("a specific version's tags need oss:GetObjectVersionTagging", async () => {
    expect((await copyAs('version-tags', 'vt.txt', `/${src}/tagged.txt?versionId=${versionId}`)).status).toBe(200);
    expectImplicitDeny(
      await copyAs('no-version-tags', 'vt2.txt', `/${src}/tagged.txt?versionId=${versionId}`),
      'oss:GetObjectVersionTagging',
    );
  });
});

describe('SSE-KMS: kms:GenerateDataKey and kms:Decrypt', () => {
  const kms = { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-encryption-key-id': 'key-a' };

  it('a copy to a KMS destination needs both; a missing one is "forbidden by kms"', async () => {
    const ok = await copyAs('kms', 'kms.txt', `/${src}/plain.txt`, kms);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-oss-server-side-encryption')).toBe('KMS');
    expect(ok.headers.get('x-oss-server-side-encryption-key-id')).toBe('key-a');
    expectKmsDeny(await copyAs('no-generate', 'kms2.txt', `/${src}/plain.txt`, kms));
    expectExplicitDeny(await copyAs('deny-decrypt', 'kms3.txt', `/${src}/plain.txt`, kms), 'kms:Decrypt');
    expect(await exists(dst, 'kms2.txt')).toBe(false);
  });

  it('copying an encrypted source needs kms:Decrypt; the owner reads it back decrypted', async () => {
    expect((await raw(emu, { method: 'PUT', bucket: src, key: 'secret.txt', body: 'top secret', headers: kms })).status).toBe(200);
    expectKmsDeny(await copyAs('base', 'sec.txt', `/${src}/secret.txt`));
    expect((await copyAs('kms', 'sec.txt', `/${src}/secret.txt`)).status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket: dst, key: 'sec.txt' })).text).toBe('top secret');
  });

  it('copies re-encrypted under another key read back the same bytes and CRC', async () => {
    const put = await raw(emu, { method: 'PUT', bucket: src, key: 'reenc.txt', body: 'abc'.repeat(500_000), headers: kms });
    const res = await raw(emu, {
      method: 'PUT',
      bucket: dst,
      key: 'reenc.txt',
      headers: { 'x-oss-copy-source': `/${src}/reenc.txt`, 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-encryption-key-id': 'key-b' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-oss-hash-crc64ecma')).toBe(put.headers.get('x-oss-hash-crc64ecma'));
    const get = await raw(emu, { method: 'GET', bucket: dst, key: 'reenc.txt', headers: { range: 'bytes=1048570-1048580' } });
    expect(get.text).toBe('abc'.repeat(500_000).slice(1048570, 1048581));
  });

  it('keys: a disabled key is refused, an undeclared one is unknown (the config declares keys)', async () => {
    const off = await raw(emu, { method: 'PUT', bucket: src, key: 'off.txt', body: 'x', headers: { ...kms, 'x-oss-server-side-encryption-key-id': 'key-off' } });
    expect(off.status).toBe(409);
    expect(xmlValue(off.text, 'EC')).toBe('0005-00000214');
    const unknown = await raw(emu, { method: 'PUT', bucket: src, key: 'unk.txt', body: 'x', headers: { ...kms, 'x-oss-server-side-encryption-key-id': 'nope' } });
    expect(unknown.status).toBe(404);
    expect(errorCode(unknown)).toBe('KeyNotFound');
    expect(await exists(src, 'off.txt')).toBe(false);
    expect(await exists(src, 'unk.txt')).toBe(false);
  });

  it('reading an SSE-KMS object needs kms:Decrypt', async () => {
    const read = await raw(emu, { method: 'GET', bucket: src, key: 'secret.txt', credentials: as('base') });
    expectKmsDeny(read);
    expect((await raw(emu, { method: 'GET', bucket: src, key: 'secret.txt', credentials: as('kms') })).text).toBe('top secret');
  });

  it('the bytes at rest are not the plaintext', () => {
    const rows = emu.store.db.prepare('SELECT data FROM chunks WHERE data_key_id IS NOT NULL').all() as { data: Buffer }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.data.includes(Buffer.from('top secret'))).toBe(false);
  });
});

describe('other APIs check their own actions', () => {
  it('a user with no policy can do nothing; ListObjects needs oss:ListObjects', async () => {
    const req: RawRequest = { method: 'GET', bucket: src, credentials: as('nothing') };
    expectImplicitDeny(await raw(emu, req), 'oss:ListObjects');
    expect((await raw(emu, { ...req, credentials: as('lister') })).status).toBe(200);
    expectImplicitDeny(await raw(emu, { method: 'PUT', bucket: 'new-bucket', credentials: as('lister') }), 'oss:PutBucket');
    expect((await raw(emu, { method: 'GET', bucket: 'new-bucket' })).status).toBe(404);
  });

  it('a multi-delete is refused whole when one key is not allowed', async () => {
    const policy = { Version: '1', Statement: [{ Effect: 'Deny', Principal: ['*'], Action: 'oss:DeleteObject', Resource: `acs:oss:*:*:${dst}/keep/*`, Condition: { StringEquals: { 'acs:AccessId': 'ak-deleter' } } }] };
    expect((await raw(emu, { method: 'PUT', bucket: dst, query: [['policy', undefined]], body: JSON.stringify(policy) })).status).toBe(200);
    await raw(emu, { method: 'PUT', bucket: dst, key: 'keep/a', body: 'a' });
    await raw(emu, { method: 'PUT', bucket: dst, key: 'free/b', body: 'b' });
    const body = '<Delete><Object><Key>free/b</Key></Object><Object><Key>keep/a</Key></Object></Delete>';
    const md5 = (await import('node:crypto')).createHash('md5').update(body).digest('base64');
    const res = await raw(emu, { method: 'POST', bucket: dst, query: [['delete', undefined]], body, headers: { 'content-md5': md5 }, credentials: as('deleter') });
    expectExplicitDeny(res, 'oss:DeleteObject', '0003-00000101');
    expect(await exists(dst, 'free/b')).toBe(true);
    await raw(emu, { method: 'DELETE', bucket: dst, query: [['policy', undefined]] });
  });
});

describe('bucket policies', () => {
  it('Put/Get/DeleteBucketPolicy keep the text byte for byte; none → NoSuchBucketPolicy', async () => {
    const text = '{"Version":"1","Statement":[{"Effect":"Allow","Principal":["*"],"Action":["oss:GetObject"],"Resource":["acs:oss:*:*:perm-src/public/*"]}]}';
    expect((await raw(emu, { method: 'PUT', bucket: src, query: [['policy', undefined]], body: text })).status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket: src, query: [['policy', undefined]] })).text).toBe(text);
    expect((await raw(emu, { method: 'DELETE', bucket: src, query: [['policy', undefined]] })).status).toBe(204);
    const none = await raw(emu, { method: 'GET', bucket: src, query: [['policy', undefined]] });
    expect(none.status).toBe(404);
    expect(errorCode(none)).toBe('NoSuchBucketPolicy');
    expect(xmlValue(none.text, 'EC')).toBe('0030-00000006');
  });

  it('a malformed policy is refused and the old one stays', async () => {
    const good = '{"Version":"1","Statement":[{"Effect":"Allow","Principal":["*"],"Action":"oss:GetObject","Resource":"acs:oss:*:*:perm-src/public/*"}]}';
    await raw(emu, { method: 'PUT', bucket: src, query: [['policy', undefined]], body: good });
    for (const bad of ['not json', '{"Version":1,"Statement":[]}', '{"Version":"1","Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]}']) {
      const res = await raw(emu, { method: 'PUT', bucket: src, query: [['policy', undefined]], body: bad });
      expect(res.status).toBe(400);
      expect(errorCode(res as never)).toBe('InvalidPolicyDocument');
    }
    const big = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:GetObject', Resource: `acs:oss:*:*:${src}/${'x'.repeat(16 * 1024)}` }] });
    const tooBig = await raw(emu, { method: 'PUT', bucket: src, query: [['policy', undefined]], body: big });
    expect(tooBig.status).toBe(400);
    expect(errorCode(tooBig as never)).toBe('InvalidPolicyDocument');
    expect(xmlValue(tooBig.text, 'EC')).toBe('0030-00000001');
    expect((await raw(emu, { method: 'GET', bucket: src, query: [['policy', undefined]] })).text).toBe(good);
  });

  it('an Allow for everyone lets anonymous and RAM users read; a Deny for everyone with a Condition binds the owner too', async () => {
    await raw(emu, { method: 'PUT', bucket: src, key: 'public/p.txt', body: 'public' });
    expect((await raw(emu, { method: 'GET', bucket: src, key: 'public/p.txt', sign: 'none' })).text).toBe('public');
    expect((await raw(emu, { method: 'GET', bucket: src, key: 'public/p.txt', credentials: as('nothing') })).text).toBe('public');
    expect((await raw(emu, { method: 'GET', bucket: src, key: 'plain.txt', sign: 'none' })).status).toBe(403);
    const deny = { Version: '1', Statement: [{ Effect: 'Deny', Principal: ['*'], Action: 'oss:GetObject', Resource: `acs:oss:*:*:${src}/plain.txt`, Condition: { IpAddress: { 'acs:SourceIp': '127.0.0.0/8' } } }] };
    await raw(emu, { method: 'PUT', bucket: src, query: [['policy', undefined]], body: JSON.stringify(deny) });
    expectExplicitDeny(await raw(emu, { method: 'GET', bucket: src, key: 'plain.txt' }), 'oss:GetObject', '0003-00000101');
    await raw(emu, { method: 'DELETE', bucket: src, query: [['policy', undefined]] });
    expect((await raw(emu, { method: 'GET', bucket: src, key: 'plain.txt' })).status).toBe(200);
  });
});

describe('STS credentials', () => {
  const sts = { accessKeyId: 'STS.temp', accessKeySecret: 'sts-secret' };

  it('work with their security token, within their policy', async () => {
    const res = await raw(emu, { method: 'GET', bucket: src, key: 'plain.txt', credentials: sts, headers: { 'x-oss-security-token': 'the-token' } });
    expect(res.status).toBe(200);
    const put = await raw(emu, { method: 'PUT', bucket: src, key: 'sts.txt', body: 'x', credentials: sts, headers: { 'x-oss-security-token': 'the-token' } });
    expectImplicitDeny(put, 'oss:PutObject');
  });

  it('are refused without the right token, or once expired', async () => {
    const wrong = await raw(emu, { method: 'GET', bucket: src, key: 'plain.txt', credentials: sts, headers: { 'x-oss-security-token': 'other' } });
    expect(wrong.status).toBe(403);
    expect(errorCode(wrong)).toBe('InvalidSecurityToken');
    const expired = await raw(emu, {
      method: 'GET',
      bucket: src,
      key: 'plain.txt',
      credentials: { accessKeyId: 'STS.expired', accessKeySecret: 'sts-secret' },
      headers: { 'x-oss-security-token': 'old-token' },
    });
    expect(expired.status).toBe(403);
    expect(errorCode(expired)).toBe('SecurityTokenExpired');
  });
});

describe('without a config', () => {
  it('the owner key may do everything and KMS keys are created on first use', async () => {
    const plain = await startTestEmulator();
    try {
      await raw(plain, { method: 'PUT', bucket: 'kms-bucket' });
      const res = await raw(plain, { method: 'PUT', bucket: 'kms-bucket', key: 'k', body: 'x', headers: { 'x-oss-server-side-encryption': 'KMS', 'x-oss-server-side-encryption-key-id': 'fresh' } });
      expect(res.status).toBe(200);
      expect(plain.store.kms.get('fresh')?.enabled).toBe(true);
    } finally {
      await plain.close();
    }
  });
});
