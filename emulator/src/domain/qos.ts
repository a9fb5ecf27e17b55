// QoS settings (behaviour §17.4): the user's limits, a bucket's QoS, requester QoS and a bucket's storage capacity,
// stored and validated as OSS does; local-oss enforces none of them (no throttling, no capacity limit) [I].
// Sources: oss2 xml_utils to_put_qos_info / parse_get_qos_info / parse_qos_configuration (the nine elements),
// models BucketQosInfo ("0 forbids that kind of access, -1 sets no separate limit", bandwidths in Gbps), live
// tests/test_qos_info.py (a bucket value above the user's total, or an intranet / extranet value above the total,
// is InvalidArgument; unset values read back -1), tests/test_bucket.py test_bucket_storage_capacity (default -1,
// negatives other than -1 InvalidArgument).
import { OssError, invalidArgument } from './errors.js';

export const QOS_FIELDS = [
  'TotalUploadBandwidth',
  'IntranetUploadBandwidth',
  'ExtranetUploadBandwidth',
  'TotalDownloadBandwidth',
  'IntranetDownloadBandwidth',
  'ExtranetDownloadBandwidth',
  'TotalQps',
  'IntranetQps',
  'ExtranetQps',
] as const;
export type QosField = (typeof QOS_FIELDS)[number];
export type QosConfiguration = Record<QosField, number>;

/** Unset: no separate limit. */
export const UNLIMITED = -1;

/**
 * The account's limits in every region (GetUserQosInfo): 10 Gbit/s in total each way, 2000 QPS, intranet and
 * extranet without a separate limit. The values are [I]: OSS's default quotas differ by region and account.
 */
export const USER_QOS: QosConfiguration = {
  TotalUploadBandwidth: 10,
  IntranetUploadBandwidth: UNLIMITED,
  ExtranetUploadBandwidth: UNLIMITED,
  TotalDownloadBandwidth: 10,
  IntranetDownloadBandwidth: UNLIMITED,
  ExtranetDownloadBandwidth: UNLIMITED,
  TotalQps: 2000,
  IntranetQps: UNLIMITED,
  ExtranetQps: UNLIMITED,
};

const bad = (name: string, value: string) => invalidArgument('InvalidArgumentQos', name, value);

/** A `<QoSConfiguration>` body; missing elements are -1. Values: -1, 0 or a positive integer. */
export function parseQosConfiguration(doc: Record<string, unknown> | undefined): QosConfiguration {
  const root = doc?.QoSConfiguration;
  if (root === undefined || root === null || (root !== '' && typeof root !== 'object')) throw new OssError('MalformedXML');
  const r = root === '' ? {} : (root as Record<string, unknown>);
  const out = {} as QosConfiguration;
  for (const field of QOS_FIELDS) {
    const v = r[field];
    if (v === undefined || v === '') {
      out[field] = UNLIMITED;
      continue;
    }
    if (typeof v !== 'string' || !/^-?\d{1,12}$/.test(v.trim()) || Number(v) < UNLIMITED) throw bad(field, String(v));
    out[field] = Number(v);
  }
  return out;
}

const exceeds = (value: number, limit: number) => limit !== UNLIMITED && value !== UNLIMITED && value > limit;

/**
 * A bucket's (or requester's) limits may not exceed the user's, and its intranet / extranet limits may not exceed its
 * total (nor the user's total when its own is unlimited).
 */
export function checkWithin(qos: QosConfiguration, user: QosConfiguration = USER_QOS): void {
  for (const kind of ['Upload', 'Download'] as const) {
    const total = `Total${kind}Bandwidth` as QosField;
    const cap = qos[total] === UNLIMITED ? user[total] : qos[total];
    if (exceeds(qos[total], user[total])) throw bad(total, String(qos[total]));
    for (const part of [`Intranet${kind}Bandwidth`, `Extranet${kind}Bandwidth`] as QosField[]) {
      if (exceeds(qos[part], cap) || exceeds(qos[part], user[part])) throw bad(part, String(qos[part]));
    }
  }
  const qpsCap = qos.TotalQps === UNLIMITED ? user.TotalQps : qos.TotalQps;
  if (exceeds(qos.TotalQps, user.TotalQps)) throw bad('TotalQps', String(qos.TotalQps));
  for (const part of ['IntranetQps', 'ExtranetQps'] as QosField[]) {
    if (exceeds(qos[part], qpsCap) || exceeds(qos[part], user[part])) throw bad(part, String(qos[part]));
  }
}

export function qosXml(q: QosConfiguration): Record<string, string> {
  return Object.fromEntries(QOS_FIELDS.map((f) => [f, String(q[f])]));
}

export const UNLIMITED_QOS: QosConfiguration = Object.fromEntries(QOS_FIELDS.map((f) => [f, UNLIMITED])) as QosConfiguration;

/** `<BucketUserQos><StorageCapacity>` in GB: -1 (no limit, the default) or 0 and up. */
export function parseStorageCapacity(doc: Record<string, unknown> | undefined): number {
  const root = doc?.BucketUserQos;
  if (root === undefined || root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const v = (root as Record<string, unknown>).StorageCapacity;
  if (typeof v !== 'string' || !/^-?\d{1,15}$/.test(v.trim()) || Number(v) < UNLIMITED) {
    throw bad('StorageCapacity', typeof v === 'string' ? v : '');
  }
  return Number(v);
}

/** A requester is an account (or RAM user) id: digits [I]. */
export function checkRequester(uid: string | undefined): string {
  if (uid === undefined || !/^\d{1,32}$/.test(uid)) throw bad('qosRequester', uid ?? '');
  return uid;
}
