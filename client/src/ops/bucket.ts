// Bucket operations (PY2 models/bucket_basic.py): list, create, delete, location, info, stat, versioning.
import { asArray, buildXml } from '../xml.js';
import type * as M from '../models/index.js';
import { base, bool, date, given, num, owner, str, type Node, type Wire } from './wire.js';

export async function listBuckets(wire: Wire, req: M.ListBucketsRequest): Promise<M.ListBucketsResult> {
  const query = given([
    ['prefix', req.prefix],
    ['marker', req.marker],
    ['max-keys', req.maxKeys],
    ['tag-key', req.tagKey],
    ['tag-value', req.tagValue],
  ]);
  const res = await wire.send({ method: 'GET', query });
  const root = (await wire.xml(res)).ListAllMyBucketsResult as Node;
  return {
    ...base(res),
    owner: owner(root?.Owner as Node | undefined),
    prefix: str(root, 'Prefix'),
    marker: str(root, 'Marker'),
    maxKeys: num(str(root, 'MaxKeys')),
    isTruncated: bool(str(root, 'IsTruncated')),
    nextMarker: str(root, 'NextMarker'),
    buckets: asArray((root?.Buckets as Node | undefined)?.Bucket as Node[]).map((b) => ({
      name: str(b, 'Name'),
      location: str(b, 'Location'),
      creationDate: date(str(b, 'CreationDate')),
      storageClass: str(b, 'StorageClass'),
      extranetEndpoint: str(b, 'ExtranetEndpoint'),
      intranetEndpoint: str(b, 'IntranetEndpoint'),
      region: str(b, 'Region'),
    })),
  };
}

export async function putBucket(wire: Wire, req: M.PutBucketRequest): Promise<M.PutBucketResult> {
  const conf = req.createBucketConfiguration;
  const body = conf
    ? buildXml('CreateBucketConfiguration', {
        ...(conf.storageClass ? { StorageClass: conf.storageClass } : {}),
        ...(conf.dataRedundancyType ? { DataRedundancyType: conf.dataRedundancyType } : {}),
      })
    : undefined;
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, headers: { 'x-oss-acl': req.acl }, body }));
}

export async function deleteBucket(wire: Wire, req: M.DeleteBucketRequest): Promise<M.DeleteBucketResult> {
  return base(await wire.send({ method: 'DELETE', bucket: req.bucket }));
}

export async function getBucketLocation(wire: Wire, req: M.GetBucketLocationRequest): Promise<M.GetBucketLocationResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['location', undefined]] });
  const doc = await wire.xml(res);
  return { ...base(res), location: typeof doc.LocationConstraint === 'string' ? doc.LocationConstraint : undefined };
}

export async function getBucketInfo(wire: Wire, req: M.GetBucketInfoRequest): Promise<M.GetBucketInfoResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['bucketInfo', undefined]] });
  const b = ((await wire.xml(res)).BucketInfo as Node)?.Bucket as Node;
  return {
    ...base(res),
    bucketInfo: {
      name: str(b, 'Name'),
      location: str(b, 'Location'),
      creationDate: date(str(b, 'CreationDate')),
      storageClass: str(b, 'StorageClass'),
      acl: str(b?.AccessControlList, 'Grant'),
      dataRedundancyType: str(b, 'DataRedundancyType'),
      versioning: str(b, 'Versioning'),
      extranetEndpoint: str(b, 'ExtranetEndpoint'),
      intranetEndpoint: str(b, 'IntranetEndpoint'),
      sseRule: {
        sseAlgorithm: str(b?.ServerSideEncryptionRule, 'SSEAlgorithm'),
        kmsMasterKeyId: str(b?.ServerSideEncryptionRule, 'KMSMasterKeyID'),
        kmsDataEncryption: str(b?.ServerSideEncryptionRule, 'KMSDataEncryption'),
      },
    },
  };
}

export async function putBucketVersioning(wire: Wire, req: M.PutBucketVersioningRequest): Promise<M.PutBucketVersioningResult> {
  const body = buildXml('VersioningConfiguration', { Status: req.versioningConfiguration.status });
  return base(await wire.send({ method: 'PUT', bucket: req.bucket, query: [['versioning', undefined]], body }));
}

export async function getBucketVersioning(wire: Wire, req: M.GetBucketVersioningRequest): Promise<M.GetBucketVersioningResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['versioning', undefined]] });
  return { ...base(res), versionStatus: str((await wire.xml(res)).VersioningConfiguration, 'Status') };
}

export async function getBucketStat(wire: Wire, req: M.GetBucketStatRequest): Promise<M.GetBucketStatResult> {
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query: [['stat', undefined]] });
  const s = (await wire.xml(res)).BucketStat as Node | undefined;
  const n = (name: string) => num(str(s, name));
  return {
    ...base(res),
    storage: n('Storage'),
    objectCount: n('ObjectCount'),
    multiPartUploadCount: n('MultipartUploadCount'),
    liveChannelCount: n('LiveChannelCount'),
    lastModifiedTime: n('LastModifiedTime'),
    standardStorage: n('StandardStorage'),
    standardObjectCount: n('StandardObjectCount'),
    infrequentAccessStorage: n('InfrequentAccessStorage'),
    infrequentAccessRealStorage: n('InfrequentAccessRealStorage'),
    infrequentAccessObjectCount: n('InfrequentAccessObjectCount'),
    archiveStorage: n('ArchiveStorage'),
    archiveRealStorage: n('ArchiveRealStorage'),
    archiveObjectCount: n('ArchiveObjectCount'),
    coldArchiveStorage: n('ColdArchiveStorage'),
    coldArchiveRealStorage: n('ColdArchiveRealStorage'),
    coldArchiveObjectCount: n('ColdArchiveObjectCount'),
    deepColdArchiveStorage: n('DeepColdArchiveStorage'),
    deepColdArchiveRealStorage: n('DeepColdArchiveRealStorage'),
    deepColdArchiveObjectCount: n('DeepColdArchiveObjectCount'),
    deleteMarkerCount: n('DeleteMarkerCount'),
  };
}
