// QoS and resource pools over raw HTTP, signed V1 as oss2 signs them (behaviour §17.4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from 'local-oss';
import { errorCode, raw, startTestEmulator, xmlValue } from './support.js';

let emu: RunningEmulator;
const B = 'qos-bucket';
beforeAll(async () => {
  emu = await startTestEmulator();
  await raw(emu, { method: 'PUT', bucket: B });
});
afterAll(() => emu.close());

describe('QoS', () => {
  it('answers the user QoS with its region and nine limits', async () => {
    const res = await raw(emu, { method: 'GET', query: [['qosInfo', undefined]], sign: 'v1' });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<QoSConfiguration><Region>[a-z0-9-]+<\/Region><TotalUploadBandwidth>\d+<\/TotalUploadBandwidth>/);
    expect(res.text).toContain('<ExtranetQps>');
  });

  it('stores a bucket QoS, reads -1 for what was left out, refuses one above the user limits, deletes it', async () => {
    const sub: [string, undefined][] = [['qosInfo', undefined]];
    const put = await raw(emu, { method: 'PUT', bucket: B, query: sub, sign: 'v1', body: '<QoSConfiguration><IntranetUploadBandwidth>2</IntranetUploadBandwidth></QoSConfiguration>' });
    expect(put.status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: B, query: sub, sign: 'v1' });
    expect(xmlValue(got.text, 'IntranetUploadBandwidth')).toBe('2');
    expect(xmlValue(got.text, 'TotalUploadBandwidth')).toBe('-1');
    const tooMuch = await raw(emu, { method: 'PUT', bucket: B, query: sub, sign: 'v1', body: '<QoSConfiguration><TotalUploadBandwidth>100000</TotalUploadBandwidth></QoSConfiguration>' });
    expect(errorCode(tooMuch)).toBe('InvalidArgument');
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: B, query: sub })).text, 'IntranetUploadBandwidth')).toBe('2');
    expect((await raw(emu, { method: 'DELETE', bucket: B, query: sub, sign: 'v1' })).status).toBe(204);
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: B, query: sub })).text, 'IntranetUploadBandwidth')).toBe('-1');
  });

  it('stores the storage capacity, -1 by default', async () => {
    const sub: [string, undefined][] = [['qos', undefined]];
    expect((await raw(emu, { method: 'GET', bucket: B, query: sub, sign: 'v1' })).text).toContain('<BucketUserQos><StorageCapacity>-1</StorageCapacity></BucketUserQos>');
    expect((await raw(emu, { method: 'PUT', bucket: B, query: sub, sign: 'v1', body: '<BucketUserQos><StorageCapacity>100</StorageCapacity></BucketUserQos>' })).status).toBe(200);
    expect(xmlValue((await raw(emu, { method: 'GET', bucket: B, query: sub })).text, 'StorageCapacity')).toBe('100');
    const bad = await raw(emu, { method: 'PUT', bucket: B, query: sub, body: '<BucketUserQos><StorageCapacity>-2</StorageCapacity></BucketUserQos>' });
    expect(errorCode(bad)).toBe('InvalidArgument');
  });

  it('stores, lists and deletes requester QoS on a bucket', async () => {
    const q = (uid?: string): [string, string | undefined][] => [['requesterQosInfo', undefined], ...(uid ? ([['qosRequester', uid]] as [string, string][]) : [])];
    const body = '<QoSConfiguration><TotalUploadBandwidth>100</TotalUploadBandwidth><IntranetUploadBandwidth>6</IntranetUploadBandwidth></QoSConfiguration>';
    expect((await raw(emu, { method: 'PUT', bucket: B, query: q('123'), body, sign: 'v1' })).status).toBe(200);
    const got = await raw(emu, { method: 'GET', bucket: B, query: q('123'), sign: 'v1' });
    expect(got.text).toMatch(/<RequesterQoSInfo><Requester>123<\/Requester><QoSConfiguration><TotalUploadBandwidth>100</);
    const list = await raw(emu, { method: 'GET', bucket: B, query: q(), sign: 'v1' });
    expect(list.text).toContain(`<ListBucketRequesterQoSInfosResult><Bucket>${B}</Bucket><ContinuationToken></ContinuationToken><NextContinuationToken></NextContinuationToken><IsTruncated>false</IsTruncated><RequesterQoSInfo><Requester>123</Requester>`);
    const inconsistent = '<QoSConfiguration><TotalUploadBandwidth>5</TotalUploadBandwidth><IntranetUploadBandwidth>6</IntranetUploadBandwidth></QoSConfiguration>';
    expect(errorCode(await raw(emu, { method: 'PUT', bucket: B, query: q('123'), body: inconsistent }))).toBe('InvalidArgument');
    expect((await raw(emu, { method: 'DELETE', bucket: B, query: q('123'), sign: 'v1' })).status).toBe(204);
    expect((await raw(emu, { method: 'GET', bucket: B, query: q() })).text).not.toContain('<RequesterQoSInfo>');
  });

  it('has no resource pool: an empty list, and 404 for any pool', async () => {
    const list = await raw(emu, { method: 'GET', query: [['resourcePool', undefined]], sign: 'v1' });
    expect(list.text).toContain('<ListResourcePoolsResult><Region>');
    expect(xmlValue(list.text, 'Owner')).toBe('1000000000000000');
    for (const query of [
      [['resourcePoolInfo', undefined], ['resourcePool', 'p']],
      [['resourcePoolBuckets', undefined], ['resourcePool', 'p']],
      [['requesterQosInfo', undefined], ['resourcePool', 'p']],
      [['requesterQosInfo', undefined], ['qosRequester', '1'], ['resourcePool', 'p']],
    ] as [string, string | undefined][][]) {
      const res = await raw(emu, { method: 'GET', query, sign: 'v1' });
      expect(res.status).toBe(404);
      expect(xmlValue(res.text, 'Message')).toBe('The specified resource pool does not exist.');
    }
  });
});
