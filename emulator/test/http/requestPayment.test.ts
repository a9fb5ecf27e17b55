// Requester pays (behaviour §14.14): the Payer document and the refusal of a requester that does not say it pays,
// through raw HTTP, our client and ali-oss.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import type { IdentitiesConfig } from '../../src/domain/identities.js';
import { parsePolicy } from '../../src/domain/policy.js';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

const require = createRequire(import.meta.url);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const OSS = require('ali-oss') as any;

const payer = { accessKeyId: 'ak-payer', accessKeySecret: 'secret-payer' };
const config: IdentitiesConfig = {
  accountId: '1000000000000000',
  users: [{
    kind: 'user', name: 'payer', uid: '2000000000000009', ...payer,
    policies: [parsePolicy({ Version: '1', Statement: [{ Effect: 'Allow', Action: 'oss:*', Resource: '*' }] })],
  }],
  sts: [],
  kms: { keys: [] },
};

let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ config });
});
afterAll(() => emu.close());

const SUB: [string, undefined][] = [['requestPayment', undefined]];

describe('the Payer document', () => {
  it('BucketOwner before any; Requester reads back (PY2 live test_bucket_request_payment_client)', async () => {
    await raw(emu, { method: 'PUT', bucket: 'rp-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'rp-doc', query: SUB });
    expect(none.text).toContain('<RequestPaymentConfiguration><Payer>BucketOwner</Payer></RequestPaymentConfiguration>');
    const body = '<RequestPaymentConfiguration><Payer>Requester</Payer></RequestPaymentConfiguration>';
    expect((await raw(emu, { method: 'PUT', bucket: 'rp-doc', query: SUB, body })).status).toBe(200);
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: 'rp-doc', query: SUB })).text, 'Payer')).toBe('Requester');
  });

  it('an unknown Payer is 400 and changes nothing', async () => {
    await raw(emu, { method: 'PUT', bucket: 'rp-bad' });
    const bad = await raw(emu, { method: 'PUT', bucket: 'rp-bad', query: SUB, body: '<RequestPaymentConfiguration><Payer>Me</Payer></RequestPaymentConfiguration>' });
    expect([bad.status, errorCode(bad)]).toEqual([400, 'InvalidArgument']);
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: 'rp-bad', query: SUB })).text, 'Payer')).toBe('BucketOwner');
  });

  it('through our client and ali-oss', async () => {
    const client = ownerClient(emu);
    await client.putBucket({ bucket: 'rp-client' });
    await client.putBucketRequestPayment({ bucket: 'rp-client', requestPaymentConfiguration: { payer: 'Requester' } });
    expect((await client.getBucketRequestPayment({ bucket: 'rp-client' })).requestPaymentConfiguration.payer).toBe('Requester');
    const ali = new OSS({ region: `oss-${emu.region}`, endpoint: emu.url, accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret });
    await ali.putBucketRequestPayment('rp-client', 'BucketOwner');
    expect((await ali.getBucketRequestPayment('rp-client')).payer).toBe('BucketOwner');
  });
});

describe('the check (oss2 live test_object_request_payment)', () => {
  beforeAll(async () => {
    await raw(emu, { method: 'PUT', bucket: 'rp-check' });
    await raw(emu, { method: 'PUT', bucket: 'rp-check', key: 'o.txt', body: 'hi' });
    await raw(emu, { method: 'PUT', bucket: 'rp-check', query: SUB, body: '<RequestPaymentConfiguration><Payer>Requester</Payer></RequestPaymentConfiguration>' });
  });

  it('a requester without x-oss-request-payer is refused before anything changes; with it, served', async () => {
    const put = await raw(emu, { method: 'PUT', bucket: 'rp-check', key: 'new.txt', body: 'x', credentials: payer });
    expect([put.status, errorCode(put), xmlValue(put.text, 'Message'), xmlValue(put.text, 'EC')]).toEqual([
      403, 'AccessDenied', 'Access denied for requester pay bucket', '0003-00000703',
    ]);
    expect((await raw(emu, { method: 'HEAD', bucket: 'rp-check', key: 'new.txt' })).status).toBe(404);
    const get = await raw(emu, { method: 'GET', bucket: 'rp-check', key: 'o.txt', credentials: payer, headers: { 'x-oss-request-payer': 'requester' } });
    expect([get.status, get.text]).toEqual([200, 'hi']);
    const del = await raw(emu, { method: 'DELETE', bucket: 'rp-check', key: 'o.txt', credentials: payer, headers: { 'x-oss-request-payer': 'bucketOwner' } });
    expect(del.status).toBe(403);
  });

  it('x-oss-request-payer may come as a query parameter (a signed URL: oss2 live test_get_object_with_signed_url)', async () => {
    const get = await raw(emu, { method: 'GET', bucket: 'rp-check', key: 'o.txt', credentials: payer, query: [['x-oss-request-payer', 'requester']] });
    expect(get.status).toBe(200);
  });

  it("the owner's requests are unaffected", async () => {
    expect((await raw(emu, { method: 'GET', bucket: 'rp-check', key: 'o.txt' })).status).toBe(200);
  });
});
