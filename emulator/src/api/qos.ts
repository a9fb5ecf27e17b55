// QoS and resource pools (behaviour §17.4): GetUserQosInfo (`GET /?qosInfo`), Put/Get/DeleteBucketQosInfo
// (`/<b>/?qosInfo`), bucket storage capacity (`/<b>/?qos`), bucket requester QoS (`/<b>/?requesterQosInfo
// [&qosRequester=<uid>]`), and the resource pool APIs on the service (`?resourcePool`, `?resourcePoolInfo`,
// `?resourcePoolBuckets`, `?requesterQosInfo&resourcePool=`). Stored as bucket documents and answered; nothing is
// throttled. No resource pool can exist (Alibaba Cloud creates them on request): the list is empty and every pool
// is NoSuchResourcePool. Shapes: oss2 xml_utils (the parsers named in domain/qos.ts) and its live tests.
import { OssError } from '../domain/errors.js';
import { OWNER } from '../domain/owner.js';
import {
  checkRequester,
  checkWithin,
  parseQosConfiguration,
  parseStorageCapacity,
  qosXml,
  UNLIMITED,
  UNLIMITED_QOS,
  USER_QOS,
  type QosConfiguration,
} from '../domain/qos.js';
import { readXml } from '../http/body.js';
import { sendEmpty, sendXml } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';

function regionOf(ctx: OssContext): string {
  return ctx.state.hostRegion ?? ctx.state.config.region;
}

export function getUserQosInfo(ctx: OssContext): void {
  sendXml(ctx, 'QoSConfiguration', { Region: regionOf(ctx), ...qosXml(USER_QOS) });
}

export async function putBucketQosInfo(ctx: OssContext): Promise<void> {
  const qos = parseQosConfiguration(await readXml(ctx));
  checkWithin(qos);
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(b.name, 'qos', qos);
  });
  sendEmpty(ctx);
}

/** Without a configuration every limit reads -1 (oss2's live test reads -1 for values never set) [I]. */
export function getBucketQosInfo(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const qos = ctx.state.store.buckets.getDocument<QosConfiguration>(b.name, 'qos') ?? UNLIMITED_QOS;
  sendXml(ctx, 'QoSConfiguration', qosXml(qos));
}

export function deleteBucketQosInfo(ctx: OssContext): void {
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(b.name, 'qos', undefined);
  });
  sendEmpty(ctx, 204);
}

export async function putBucketStorageCapacity(ctx: OssContext): Promise<void> {
  const capacity = parseStorageCapacity(await readXml(ctx));
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(b.name, 'storageCapacity', capacity === UNLIMITED ? undefined : capacity);
  });
  sendEmpty(ctx);
}

export function getBucketStorageCapacity(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const capacity = ctx.state.store.buckets.getDocument<number>(b.name, 'storageCapacity') ?? UNLIMITED;
  sendXml(ctx, 'BucketUserQos', { StorageCapacity: String(capacity) });
}

type Requesters = Record<string, QosConfiguration>;

function requestersOf(ctx: OssContext, bucket: string): Requesters {
  return ctx.state.store.buckets.getDocument<Requesters>(bucket, 'requesterQos') ?? {};
}

function requesterXml(uid: string, qos: QosConfiguration) {
  return { Requester: uid, QoSConfiguration: qosXml(qos) };
}

/** A requester's limits are only checked against each other (oss2's live test sets 100 Gbit/s) [I]. */
export async function putBucketRequesterQosInfo(ctx: OssContext): Promise<void> {
  const uid = checkRequester(ctx.state.query.get('qosRequester'));
  const qos = parseQosConfiguration(await readXml(ctx));
  checkWithin(qos, UNLIMITED_QOS);
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    ctx.state.store.buckets.setDocument(b.name, 'requesterQos', { ...requestersOf(ctx, b.name), [uid]: qos });
  });
  sendEmpty(ctx);
}

/** A requester without its own limits reads the unlimited ones [I]. */
export function getBucketRequesterQosInfo(ctx: OssContext): void {
  const uid = checkRequester(ctx.state.query.get('qosRequester'));
  const b = requireBucket(ctx);
  const all = requestersOf(ctx, b.name);
  const qos = Object.prototype.hasOwnProperty.call(all, uid) ? all[uid]! : UNLIMITED_QOS;
  sendXml(ctx, 'RequesterQoSInfo', requesterXml(uid, qos));
}

/** Every requester in one page: continuation tokens stay empty [I: max-keys paging is not captured]. */
export function listBucketRequesterQosInfos(ctx: OssContext): void {
  const b = requireBucket(ctx);
  const all = requestersOf(ctx, b.name);
  sendXml(ctx, 'ListBucketRequesterQoSInfosResult', {
    Bucket: b.name,
    ContinuationToken: ctx.state.query.get('continuation-token') ?? '',
    NextContinuationToken: '',
    IsTruncated: 'false',
    RequesterQoSInfo: Object.keys(all)
      .sort()
      .map((uid) => requesterXml(uid, all[uid]!)),
  });
}

export function deleteBucketRequesterQosInfo(ctx: OssContext): void {
  const uid = checkRequester(ctx.state.query.get('qosRequester'));
  ctx.state.store.tx(() => {
    const b = requireBucket(ctx);
    const rest = { ...requestersOf(ctx, b.name) };
    delete rest[uid];
    ctx.state.store.buckets.setDocument(b.name, 'requesterQos', Object.keys(rest).length > 0 ? rest : undefined);
  });
  sendEmpty(ctx, 204);
}

export function listResourcePools(ctx: OssContext): void {
  sendXml(ctx, 'ListResourcePoolsResult', {
    Region: regionOf(ctx),
    Owner: OWNER.ID,
    ContinuationToken: ctx.state.query.get('continuation-token') ?? '',
    NextContinuationToken: '',
    IsTruncated: 'false',
  });
}

/** Every API that names a pool: none exists. */
export function noSuchResourcePool(ctx: OssContext): void {
  throw new OssError('NoSuchResourcePool', { ResourcePool: ctx.state.query.get('resourcePool') ?? '' });
}
