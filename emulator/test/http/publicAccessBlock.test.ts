// Block Public Access on a bucket (behaviour §14.15): the flag, the refusal of public ACLs and public policies, and
// existing public grants ignored for anonymous callers, through raw HTTP and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { createPublicBucket, errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const SUB: [string, undefined][] = [['publicAccessBlock', undefined]];
const block = (bucket: string, on: boolean) =>
  raw(emu, { method: 'PUT', bucket, query: SUB, body: `<PublicAccessBlockConfiguration><BlockPublicAccess>${on}</BlockPublicAccess></PublicAccessBlockConfiguration>` });
const flag = async (bucket: string) => xmlValue((await raw(emu, { method: 'GET', bucket, query: SUB })).text, 'BlockPublicAccess');

describe('the flag (PY2 live test_bucket_public_access_block_client)', () => {
  it('true on a new bucket (OSS since 2025-10-13), reads back what is put, GetBucketInfo reports it, DELETE 204', async () => {
    await raw(emu, { method: 'PUT', bucket: 'pab-doc' });
    expect(await flag('pab-doc')).toBe('true');
    expect((await block('pab-doc', false)).status).toBe(200);
    expect(await flag('pab-doc')).toBe('false');
    expect((await block('pab-doc', true)).status).toBe(200);
    expect(await flag('pab-doc')).toBe('true');
    const info = await raw(emu, { method: 'GET', bucket: 'pab-doc', query: [['bucketInfo', undefined]] });
    expect(xmlValue(info.text, 'BlockPublicAccess')).toBe('true');
    expect((await raw(emu, { method: 'DELETE', bucket: 'pab-doc', query: SUB })).status).toBe(204);
    expect(await flag('pab-doc')).toBe('false');
  });

  it('through our client, with GetBucketPolicyStatus', async () => {
    const client = ownerClient(emu);
    await client.putBucket({ bucket: 'pab-client' });
    await client.putBucketPublicAccessBlock({ bucket: 'pab-client', publicAccessBlockConfiguration: { blockPublicAccess: true } });
    expect((await client.getBucketPublicAccessBlock({ bucket: 'pab-client' })).publicAccessBlockConfiguration.blockPublicAccess).toBe(true);
    expect((await client.deleteBucketPublicAccessBlock({ bucket: 'pab-client' })).statusCode).toBe(204);
    expect((await client.getBucketPublicAccessBlock({ bucket: 'pab-client' })).publicAccessBlockConfiguration.blockPublicAccess).toBe(false);
    expect((await client.getBucketPolicyStatus({ bucket: 'pab-client' })).policyStatus.isPublic).toBe(false);
  });

  it('the access-point variant is the access point\'s (api/accessPoint.ts), never the bucket\'s flag', async () => {
    await raw(emu, { method: 'PUT', bucket: 'pab-ap' });
    await block('pab-ap', false);
    const res = await raw(emu, {
      method: 'PUT', bucket: 'pab-ap', query: [['publicAccessBlock', undefined], ['x-oss-access-point-name', 'ap-1']],
      body: '<PublicAccessBlockConfiguration><BlockPublicAccess>true</BlockPublicAccess></PublicAccessBlockConfiguration>',
    });
    expect([res.status, errorCode(res)]).toEqual([404, 'NoSuchAccessPoint']);
    expect(await flag('pab-ap')).toBe('false');
  });

  it('a bad body is MalformedXML', async () => {
    await raw(emu, { method: 'PUT', bucket: 'pab-bad' });
    const bad = await raw(emu, { method: 'PUT', bucket: 'pab-bad', query: SUB, body: '<PublicAccessBlockConfiguration><BlockPublicAccess>on</BlockPublicAccess></PublicAccessBlockConfiguration>' });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MalformedXML']);
  });
});

describe('while on', () => {
  beforeAll(async () => {
    await createPublicBucket(emu, 'pab-on', 'public-read');
    await raw(emu, { method: 'PUT', bucket: 'pab-on', key: 'o.txt', body: 'hi' });
    await raw(emu, { method: 'PUT', bucket: 'pab-on', key: 'pub.txt', body: 'pub', headers: { 'x-oss-object-acl': 'public-read' } });
    expect((await raw(emu, { method: 'GET', bucket: 'pab-on', key: 'o.txt', sign: 'none' })).status).toBe(200);
    await block('pab-on', true);
  });

  it('a public object ACL is refused with OSS answer, and nothing is written', async () => {
    const put = await raw(emu, { method: 'PUT', bucket: 'pab-on', key: 'new.txt', body: 'x', headers: { 'x-oss-object-acl': 'public-read' } });
    expect([put.status, errorCode(put), xmlValue(put.text, 'Message'), xmlValue(put.text, 'EC')]).toEqual([
      403, 'AccessDenied', 'Put public object acl is not allowed.', '0016-00000901',
    ]);
    expect((await raw(emu, { method: 'HEAD', bucket: 'pab-on', key: 'new.txt' })).status).toBe(404);
    const acl = await raw(emu, { method: 'PUT', bucket: 'pab-on', key: 'o.txt', query: [['acl', undefined]], headers: { 'x-oss-object-acl': 'public-read-write' } });
    expect(acl.status).toBe(403);
    expect((await raw(emu, { method: 'PUT', bucket: 'pab-on', key: 'priv.txt', body: 'x', headers: { 'x-oss-object-acl': 'private' } })).status).toBe(200);
  });

  it('a public bucket ACL is refused (ali-oss putBucketACL)', async () => {
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    await expect(ali.putBucketACL('pab-on', 'public-read-write')).rejects.toMatchObject({ status: 403, code: 'AccessDenied' });
    await ali.putBucketACL('pab-on', 'private');
  });

  it('a public policy is refused, a restricted one accepted', async () => {
    const policy = (principal: string) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: [principal], Resource: ['acs:oss:*:*:pab-on/*'] }] });
    const pub = await raw(emu, { method: 'PUT', bucket: 'pab-on', query: [['policy', undefined]], body: policy('*') });
    expect([pub.status, errorCode(pub), xmlValue(pub.text, 'Message')]).toEqual([403, 'AccessDenied', 'Put public bucket policy is not allowed.']);
    expect((await raw(emu, { method: 'PUT', bucket: 'pab-on', query: [['policy', undefined]], body: policy('2000000000000001') })).status).toBe(200);
  });

  it('existing public grants are ignored for anonymous callers, and count again once off', async () => {
    expect((await raw(emu, { method: 'GET', bucket: 'pab-on', key: 'pub.txt', sign: 'none' })).status).toBe(403);
    await block('pab-on', false);
    expect((await raw(emu, { method: 'GET', bucket: 'pab-on', key: 'pub.txt', sign: 'none' })).status).toBe(200);
  });
});

describe('GetBucketPolicyStatus (PY2 live test_bucket_policy_client)', () => {
  it('IsPublic true for a wildcard-Principal Allow, false for another or none', async () => {
    await raw(emu, { method: 'PUT', bucket: 'pab-status' });
    await block('pab-status', false); // GetBucketPolicyStatus needs a public policy, which the block refuses
    const status = async () => xmlValue((await raw(emu, { method: 'GET', bucket: 'pab-status', query: [['policyStatus', undefined]] })).text, 'IsPublic');
    expect(await status()).toBe('false');
    const policy = (principal: string) => JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: [principal], Resource: ['acs:oss:*:*:pab-status/*'] }] });
    await raw(emu, { method: 'PUT', bucket: 'pab-status', query: [['policy', undefined]], body: policy('*') });
    expect(await status()).toBe('true');
    await raw(emu, { method: 'PUT', bucket: 'pab-status', query: [['policy', undefined]], body: policy('2000000000000001') });
    expect(await status()).toBe('false');
  });
});

describe('account level (PY2 live test_public_access_block_client, oss2 live test_public_access_block_normal)', () => {
  let acct: RunningEmulator;
  beforeAll(async () => {
    acct = await startTestEmulator();
  });
  afterAll(() => acct.close());
  const put = (on: boolean | undefined) =>
    raw(acct, { method: 'PUT', query: SUB, body: `<PublicAccessBlockConfiguration>${on === undefined ? '' : `<BlockPublicAccess>${on}</BlockPublicAccess>`}</PublicAccessBlockConfiguration>` });
  const accountFlag = async () => xmlValue((await raw(acct, { method: 'GET', query: SUB })).text, 'BlockPublicAccess');

  it('false before any, reads back, DELETE 204 and false again; a PUT without the flag is false', async () => {
    expect(await accountFlag()).toBe('false');
    expect((await put(true)).status).toBe(200);
    expect(await accountFlag()).toBe('true');
    expect((await raw(acct, { method: 'DELETE', query: SUB })).status).toBe(204);
    expect(await accountFlag()).toBe('false');
    await put(true);
    await put(undefined);
    expect(await accountFlag()).toBe('false');
  });

  it('while on, every bucket refuses public ACLs and policies and ignores public grants; off, they count again', async () => {
    await createPublicBucket(acct, 'acct-pub', 'public-read');
    await raw(acct, { method: 'PUT', bucket: 'acct-pub', key: 'o.txt', body: 'hi' });
    expect((await raw(acct, { method: 'GET', bucket: 'acct-pub', key: 'o.txt', sign: 'none' })).status).toBe(200);
    await put(true);
    expect((await raw(acct, { method: 'GET', bucket: 'acct-pub', key: 'o.txt', sign: 'none' })).status).toBe(403);
    const objAcl = await raw(acct, { method: 'PUT', bucket: 'acct-pub', key: 'n.txt', body: 'x', headers: { 'x-oss-object-acl': 'public-read' } });
    expect([objAcl.status, xmlValue(objAcl.text, 'Message')]).toEqual([403, 'Put public object acl is not allowed.']);
    const bucketAcl = await raw(acct, { method: 'PUT', bucket: 'acct-pub', query: [['acl', undefined]], headers: { 'x-oss-acl': 'public-read-write' } });
    expect(bucketAcl.status).toBe(403);
    const policy = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Allow', Action: ['oss:GetObject'], Principal: ['*'], Resource: ['acs:oss:*:*:acct-pub/*'] }] });
    expect((await raw(acct, { method: 'PUT', bucket: 'acct-pub', query: [['policy', undefined]], body: policy })).status).toBe(403);
    // The bucket's own flag (GetBucketPublicAccessBlock, GetBucketInfo) stays what the bucket set [I].
    expect(xmlValue((await raw(acct, { method: 'GET', bucket: 'acct-pub', query: SUB })).text, 'BlockPublicAccess')).toBe('false');
    expect(xmlValue((await raw(acct, { method: 'GET', bucket: 'acct-pub', query: [['bucketInfo', undefined]] })).text, 'BlockPublicAccess')).toBe('false');
    // A new bucket asked for public: refused, and not created.
    const created = await raw(acct, { method: 'PUT', bucket: 'acct-new', headers: { 'x-oss-acl': 'public-read' } });
    expect([created.status, xmlValue(created.text, 'Message')]).toEqual([403, 'Put public bucket acl is not allowed.']);
    expect((await raw(acct, { method: 'GET', bucket: 'acct-new', query: [['bucketInfo', undefined]] })).status).toBe(404);
    await raw(acct, { method: 'DELETE', query: SUB });
    expect((await raw(acct, { method: 'GET', bucket: 'acct-pub', key: 'o.txt', sign: 'none' })).status).toBe(200);
  });

  it('through our client; /-/reset switches it off', async () => {
    const c = ownerClient(acct);
    await c.putPublicAccessBlock({ publicAccessBlockConfiguration: { blockPublicAccess: true } });
    expect((await c.getPublicAccessBlock()).publicAccessBlockConfiguration.blockPublicAccess).toBe(true);
    expect((await fetch(`${acct.url}/-/reset`, { method: 'POST' })).status).toBe(200);
    expect((await c.getPublicAccessBlock()).publicAccessBlockConfiguration.blockPublicAccess).toBe(false);
    expect((await c.deletePublicAccessBlock()).statusCode).toBe(204);
  });
});
