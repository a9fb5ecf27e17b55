// Listing operations (PY2 list_objects, list_objects_v2, list_object_versions): like PY2 they ask for
// encoding-type=url and decode the keys.
import type * as M from '../models/index.js';
import { asArray } from '../xml.js';
import { base, bool, date, decode, given, num, owner, str, type Node, type Query, type Wire } from './wire.js';

function listing(root: Node | undefined): Omit<M.ListObjectsResult, keyof M.ResultBase> {
  const enc = str(root, 'EncodingType');
  return {
    name: str(root, 'Name'),
    prefix: decode(str(root, 'Prefix'), enc),
    marker: decode(str(root, 'Marker'), enc),
    nextMarker: decode(str(root, 'NextMarker'), enc),
    startAfter: decode(str(root, 'StartAfter'), enc),
    continuationToken: str(root, 'ContinuationToken'),
    nextContinuationToken: str(root, 'NextContinuationToken'),
    keyCount: num(str(root, 'KeyCount')),
    maxKeys: num(str(root, 'MaxKeys')),
    delimiter: decode(str(root, 'Delimiter'), enc),
    isTruncated: str(root, 'IsTruncated') === 'true',
    encodingType: enc,
    contents: asArray(root?.Contents as Node[]).map((c) => ({
      key: decode(str(c, 'Key'), enc) ?? '',
      objectType: str(c, 'Type'),
      size: num(str(c, 'Size')),
      etag: str(c, 'ETag'),
      lastModified: date(str(c, 'LastModified')),
      storageClass: str(c, 'StorageClass'),
      restoreInfo: str(c, 'RestoreInfo'),
      owner: c.Owner ? owner(c.Owner as Node) : undefined,
    })),
    commonPrefixes: commonPrefixes(root, enc),
  };
}

function commonPrefixes(root: Node | undefined, enc: string | undefined): M.CommonPrefix[] {
  return asArray(root?.CommonPrefixes as Node[]).map((p) => ({ prefix: decode(str(p, 'Prefix'), enc) ?? '' }));
}

export async function listObjects(wire: Wire, req: M.ListObjectsRequest): Promise<M.ListObjectsResult> {
  const query: Query = [
    ['encoding-type', req.encodingType ?? 'url'],
    ...given([['prefix', req.prefix], ['delimiter', req.delimiter], ['marker', req.marker], ['max-keys', req.maxKeys]]),
  ];
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query });
  return { ...base(res), ...listing((await wire.xml(res)).ListBucketResult as Node) };
}

export async function listObjectsV2(wire: Wire, req: M.ListObjectsV2Request): Promise<M.ListObjectsV2Result> {
  const query: Query = [
    ['list-type', '2'],
    ['encoding-type', req.encodingType ?? 'url'],
    ...given([
      ['prefix', req.prefix],
      ['delimiter', req.delimiter],
      ['start-after', req.startAfter],
      ['continuation-token', req.continuationToken],
      ['max-keys', req.maxKeys],
      ['fetch-owner', req.fetchOwner],
    ]),
  ];
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query });
  return { ...base(res), ...listing((await wire.xml(res)).ListBucketResult as Node) };
}

export async function listObjectVersions(wire: Wire, req: M.ListObjectVersionsRequest): Promise<M.ListObjectVersionsResult> {
  const query: Query = [
    ['versions', undefined],
    ['encoding-type', req.encodingType ?? 'url'],
    ...given([
      ['prefix', req.prefix],
      ['delimiter', req.delimiter],
      ['key-marker', req.keyMarker],
      ['version-id-marker', req.versionIdMarker],
      ['max-keys', req.maxKeys],
    ]),
  ];
  const res = await wire.send({ method: 'GET', bucket: req.bucket, query });
  const root = (await wire.xml(res)).ListVersionsResult as Node | undefined;
  const enc = str(root, 'EncodingType');
  const entry = (v: Node): M.ObjectVersionProperties => ({
    key: decode(str(v, 'Key'), enc) ?? '',
    versionId: str(v, 'VersionId'),
    isLatest: bool(str(v, 'IsLatest')),
    lastModified: date(str(v, 'LastModified')),
    etag: str(v, 'ETag'),
    size: num(str(v, 'Size')),
    objectType: str(v, 'Type'),
    storageClass: str(v, 'StorageClass'),
    restoreInfo: str(v, 'RestoreInfo'),
  });
  return {
    ...base(res),
    isTruncated: str(root, 'IsTruncated') === 'true',
    nextKeyMarker: decode(str(root, 'NextKeyMarker'), enc),
    nextVersionIdMarker: str(root, 'NextVersionIdMarker'),
    versions: asArray(root?.Version as Node[]).map(entry),
    deleteMarkers: asArray(root?.DeleteMarker as Node[]).map(entry),
    commonPrefixes: commonPrefixes(root, enc),
  };
}
