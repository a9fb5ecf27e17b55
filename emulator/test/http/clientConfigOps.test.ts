// The client's inventory, CNAME, data-redundancy, bucket policy, callback policy and user-defined log field methods
// (PY2's models in camelCase) against the emulator: each request reaches its route and each answer is read back
// into the model (behaviour §14.11, §14.12, §14.18, §14.19, §14.21).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OssServiceError, type OssClient } from '@local-oss/client';
import type { RunningEmulator } from 'local-oss';
import { ownerClient, startTestEmulator } from './support.js';

let emu: RunningEmulator;
let client: OssClient;
const bucket = 'client-config-b';

beforeAll(async () => {
  emu = await startTestEmulator();
  client = ownerClient(emu);
  await client.putBucket({ bucket });
  await client.putBucket({ bucket: 'client-config-dest' });
});
afterAll(() => emu.close());

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    return err instanceof OssServiceError ? `${err.status} ${err.code}` : String(err);
  }
}

describe('client configuration methods', () => {
  it('inventory: put, get, list, delete', async () => {
    const inventoryConfiguration = {
      id: 'r1',
      isEnabled: true,
      filter: { prefix: 'p/', storageClass: 'Standard' },
      destination: { ossBucketDestination: { format: 'CSV', accountId: '100', roleArn: 'acs:ram::100:role/AliyunOSSRole', bucket: 'acs:oss:::client-config-dest', prefix: 'inv/' } },
      schedule: { frequency: 'Weekly' },
      includedObjectVersions: 'All',
      optionalFields: { fields: ['Size', 'ETag'] },
    };
    expect((await client.putBucketInventory({ bucket, inventoryId: 'r1', inventoryConfiguration })).statusCode).toBe(200);
    expect((await client.getBucketInventory({ bucket, inventoryId: 'r1' })).inventoryConfiguration).toEqual(inventoryConfiguration);
    const list = (await client.listBucketInventory({ bucket })).listInventoryConfigurationsResult;
    expect([list.inventoryConfigurations?.map((c) => c.id), list.isTruncated]).toEqual([['r1'], false]);
    expect((await client.deleteBucketInventory({ bucket, inventoryId: 'r1' })).statusCode).toBe(204);
    expect(await codeOf(client.getBucketInventory({ bucket, inventoryId: 'r1' }))).toBe('404 NoSuchInventory');
  });

  it('CNAME: token created and read, PutCname refused, none listed, delete answered', async () => {
    const bucketCnameConfiguration = { cname: { domain: 'www.example.com' } };
    const token = (await client.createCnameToken({ bucket, bucketCnameConfiguration })).cnameToken;
    expect([token.bucket, token.cname, typeof token.token, typeof token.expireTime]).toEqual([bucket, 'www.example.com', 'string', 'string']);
    expect((await client.getCnameToken({ bucket, cname: 'www.example.com' })).cnameToken.token).toBe(token.token);
    expect(await codeOf(client.putCname({ bucket, bucketCnameConfiguration }))).toBe('403 NeedVerifyDomainOwnership');
    const list = await client.listCname({ bucket });
    expect([list.bucket, list.cnames]).toEqual([bucket, []]);
    expect((await client.deleteCname({ bucket, bucketCnameConfiguration })).statusCode).toBe(200);
  });

  it('data-redundancy transition: create, get, list (bucket and user), delete', async () => {
    const task = (await client.createBucketDataRedundancyTransition({ bucket, targetRedundancyType: 'ZRS' })).bucketDataRedundancyTransition;
    expect(task.taskId).toMatch(/.+/);
    const got = (await client.getBucketDataRedundancyTransition({ bucket, redundancyTransitionTaskid: task.taskId! })).bucketDataRedundancyTransition;
    expect([got.bucket, got.taskId, got.status]).toEqual([bucket, task.taskId, 'Queueing']);
    const listed = (await client.listBucketDataRedundancyTransition({ bucket })).listBucketDataRedundancyTransition;
    expect(listed.bucketDataRedundancyTransition?.map((t) => t.taskId)).toEqual([task.taskId]);
    const all = (await client.listUserDataRedundancyTransition()).listBucketDataRedundancyTransition;
    expect(all.bucketDataRedundancyTransition?.map((t) => t.bucket)).toEqual([bucket]);
    expect((await client.deleteBucketDataRedundancyTransition({ bucket, redundancyTransitionTaskid: task.taskId! })).statusCode).toBe(204);
    expect(await codeOf(client.getBucketDataRedundancyTransition({ bucket, redundancyTransitionTaskid: task.taskId! }))).toBe('404 NoSuchRedundancyTransitionTask');
  });

  it('bucket policy: the JSON text put is the text read; deleted, 404', async () => {
    const body = JSON.stringify({ Version: '1', Statement: [{ Effect: 'Deny', Action: ['oss:GetObject'], Principal: ['*'], Resource: [`acs:oss:*:*:${bucket}/secret/*`] }] });
    expect((await client.putBucketPolicy({ bucket, body })).statusCode).toBe(200);
    expect(JSON.parse((await client.getBucketPolicy({ bucket })).body)).toEqual(JSON.parse(body));
    expect((await client.deleteBucketPolicy({ bucket })).statusCode).toBe(204);
    expect(await codeOf(client.getBucketPolicy({ bucket }))).toBe('404 NoSuchBucketPolicy');
  });

  it('callback policy: items read back verbatim; deleted, BucketCallbackPolicyNotExist', async () => {
    const bucketCallbackPolicy = { policyItems: [{ policyName: 'p1', callback: Buffer.from('{"callbackUrl":"example.com"}').toString('base64'), callbackVar: '' }] };
    expect((await client.putBucketCallbackPolicy({ bucket, bucketCallbackPolicy })).statusCode).toBe(200);
    expect((await client.getBucketCallbackPolicy({ bucket })).bucketCallbackPolicy).toEqual(bucketCallbackPolicy);
    expect((await client.deleteBucketCallbackPolicy({ bucket })).statusCode).toBe(204);
    expect(await codeOf(client.getBucketCallbackPolicy({ bucket }))).toBe('404 BucketCallbackPolicyNotExist');
  });

  it('user-defined log fields: headers and parameters read back; deleted, 404', async () => {
    const userDefinedLogFieldsConfiguration = { headerSet: { headers: ['x-custom-a', 'x-custom-b'] }, paramSet: { parameters: ['p1'] } };
    expect((await client.putUserDefinedLogFieldsConfig({ bucket, userDefinedLogFieldsConfiguration })).statusCode).toBe(200);
    expect((await client.getUserDefinedLogFieldsConfig({ bucket })).userDefinedLogFieldsConfiguration).toEqual(userDefinedLogFieldsConfiguration);
    expect((await client.deleteUserDefinedLogFieldsConfig({ bucket })).statusCode).toBe(204);
    expect(await codeOf(client.getUserDefinedLogFieldsConfig({ bucket }))).toBe('404 NoSuchUserDefinedLogFieldsConfig');
  });
});
