// QoS rules (behaviour §17.4): what a bucket's limits may be, the storage capacity, defaults.
import { describe, expect, it } from 'vitest';
import { checkWithin, parseQosConfiguration, parseStorageCapacity, UNLIMITED_QOS, USER_QOS } from '../../src/domain/qos.js';
import { refused } from './support.js';

const qos = (values: Record<string, string>) => parseQosConfiguration({ QoSConfiguration: values });

describe('bucket QoS', () => {
  it('reads every element left out as -1 (oss2 live test_put_bucket_qos_info_with_none_args)', () => {
    expect(parseQosConfiguration({ QoSConfiguration: '' })).toEqual(UNLIMITED_QOS);
  });

  it('refuses a limit above the user limits, or an intranet / extranet limit above the total', () => {
    const total = String(USER_QOS.TotalUploadBandwidth);
    expect(refused(() => checkWithin(qos({ TotalUploadBandwidth: String(USER_QOS.TotalUploadBandwidth + 1) })))).toBe('InvalidArgument TotalUploadBandwidth');
    expect(refused(() => checkWithin(qos({ TotalUploadBandwidth: total, IntranetUploadBandwidth: String(Number(total) + 1) })))).toBe('InvalidArgument IntranetUploadBandwidth');
    expect(refused(() => checkWithin(qos({ ExtranetQps: String(USER_QOS.TotalQps + 2) })))).toBe('InvalidArgument ExtranetQps');
    expect(refused(() => checkWithin(qos({ IntranetUploadBandwidth: '2', ExtranetUploadBandwidth: '2', TotalQps: '-1' })))).toBe('accepted');
    expect(refused(() => qos({ TotalQps: '-2' }))).toBe('InvalidArgument TotalQps');
    expect(refused(() => qos({ TotalQps: 'x' }))).toBe('InvalidArgument TotalQps');
  });
});

describe('storage capacity', () => {
  it('takes -1 and up, refuses other negatives (oss2 live test_bucket_storage_capacity)', () => {
    expect(parseStorageCapacity({ BucketUserQos: { StorageCapacity: '-1' } })).toBe(-1);
    expect(parseStorageCapacity({ BucketUserQos: { StorageCapacity: '100' } })).toBe(100);
    expect(refused(() => parseStorageCapacity({ BucketUserQos: { StorageCapacity: '-2' } }))).toBe('InvalidArgument StorageCapacity');
    expect(refused(() => parseStorageCapacity({}))).toBe('MalformedXML undefined');
  });
});
