// Access points (behaviour §14.22): create / get / list / delete, the policy, the access point's Block Public
// Access, and requests addressed through an alias (path style and virtual-hosted) under the access point policy,
// through raw HTTP, our client and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import type { UserIdentity } from '../../src/domain/identities.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { errorCode, ownerClient, raw, snapshot, startTestEmulator, xmlValue, allowPublicAccess } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

const ACCOUNT = '1000000000000000';
const reader: UserIdentity = {
  kind: 'user',
  name: 'ap-reader',
  uid: '2000000000000007',
  accessKeyId: 'ak-ap-reader',
  accessKeySecret: 'secret-ap-reader',
  policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject', 'oss:PutObject'], Resource: '*' }] })],
};

/** A RAM user with no RAM policy at all: only bucket and access point policies can grant it anything. */
const stranger: UserIdentity = {
  kind: 'user',
  name: 'ap-stranger',
  uid: '2000000000000008',
  accessKeyId: 'ak-ap-stranger',
  accessKeySecret: 'secret-ap-stranger',
  policies: [],
};

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator({ config: { accountId: ACCOUNT, users: [reader, stranger], sts: [], kms: { keys: [] } } });
});
afterAll(() => emu.close());

const AP: [string, undefined][] = [['accessPoint', undefined]];
const APP: [string, undefined][] = [['accessPointPolicy', undefined]];
const create = (bucket: string, name: string, origin = 'internet', vpc = '') =>
  raw(emu, {
    method: 'PUT', bucket, query: AP,
    body: `<CreateAccessPointConfiguration><AccessPointName>${name}</AccessPointName><NetworkOrigin>${origin}</NetworkOrigin>${vpc ? `<VpcConfiguration><VpcId>${vpc}</VpcId></VpcConfiguration>` : ''}</CreateAccessPointConfiguration>`,
  });
const get = (bucket: string, name: string) => raw(emu, { method: 'GET', bucket, query: AP, headers: { 'x-oss-access-point-name': name } });
const names = (text: string) => [...text.matchAll(/<AccessPointName>([^<]*)<\/AccessPointName>/g)].map((m) => m[1]);

describe('create, get, list, delete (PY2 live test_access_point_client, oss2 live test_access_point)', () => {
  it('answers the ARN and alias, then GetAccessPoint the whole record, enabled at once', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-one' });
    const res = await create('ap-one', 'ap-01');
    expect(res.status).toBe(200);
    expect(xmlValue(res.text, 'AccessPointArn')).toBe(`acs:oss:${emu.region}:${ACCOUNT}:accesspoint/ap-01`);
    const alias = xmlValue(res.text, 'Alias')!;
    expect(alias).toMatch(/^ap-01-[0-9a-f]{34}-ossalias$/);
    const g = await get('ap-one', 'ap-01');
    expect(g.status).toBe(200);
    expect(['AccessPointName', 'Bucket', 'AccountId', 'NetworkOrigin', 'Alias', 'Status'].map((t) => xmlValue(g.text, t))).toEqual([
      'ap-01', 'ap-one', ACCOUNT, 'internet', alias, 'enable',
    ]);
    expect(xmlValue(g.text, 'PublicEndpoint')).toBe(`ap-01.oss-${emu.region}.oss-accesspoint.aliyuncs.com`);
    expect(xmlValue(g.text, 'InternalEndpoint')).toBe(`ap-01.oss-${emu.region}-internal.oss-accesspoint.aliyuncs.com`);
    expect(xmlValue(g.text, 'CreationDate')).toMatch(/^\d{10}$/);
    expect(xmlValue(g.text, 'BlockPublicAccess')).toBe('false');
  });

  it('a second access point of the same name is refused, anywhere in the account', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-two' });
    await create('ap-two', 'ap-dup');
    const again = await create('ap-one', 'ap-dup');
    expect([again.status, errorCode(again)]).toEqual([409, 'AccessPointAlreadyExists']);
  });

  it('bad names, origins and a vpc without VpcId are refused and change nothing', async () => {
    const before = snapshot(emu);
    for (const name of ['ab', 'a'.repeat(20), '-ap', 'ap-', 'AP-1', 'ap_1', 'x-ossalias']) {
      const res = await create('ap-one', name);
      expect([name, res.status, errorCode(res)]).toEqual([name, 400, 'InvalidArgument']);
    }
    expect(errorCode(await create('ap-one', 'ap-ok', 'lan'))).toBe('InvalidArgument');
    expect(errorCode(await create('ap-one', 'ap-ok', 'vpc'))).toBe('InvalidArgument');
    const malformed = await raw(emu, { method: 'PUT', bucket: 'ap-one', query: AP, body: '<Other/>' });
    expect([malformed.status, errorCode(malformed)]).toEqual([400, 'MalformedXML']);
    expect(snapshot(emu)).toBe(before);
  });

  it('a bucket holds at most 100', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-many' });
    for (let i = 0; i < 100; i++) expect((await create('ap-many', `many-${i}`)).status).toBe(200);
    const over = await create('ap-many', 'many-100');
    expect([over.status, errorCode(over)]).toEqual([400, 'TooManyAccessPoints']);
    for (let i = 0; i < 100; i++) {
      expect((await raw(emu, { method: 'DELETE', bucket: 'ap-many', query: AP, headers: { 'x-oss-access-point-name': `many-${i}` } })).status).toBe(204);
    }
  });

  it('lists a bucket\'s and the account\'s in name order, a page at a time', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-list' });
    for (const n of ['ls-c', 'ls-a', 'ls-b']) await create('ap-list', n);
    const p1 = await raw(emu, { method: 'GET', bucket: 'ap-list', query: [...AP, ['max-keys', '2']] });
    expect([names(p1.text), xmlValue(p1.text, 'IsTruncated'), xmlValue(p1.text, 'MaxKeys')]).toEqual([['ls-a', 'ls-b'], 'true', '2']);
    const token = xmlValue(p1.text, 'NextContinuationToken')!;
    const p2 = await raw(emu, { method: 'GET', bucket: 'ap-list', query: [...AP, ['max-keys', '2'], ['continuation-token', token]] });
    expect([names(p2.text), xmlValue(p2.text, 'IsTruncated'), xmlValue(p2.text, 'NextContinuationToken')]).toEqual([['ls-c'], 'false', undefined]);
    const account = await raw(emu, { method: 'GET', query: AP });
    expect(names(account.text)).toEqual(['ap-01', 'ap-dup', 'ls-a', 'ls-b', 'ls-c']);
    expect(xmlValue(account.text, 'AccountId')).toBe(ACCOUNT);
    const bad = await raw(emu, { method: 'GET', bucket: 'ap-list', query: [...AP, ['max-keys', '101']] });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'InvalidArgument']);
  });

  it('an empty list has no AccessPoints element (PY2\'s clean-up loop ends on None)', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-empty' });
    const res = await raw(emu, { method: 'GET', bucket: 'ap-empty', query: AP });
    expect([res.status, res.text.includes('<AccessPoints')]).toEqual([200, false]);
  });

  it('a missing access point is 404 "Accesspoint not found"; delete 204 then 404', async () => {
    const missing = await get('ap-one', 'nope');
    expect([missing.status, errorCode(missing), xmlValue(missing.text, 'Message')]).toEqual([404, 'NoSuchAccessPoint', 'Accesspoint not found']);
    await create('ap-one', 'ap-gone');
    expect((await raw(emu, { method: 'DELETE', bucket: 'ap-one', query: AP, headers: { 'x-oss-access-point-name': 'ap-gone' } })).status).toBe(204);
    expect((await get('ap-one', 'ap-gone')).status).toBe(404);
  });

  it('through our client', async () => {
    const c = ownerClient(emu);
    await c.putBucket({ bucket: 'ap-client' });
    const made = await c.createAccessPoint({ bucket: 'ap-client', createAccessPointConfiguration: { accessPointName: 'ap-cl', networkOrigin: 'vpc', vpcConfiguration: { vpcId: 'vpc-123' } } });
    expect(made.alias).toMatch(/^ap-cl-.*-ossalias$/);
    const got = await c.getAccessPoint({ bucket: 'ap-client', accessPointName: 'ap-cl' });
    expect([got.networkOrigin, got.vpcConfiguration?.vpcId, got.status, got.accessPointArn]).toEqual(['vpc', 'vpc-123', 'enable', made.accessPointArn]);
    const listed = await c.listAccessPoints({ bucket: 'ap-client' });
    expect(listed.accessPoints?.map((a) => [a.accessPointName, a.alias])).toEqual([['ap-cl', made.alias]]);
    await c.putAccessPointPolicy({ bucket: 'ap-client', accessPointName: 'ap-cl', body: '{"Version":"1","Statement":[]}' });
    expect((await c.getAccessPointPolicy({ bucket: 'ap-client', accessPointName: 'ap-cl' })).body).toBe('{"Version":"1","Statement":[]}');
    expect((await c.deleteAccessPointPolicy({ bucket: 'ap-client', accessPointName: 'ap-cl' })).statusCode).toBe(204);
    await c.putAccessPointPublicAccessBlock({ bucket: 'ap-client', accessPointName: 'ap-cl', publicAccessBlockConfiguration: { blockPublicAccess: true } });
    expect((await c.getAccessPointPublicAccessBlock({ bucket: 'ap-client', accessPointName: 'ap-cl' })).publicAccessBlockConfiguration.blockPublicAccess).toBe(true);
    expect((await c.deleteAccessPointPublicAccessBlock({ bucket: 'ap-client', accessPointName: 'ap-cl' })).statusCode).toBe(204);
    expect((await c.deleteAccessPoint({ bucket: 'ap-client', accessPointName: 'ap-cl' })).statusCode).toBe(204);
    expect((await c.listAccessPoints({ bucket: 'ap-client' })).accessPoints).toBeUndefined();
  });
});

describe('the access point policy', () => {
  const policy = (name: string) => JSON.stringify({
    Version: '1',
    Statement: [{ Effect: 'Deny', Action: ['oss:PutObject', 'oss:GetObject'], Principal: [ACCOUNT], Resource: [`acs:oss:${emu.region}:${ACCOUNT}:accesspoint/${name}`, `acs:oss:${emu.region}:${ACCOUNT}:accesspoint/${name}/object/*`] }],
  });

  it('reads back byte for byte; 404 before and after; a malformed one is refused', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-pol' });
    await create('ap-pol', 'ap-pol-1');
    const h = { 'x-oss-access-point-name': 'ap-pol-1' };
    expect(errorCode(await raw(emu, { method: 'GET', bucket: 'ap-pol', query: APP, headers: h }))).toBe('NoSuchAccessPointPolicy');
    expect((await raw(emu, { method: 'PUT', bucket: 'ap-pol', query: APP, headers: h, body: policy('ap-pol-1') })).status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'ap-pol', query: APP, headers: h });
    expect([got.status, got.text]).toEqual([200, policy('ap-pol-1')]);
    const bad = await raw(emu, { method: 'PUT', bucket: 'ap-pol', query: APP, headers: h, body: '{"Version":"2"}' });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'InvalidPolicyDocument']);
    expect((await raw(emu, { method: 'DELETE', bucket: 'ap-pol', query: APP, headers: h })).status).toBe(204);
    expect((await raw(emu, { method: 'GET', bucket: 'ap-pol', query: APP, headers: h })).status).toBe(404);
  });

  it('without the x-oss-access-point-name header: 400', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'ap-pol', query: APP });
    expect([res.status, errorCode(res)]).toEqual([400, 'InvalidArgument']);
  });
});

describe('requests through an alias', () => {
  let alias = '';
  beforeAll(async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-data' });
    await raw(emu, { method: 'PUT', bucket: 'ap-data', key: 'd/a.txt', body: 'via bucket' });
    alias = xmlValue((await create('ap-data', 'ap-data-1')).text, 'Alias')!;
  });

  it('path style and virtual-hosted reach the bucket, V1 and V4', async () => {
    const viaPath = await raw(emu, { method: 'GET', bucket: alias, key: 'd/a.txt' });
    expect([viaPath.status, viaPath.text]).toEqual([200, 'via bucket']);
    const viaHost = await raw(emu, { method: 'GET', bucket: alias, key: 'd/a.txt', virtualHost: true, sign: 'v1' });
    expect([viaHost.status, viaHost.text]).toEqual([200, 'via bucket']);
    expect((await raw(emu, { method: 'PUT', bucket: alias, key: 'd/b.txt', body: 'via alias' })).status).toBe(200);
    expect((await raw(emu, { method: 'GET', bucket: 'ap-data', key: 'd/b.txt' })).text).toBe('via alias');
    const listed = await raw(emu, { method: 'GET', bucket: alias, query: [['prefix', 'd/']] });
    expect([...listed.text.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1])).toEqual(['d/a.txt', 'd/b.txt']);
  });

  it('a presigned URL of our client with the alias as its bucket', async () => {
    const { url } = ownerClient(emu).presign({ bucket: alias, key: 'd/a.txt' });
    const res = await fetch(url);
    expect([res.status, await res.text()]).toEqual([200, 'via bucket']);
  });

  it('through ali-oss with the alias as its bucket', async () => {
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret, bucket: alias });
    expect((await ali.get('d/a.txt')).content.toString()).toBe('via bucket');
  });

  it('bucket configuration is not reachable through an access point', async () => {
    const res = await raw(emu, { method: 'GET', bucket: alias, query: [['acl', undefined]] });
    expect([res.status, errorCode(res)]).toEqual([403, 'AccessDenied']);
  });

  it('an alias no access point has is NoSuchBucket', async () => {
    const res = await raw(emu, { method: 'GET', bucket: 'ap-zz-00000000000000000000000000000000aa-ossalias', key: 'x' });
    expect([res.status, errorCode(res)]).toEqual([404, 'NoSuchBucket']);
  });

  it('the owner is refused what the access point policy denies (PY2\'s live test policy), only through it', async () => {
    const deny = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Deny', Action: ['oss:GetObject'], Principal: [ACCOUNT], Resource: [`acs:oss:${emu.region}:${ACCOUNT}:accesspoint/ap-data-1/object/*`] }],
    });
    await raw(emu, { method: 'PUT', bucket: 'ap-data', query: APP, headers: { 'x-oss-access-point-name': 'ap-data-1' }, body: deny });
    const res = await raw(emu, { method: 'GET', bucket: alias, key: 'd/a.txt' });
    expect([res.status, errorCode(res)]).toEqual([403, 'AccessDenied']);
    expect((await raw(emu, { method: 'GET', bucket: 'ap-data', key: 'd/a.txt' })).status).toBe(200);
    await raw(emu, { method: 'DELETE', bucket: 'ap-data', query: APP, headers: { 'x-oss-access-point-name': 'ap-data-1' } });
  });

  it('a RAM user needs the access point policy\'s Allow as well as its own', async () => {
    const asReader = { credentials: { accessKeyId: reader.accessKeyId, accessKeySecret: reader.accessKeySecret } };
    expect((await raw(emu, { method: 'GET', bucket: 'ap-data', key: 'd/a.txt', ...asReader })).status).toBe(200);
    const without = await raw(emu, { method: 'GET', bucket: alias, key: 'd/a.txt', ...asReader });
    expect([without.status, errorCode(without)]).toEqual([403, 'AccessDenied']);
    const allow = JSON.stringify({
      Version: '1',
      Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: [reader.uid], Resource: [`acs:oss:${emu.region}:${ACCOUNT}:accesspoint/ap-data-1/object/d/*`] }],
    });
    await raw(emu, { method: 'PUT', bucket: 'ap-data', query: APP, headers: { 'x-oss-access-point-name': 'ap-data-1' }, body: allow });
    expect((await raw(emu, { method: 'GET', bucket: alias, key: 'd/a.txt', ...asReader })).status).toBe(200);
    // The access point policy allows reads only: a write the RAM policy allows is still refused through it.
    expect((await raw(emu, { method: 'PUT', bucket: alias, key: 'd/c.txt', body: 'x', ...asReader })).status).toBe(403);
  });

  it('a bucket policy can delegate to the access point by oss:DataAccessPointArn (user guide "Access points")', async () => {
    const nobody = { credentials: { accessKeyId: stranger.accessKeyId, accessKeySecret: stranger.accessKeySecret } };
    await raw(emu, { method: 'PUT', bucket: 'ap-deleg' });
    await raw(emu, { method: 'PUT', bucket: 'ap-deleg', key: 'k.txt', body: 'delegated' });
    const made = await create('ap-deleg', 'ap-deleg-1');
    const viaAlias = xmlValue(made.text, 'Alias')!;
    const arn = xmlValue(made.text, 'AccessPointArn')!;
    await raw(emu, {
      method: 'PUT', bucket: 'ap-deleg', query: APP, headers: { 'x-oss-access-point-name': 'ap-deleg-1' },
      body: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: [stranger.uid], Resource: [`${arn}/object/*`] }] }),
    });
    // The access point policy alone is not enough: RAM + bucket policy grant nothing to this user yet.
    expect((await raw(emu, { method: 'GET', bucket: viaAlias, key: 'k.txt', ...nobody })).status).toBe(403);
    await raw(emu, {
      method: 'PUT', bucket: 'ap-deleg', query: [['policy', undefined]],
      body: JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: [stranger.uid], Resource: ['acs:oss:*:*:ap-deleg/*'], Condition: { StringEquals: { 'oss:DataAccessPointArn': [arn] } } }] }),
    });
    const ok = await raw(emu, { method: 'GET', bucket: viaAlias, key: 'k.txt', ...nobody });
    expect([ok.status, ok.text]).toEqual([200, 'delegated']);
    // The delegation holds only through the access point.
    expect((await raw(emu, { method: 'GET', bucket: 'ap-deleg', key: 'k.txt', ...nobody })).status).toBe(403);
  });

  it('a vpc access point refuses requests, which never come from its VPC here', async () => {
    const made = await create('ap-data', 'ap-vpc', 'vpc', 'vpc-abc');
    const res = await raw(emu, { method: 'GET', bucket: xmlValue(made.text, 'Alias')!, key: 'd/a.txt' });
    expect([res.status, errorCode(res)]).toEqual([403, 'AccessDenied']);
  });
});

describe('the access point\'s Block Public Access (oss2 live test_access_point_public_access_block_normal)', () => {
  const SUB = (name: string): [string, string | undefined][] => [['publicAccessBlock', undefined], ['x-oss-access-point-name', name]];
  const body = (on: boolean) => `<PublicAccessBlockConfiguration><BlockPublicAccess>${on}</BlockPublicAccess></PublicAccessBlockConfiguration>`;

  it('a missing access point is 404 "Accesspoint not found" for all three', async () => {
    await raw(emu, { method: 'PUT', bucket: 'ap-pab' });
    for (const [method, b] of [['PUT', body(true)], ['GET', undefined], ['DELETE', undefined]] as const) {
      const res = await raw(emu, { method, bucket: 'ap-pab', query: SUB('oss-access-point-name-test'), body: b });
      expect([method, res.status, xmlValue(res.text, 'Message')]).toEqual([method, 404, 'Accesspoint not found']);
    }
  });

  it('set on the access point only: the bucket\'s flag stays off; a public access point policy is refused', async () => {
    await create('ap-pab', 'ap-pab-1');
    await allowPublicAccess(emu, 'ap-pab'); // a new bucket's own block is on (behaviour §14.15)
    expect((await raw(emu, { method: 'PUT', bucket: 'ap-pab', query: SUB('ap-pab-1'), body: body(true) })).status).toBe(200);
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: 'ap-pab', query: SUB('ap-pab-1') })).text, 'BlockPublicAccess')).toBe('true');
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: 'ap-pab', query: [['publicAccessBlock', undefined]] })).text, 'BlockPublicAccess')).toBe('false');
    expect(xmlValue((await get('ap-pab', 'ap-pab-1')).text, 'BlockPublicAccess')).toBe('true');
    const pub = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['*'], Resource: ['*'] }] });
    const res = await raw(emu, { method: 'PUT', bucket: 'ap-pab', query: APP, headers: { 'x-oss-access-point-name': 'ap-pab-1' }, body: pub });
    expect([res.status, errorCode(res)]).toEqual([403, 'AccessDenied']);
    expect((await raw(emu, { method: 'DELETE', bucket: 'ap-pab', query: SUB('ap-pab-1') })).status).toBe(204);
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: 'ap-pab', query: SUB('ap-pab-1') })).text, 'BlockPublicAccess')).toBe('false');
    expect((await raw(emu, { method: 'PUT', bucket: 'ap-pab', query: APP, headers: { 'x-oss-access-point-name': 'ap-pab-1' }, body: pub })).status).toBe(200);
  });
});
