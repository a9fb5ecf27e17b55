// Lifecycle (PY2 put/get/delete_bucket_lifecycle, `?lifecycle`) and the small bucket settings beside it: access
// monitor (`?accessmonitor`), transfer acceleration (`?transferAcceleration`), resource group (`?resourceGroup`),
// logging (`?logging`).
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, bool, md5, num, str, type Node, type Wire } from './wire.js';

const sub = (name: string): [string, undefined][] => [[name, undefined]];
const opt = <T>(name: string, v: T | undefined) => (v === undefined ? {} : { [name]: typeof v === 'number' || typeof v === 'boolean' ? String(v) : v });
const tagXml = (t: M.LifecycleTag) => ({ Key: t.key ?? '', Value: t.value ?? '' });
const flags = (t: { isAccessTime?: boolean; returnToStdWhenVisit?: boolean; allowSmallFile?: boolean }) => ({
  ...opt('IsAccessTime', t.isAccessTime),
  ...opt('ReturnToStdWhenVisit', t.returnToStdWhenVisit),
  ...opt('AllowSmallFile', t.allowSmallFile),
});

function ruleXml(r: M.LifecycleRule): object {
  const e = r.expiration;
  const a = r.abortMultipartUpload;
  const f = r.filter;
  return {
    ...opt('ID', r.id),
    Prefix: r.prefix ?? '',
    Status: r.status ?? 'Enabled',
    ...(e ? { Expiration: { ...opt('Days', e.days), ...opt('Date', e.date), ...opt('CreatedBeforeDate', e.createdBeforeDate), ...opt('ExpiredObjectDeleteMarker', e.expiredObjectDeleteMarker) } } : {}),
    ...(r.transitions?.length ? { Transition: r.transitions.map((t) => ({ ...opt('Days', t.days), ...opt('CreatedBeforeDate', t.createdBeforeDate), ...opt('StorageClass', t.storageClass), ...flags(t) })) } : {}),
    ...(a ? { AbortMultipartUpload: { ...opt('Days', a.days), ...opt('CreatedBeforeDate', a.createdBeforeDate) } } : {}),
    ...(r.tags?.length ? { Tag: r.tags.map(tagXml) } : {}),
    ...(r.noncurrentVersionExpiration ? { NoncurrentVersionExpiration: opt('NoncurrentDays', r.noncurrentVersionExpiration.noncurrentDays) } : {}),
    ...(r.noncurrentVersionTransitions?.length
      ? { NoncurrentVersionTransition: r.noncurrentVersionTransitions.map((t) => ({ ...opt('NoncurrentDays', t.noncurrentDays), ...opt('StorageClass', t.storageClass), ...flags(t) })) }
      : {}),
    ...(f
      ? {
          Filter: {
            ...opt('ObjectSizeGreaterThan', f.objectSizeGreaterThan),
            ...opt('ObjectSizeLessThan', f.objectSizeLessThan),
            ...(f.nots?.length ? { Not: f.nots.map((n) => ({ ...opt('Prefix', n.prefix), ...(n.tag ? { Tag: tagXml(n.tag) } : {}) })) } : {}),
          },
        }
      : {}),
    ...opt('AtimeBase', r.atimeBase),
  };
}

const tagOf = (n: Node): M.LifecycleTag => ({ key: str(n, 'Key') ?? '', value: str(n, 'Value') ?? '' });
const flagsOf = (n: Node) => ({
  ...(str(n, 'IsAccessTime') !== undefined ? { isAccessTime: bool(str(n, 'IsAccessTime')) } : {}),
  ...(str(n, 'ReturnToStdWhenVisit') !== undefined ? { returnToStdWhenVisit: bool(str(n, 'ReturnToStdWhenVisit')) } : {}),
  ...(str(n, 'AllowSmallFile') !== undefined ? { allowSmallFile: bool(str(n, 'AllowSmallFile')) } : {}),
});
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function ruleOf(n: Node): M.LifecycleRule {
  const e = n.Expiration as Node | undefined;
  const a = n.AbortMultipartUpload as Node | undefined;
  const ne = n.NoncurrentVersionExpiration as Node | undefined;
  const f = n.Filter as Node | undefined;
  return defined({
    id: str(n, 'ID'),
    prefix: str(n, 'Prefix') ?? '',
    status: str(n, 'Status'),
    expiration: e && defined({ days: num(str(e, 'Days')), date: str(e, 'Date'), createdBeforeDate: str(e, 'CreatedBeforeDate'), expiredObjectDeleteMarker: bool(str(e, 'ExpiredObjectDeleteMarker')) }),
    transitions: asArray(n.Transition as Node[]).map((t) => defined({ days: num(str(t, 'Days')), createdBeforeDate: str(t, 'CreatedBeforeDate'), storageClass: str(t, 'StorageClass'), ...flagsOf(t) })),
    abortMultipartUpload: a && defined({ days: num(str(a, 'Days')), createdBeforeDate: str(a, 'CreatedBeforeDate') }),
    tags: asArray(n.Tag as Node[]).map(tagOf),
    noncurrentVersionExpiration: ne && { noncurrentDays: num(str(ne, 'NoncurrentDays')) },
    noncurrentVersionTransitions: asArray(n.NoncurrentVersionTransition as Node[]).map((t) => defined({ noncurrentDays: num(str(t, 'NoncurrentDays')), storageClass: str(t, 'StorageClass'), ...flagsOf(t) })),
    filter: f && defined({
      objectSizeGreaterThan: num(str(f, 'ObjectSizeGreaterThan')),
      objectSizeLessThan: num(str(f, 'ObjectSizeLessThan')),
      nots: asArray(f.Not as Node[]).map((x) => defined({ prefix: str(x, 'Prefix'), tag: x.Tag ? tagOf(x.Tag as Node) : undefined })),
    }),
    atimeBase: num(str(n, 'AtimeBase')),
  });
}

async function putXml(wire: Wire, bucket: string, name: string, root: string, doc: object, headers: Record<string, string | undefined> = {}): Promise<M.ResultBase> {
  const body = buildXml(root, doc);
  return base(await wire.send({ method: 'PUT', bucket, query: sub(name), headers: { ...headers, 'content-md5': md5(body) }, body }));
}

async function getXml(wire: Wire, bucket: string, name: string, root: string) {
  const res = await wire.send({ method: 'GET', bucket, query: sub(name) });
  const doc = (await wire.xml(res))[root];
  return { res, node: (doc && typeof doc === 'object' ? doc : {}) as Node };
}

export async function putBucketLifecycle(wire: Wire, req: M.PutBucketLifecycleRequest): Promise<M.PutBucketLifecycleResult> {
  const headers = req.allowSameActionOverlap !== undefined ? { 'x-oss-allow-same-action-overlap': String(req.allowSameActionOverlap) } : {};
  return putXml(wire, req.bucket, 'lifecycle', 'LifecycleConfiguration', { Rule: (req.lifecycleConfiguration.rules ?? []).map(ruleXml) }, headers);
}

export async function getBucketLifecycle(wire: Wire, req: M.GetBucketLifecycleRequest): Promise<M.GetBucketLifecycleResult> {
  const { res, node } = await getXml(wire, req.bucket, 'lifecycle', 'LifecycleConfiguration');
  return { ...base(res), lifecycleConfiguration: { rules: asArray(node.Rule as Node[]).map(ruleOf) } };
}

export async function deleteBucketLifecycle(wire: Wire, req: M.DeleteBucketLifecycleRequest): Promise<M.DeleteBucketLifecycleResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: sub('lifecycle') }));
}

export async function putBucketAccessMonitor(wire: Wire, req: M.PutBucketAccessMonitorRequest): Promise<M.PutBucketAccessMonitorResult> {
  return putXml(wire, req.bucket, 'accessmonitor', 'AccessMonitorConfiguration', { Status: req.accessMonitorConfiguration.status });
}

export async function getBucketAccessMonitor(wire: Wire, req: M.GetBucketAccessMonitorRequest): Promise<M.GetBucketAccessMonitorResult> {
  const { res, node } = await getXml(wire, req.bucket, 'accessmonitor', 'AccessMonitorConfiguration');
  return { ...base(res), accessMonitorConfiguration: { status: str(node, 'Status') } };
}

export async function putBucketTransferAcceleration(wire: Wire, req: M.PutBucketTransferAccelerationRequest): Promise<M.PutBucketTransferAccelerationResult> {
  return putXml(wire, req.bucket, 'transferAcceleration', 'TransferAccelerationConfiguration', { Enabled: String(req.transferAccelerationConfiguration.enabled) });
}

export async function getBucketTransferAcceleration(wire: Wire, req: M.GetBucketTransferAccelerationRequest): Promise<M.GetBucketTransferAccelerationResult> {
  const { res, node } = await getXml(wire, req.bucket, 'transferAcceleration', 'TransferAccelerationConfiguration');
  return { ...base(res), transferAccelerationConfiguration: { enabled: bool(str(node, 'Enabled')) } };
}

export async function putBucketResourceGroup(wire: Wire, req: M.PutBucketResourceGroupRequest): Promise<M.PutBucketResourceGroupResult> {
  return putXml(wire, req.bucket, 'resourceGroup', 'BucketResourceGroupConfiguration', { ResourceGroupId: req.bucketResourceGroupConfiguration.resourceGroupId ?? '' });
}

export async function getBucketResourceGroup(wire: Wire, req: M.GetBucketResourceGroupRequest): Promise<M.GetBucketResourceGroupResult> {
  const { res, node } = await getXml(wire, req.bucket, 'resourceGroup', 'BucketResourceGroupConfiguration');
  return { ...base(res), bucketResourceGroupConfiguration: { resourceGroupId: str(node, 'ResourceGroupId') } };
}

export async function putBucketLogging(wire: Wire, req: M.PutBucketLoggingRequest): Promise<M.PutBucketLoggingResult> {
  const l = req.bucketLoggingStatus.loggingEnabled;
  const doc = l ? { LoggingEnabled: { TargetBucket: l.targetBucket ?? '', TargetPrefix: l.targetPrefix ?? '', ...opt('LoggingRole', l.loggingRole) } } : {};
  return putXml(wire, req.bucket, 'logging', 'BucketLoggingStatus', doc);
}

export async function getBucketLogging(wire: Wire, req: M.GetBucketLoggingRequest): Promise<M.GetBucketLoggingResult> {
  const { res, node } = await getXml(wire, req.bucket, 'logging', 'BucketLoggingStatus');
  const l = node.LoggingEnabled as Node | undefined;
  return {
    ...base(res),
    bucketLoggingStatus: l && typeof l === 'object'
      ? { loggingEnabled: defined({ targetBucket: str(l, 'TargetBucket') ?? '', targetPrefix: str(l, 'TargetPrefix') ?? '', loggingRole: str(l, 'LoggingRole') }) }
      : {},
  };
}

export async function deleteBucketLogging(wire: Wire, req: M.DeleteBucketLoggingRequest): Promise<M.DeleteBucketLoggingResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket, query: sub('logging') }));
}
