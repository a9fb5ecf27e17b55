// Bucket callback policies (`?policy&comp=callback`, behaviour §14.21): the document's round trip through raw HTTP,
// kept apart from the bucket access policy (docs/sdk-suites.md D1).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { errorCode, ownerClient, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
let client: OssClient;

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
});
afterAll(() => emu.close());

const comp: [string, string | undefined][] = [['policy', undefined], ['comp', 'callback']];
const body =
  '<BucketCallbackPolicy><PolicyItem><PolicyName>p1</PolicyName><Callback>e30=</Callback><CallbackVar></CallbackVar></PolicyItem>' +
  '<PolicyItem><PolicyName>p2</PolicyName><Callback>eyJhIjoxfQ==</Callback><CallbackVar>eyJ4OmEiOiIxIn0=</CallbackVar></PolicyItem></BucketCallbackPolicy>';

describe('bucket callback policy', () => {
  it('puts, gets and deletes the policies without touching the access policy', async () => {
    await client.putBucket({ bucket: 'cbp-doc' });
    const none = await raw(emu, { method: 'GET', bucket: 'cbp-doc', query: comp });
    expect(none.status).toBe(404);
    expect(errorCode(none)).toBe('BucketCallbackPolicyNotExist');

    expect((await raw(emu, { method: 'PUT', bucket: 'cbp-doc', query: comp, body })).status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: 'cbp-doc', query: comp });
    expect(got.status).toBe(200);
    expect(got.text.match(/<PolicyName>/g)).toHaveLength(2);
    expect(xmlValue(got.text, 'PolicyName')).toBe('p1');
    expect(got.text).toContain('<CallbackVar>eyJ4OmEiOiIxIn0=</CallbackVar>');
    // The access policy is a different document.
    expect(errorCode(await raw(emu, { method: 'GET', bucket: 'cbp-doc', query: [['policy', undefined]] }))).toBe('NoSuchBucketPolicy');

    expect((await raw(emu, { method: 'DELETE', bucket: 'cbp-doc', query: comp })).status).toBe(204);
    expect(errorCode(await raw(emu, { method: 'GET', bucket: 'cbp-doc', query: comp }))).toBe('BucketCallbackPolicyNotExist');
  });

  it('accepts an empty body (oss2 test_callback_policy_exception_process) and refuses a malformed one, storing nothing', async () => {
    await client.putBucket({ bucket: 'cbp-bad' });
    expect((await raw(emu, { method: 'PUT', bucket: 'cbp-bad', query: comp, body: '<BucketCallbackPolicy />' })).status).toBe(200);
    const res = await raw(emu, { method: 'PUT', bucket: 'cbp-bad', query: comp, body: '<Other/>' });
    expect(res.status).toBe(400);
    expect(errorCode(res)).toBe('MalformedXML');
    const got = await raw(emu, { method: 'GET', bucket: 'cbp-bad', query: comp });
    expect(got.status).toBe(200);
    expect(got.text).not.toContain('<PolicyItem>');
  });
});
