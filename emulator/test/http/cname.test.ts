// CNAME APIs (behaviour §14.18): tokens stored and answered, PutCname refused (no DNS verification here), the `comp`
// sub-APIs routed exactly; through raw HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  await client.putBucket({ bucket: 'cname-b' });
});
afterAll(() => emu.close());

const body = (domain: string) => `<BucketCnameConfiguration><Cname><Domain>${domain}</Domain></Cname></BucketCnameConfiguration>`;
const post = (comp: string, b: string) => raw(emu, { method: 'POST', bucket: 'cname-b', query: [['cname', undefined], ['comp', comp]], body: b });

describe('CNAME', () => {
  it('CreateCnameToken then GetCnameToken answer the same token with a 72-hour ExpireTime', async () => {
    const created = await post('token', body('Example.com'));
    expect(created.status).toBe(200);
    expect([xmlValue(created.text, 'Bucket'), xmlValue(created.text, 'Cname')]).toEqual(['cname-b', 'example.com']);
    const expires = Date.parse(xmlValue(created.text, 'ExpireTime')!);
    expect(expires - Date.parse(created.headers.get('date')!)).toBeGreaterThan(71 * 3600 * 1000);
    const got = await raw(emu, { method: 'GET', bucket: 'cname-b', query: [['comp', 'token'], ['cname', 'example.com']] });
    expect([got.status, xmlValue(got.text, 'Token')]).toEqual([200, xmlValue(created.text, 'Token')]);
    const none = await raw(emu, { method: 'GET', bucket: 'cname-b', query: [['comp', 'token'], ['cname', 'other.com']] });
    expect([none.status, errorCode(none)]).toEqual([404, 'NoSuchCnameToken']);
  });

  it('PutCname is 403 NeedVerifyDomainOwnership; ListCname names bucket and owner; DeleteCname 200', async () => {
    const put = await post('add', body('example.com'));
    expect([put.status, errorCode(put)]).toEqual([403, 'NeedVerifyDomainOwnership']);
    const list = await raw(emu, { method: 'GET', bucket: 'cname-b', query: [['cname', undefined]] });
    expect([list.status, xmlValue(list.text, 'Bucket'), xmlValue(list.text, 'Owner')]).toEqual([200, 'cname-b', '1000000000000000']);
    expect(list.text).not.toContain('<Cname>');
    expect((await post('delete', body('example.com'))).status).toBe(200);
  });

  it('a body without a Domain is MalformedXML; an unknown comp is not served', async () => {
    const bad = await post('token', '<BucketCnameConfiguration/>');
    expect([bad.status, errorCode(bad)]).toEqual([400, 'MalformedXML']);
    const other = await post('bogus', body('example.com'));
    expect(other.status).toBeGreaterThanOrEqual(400);
    expect(other.status).toBeLessThan(500);
  });
});
