// OSS result documents (behaviour §9) read into `Outcome.data`, for drivers that see the XML itself (raw; ali-oss where
// it hands a body back unparsed). Listing keys are decoded as PY2 does when the answer says `EncodingType` url:
// `unquote`, so `+` stays `+` (PY2 `serde_utils.deserialize_encode_type`).
import { asArray, parseXml, readSelectFrames } from '@local-oss/client';
import type { Api, ListedObject, Outcome, ReplicationRuleSpec } from '../model.js';
import { DOCUMENTS, isDocumentApi, resultOf } from '../documents.js';

type Node = Record<string, unknown>;

export function str(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const v = (node as Node)[name];
  return typeof v === 'string' ? v : undefined;
}

const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const nodes = (v: unknown) => asArray(v as Node[]);

function replicationRule(r: Node): ReplicationRuleSpec {
  const dest = r.Destination as Node | undefined;
  return {
    id: str(r, 'ID') ?? '',
    prefixes: nodes((r.PrefixSet as Node | undefined)?.Prefix).map(String),
    action: str(r, 'Action') ?? '',
    destinationBucket: str(dest, 'Bucket') ?? '',
    destinationLocation: str(dest, 'Location') ?? '',
    historical: str(r, 'HistoricalObjectReplication') === 'disabled' ? 'disabled' : 'enabled',
    status: str(r, 'Status'),
  };
}

function listing(root: Node | undefined): NonNullable<Outcome['data']> {
  const enc = str(root, 'EncodingType');
  const decode = (v: string | undefined) => (v === undefined || enc !== 'url' ? v : decodeURIComponent(v));
  const contents: ListedObject[] = nodes(root?.Contents).map((c) => ({
    key: decode(str(c, 'Key')) ?? '',
    size: Number(str(c, 'Size')),
    etag: str(c, 'ETag') ?? '',
    objectType: str(c, 'Type'),
    storageClass: str(c, 'StorageClass'),
    owner: c.Owner !== undefined,
  }));
  return {
    contents,
    commonPrefixes: nodes(root?.CommonPrefixes).map((p) => decode(str(p, 'Prefix')) ?? ''),
    isTruncated: str(root, 'IsTruncated') === 'true',
    nextMarker: decode(str(root, 'NextMarker')),
    nextContinuationToken: decode(str(root, 'NextContinuationToken')),
    keyCount: num(str(root, 'KeyCount')),
    maxKeys: num(str(root, 'MaxKeys')),
    encodingType: enc,
  };
}

function versions(root: Node | undefined): NonNullable<Outcome['data']> {
  const enc = str(root, 'EncodingType');
  const decode = (v: string | undefined) => (v === undefined || enc !== 'url' ? v : decodeURIComponent(v));
  const entry = (deleteMarker: boolean) => (v: Node) => ({
    key: decode(str(v, 'Key')) ?? '',
    versionId: str(v, 'VersionId') ?? '',
    isLatest: str(v, 'IsLatest') === 'true',
    deleteMarker,
  });
  return {
    versions: [...nodes(root?.Version).map(entry(false)), ...nodes(root?.DeleteMarker).map(entry(true))],
    commonPrefixes: nodes(root?.CommonPrefixes).map((p) => decode(str(p, 'Prefix')) ?? ''),
    isTruncated: str(root, 'IsTruncated') === 'true',
    nextKeyMarker: decode(str(root, 'NextKeyMarker')),
    nextVersionIdMarker: str(root, 'NextVersionIdMarker'),
    encodingType: enc,
  };
}

/** The decoded fields of a successful answer to `api`, from its headers and XML body. */
export function resultData(api: Api, headers: Record<string, string>, body: Buffer): Outcome['data'] {
  // Parsed only by the APIs whose answer is an XML document: an object's own bytes may begin with "<" too.
  let parsed: Node | undefined;
  const doc = (): Node | undefined => {
    const text = body.toString('utf8');
    return (parsed ??= text.startsWith('<') ? (parseXml(text) as Node) : undefined);
  };
  switch (api) {
    // The framed select answers (behaviour §15.3), read as the SDKs read them; OutputRawData answers are the rows.
    case 'SelectObject': {
      if (headers['x-oss-select-output-raw'] === 'true') return { selectRows: body.toString('utf8') };
      const f = readSelectFrames(body);
      return f.error ? { selectError: f.error.code } : { selectRows: f.data.toString('utf8') };
    }
    case 'CreateSelectObjectMeta': {
      const e = readSelectFrames(body).end;
      return { selectMeta: { totalScannedBytes: e?.scanned ?? 0, splitsCount: e?.splits ?? 0, rowsCount: e?.rows ?? 0, colsCount: e?.columns ?? 0 } };
    }
    case 'ProcessObject': {
      const r = JSON.parse(body.toString('utf8')) as { bucket: string; object: string; status: string };
      return { processResult: { bucket: r.bucket, object: r.object, status: r.status } };
    }
    case 'GetBucketStyle': {
      const st = doc()?.Style as Node | undefined;
      return { style: { name: str(st, 'Name') ?? '', content: str(st, 'Content') ?? '' } };
    }
    case 'PostObject': {
      const r = doc()?.PostResponse as Node | undefined;
      return r === undefined ? undefined : { name: str(r, 'Bucket'), key: str(r, 'Key'), etag: str(r, 'ETag') };
    }
    case 'GetObjectAcl':
    case 'GetBucketAcl':
      return { acl: str((doc()?.AccessControlPolicy as Node)?.AccessControlList, 'Grant') };
    case 'GetObjectTagging': {
      const set = (doc()?.Tagging as Node | undefined)?.TagSet as Node | undefined;
      return { tags: nodes(set?.Tag).map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') ?? '' })) };
    }
    case 'GetBucketInfo': {
      const b = (doc()?.BucketInfo as Node | undefined)?.Bucket as Node | undefined;
      return {
        name: str(b, 'Name'),
        location: str(b, 'Location'),
        storageClass: str(b, 'StorageClass'),
        acl: str(b?.AccessControlList, 'Grant'),
        versioning: str(b, 'Versioning'),
      };
    }
    case 'GetBucketLocation':
      return { location: str(doc(), 'LocationConstraint') };
    case 'GetBucketVersioning':
      return { versioning: str(doc()?.VersioningConfiguration, 'Status') };
    case 'GetBucketLifecycle':
      return {
        lifecycleRules: nodes((doc()?.LifecycleConfiguration as Node | undefined)?.Rule).map((r) => ({
          id: str(r, 'ID') ?? '',
          prefix: str(r, 'Prefix') ?? '',
          status: str(r, 'Status') ?? '',
          expirationDays: Number(str(r.Expiration, 'Days')),
        })),
      };
    case 'GetMetaQueryStatus':
      return { metaQueryState: str(doc()?.MetaQueryStatus, 'State') };
    case 'DoMetaQuery': {
      const root = doc()?.MetaQuery as Node | undefined;
      return {
        metaQueryFiles: nodes((root?.Files as Node | undefined)?.File).map((f) => str(f, 'Filename') ?? ''),
        metaQueryNextToken: str(root, 'NextToken') ?? '',
        metaQueryAggregations: nodes((root?.Aggregations as Node | undefined)?.Aggregation).map((a) => ({
          field: str(a, 'Field') ?? '',
          operation: str(a, 'Operation') ?? '',
          ...(str(a, 'Value') !== undefined ? { value: Number(str(a, 'Value')) } : {}),
        })),
      };
    }
    case 'GetBucketReplication':
      return { replicationRules: nodes((doc()?.ReplicationConfiguration as Node | undefined)?.Rule).map(replicationRule) };
    case 'GetBucketReplicationProgress': {
      const rule = nodes((doc()?.ReplicationProgress as Node | undefined)?.Rule);
      const progress = rule[0]?.Progress as Node | undefined;
      const hist = str(progress, 'HistoricalObject');
      return {
        replicationRules: rule.map(replicationRule),
        replicationProgress: { ...(hist !== undefined ? { historicalObject: hist } : {}), newObject: str(progress, 'NewObject') !== undefined },
      };
    }
    case 'ListObjects':
    case 'ListObjectsV2':
      return listing(doc()?.ListBucketResult as Node | undefined);
    case 'ListObjectVersions':
      return versions(doc()?.ListVersionsResult as Node | undefined);
    case 'InitiateMultipartUpload':
      return { uploadId: str(doc()?.InitiateMultipartUploadResult, 'UploadId') };
    case 'UploadPart':
      return { etag: headers.etag };
    case 'UploadPartCopy': {
      const r = doc()?.CopyPartResult;
      return { etag: str(r, 'ETag'), lastModified: str(r, 'LastModified') };
    }
    case 'CompleteMultipartUpload':
      return { etag: str(doc()?.CompleteMultipartUploadResult, 'ETag') };
    case 'ListParts': {
      const root = doc()?.ListPartsResult as Node | undefined;
      return {
        parts: nodes(root?.Part).map((p) => ({ partNumber: Number(str(p, 'PartNumber')), etag: str(p, 'ETag') ?? '', size: Number(str(p, 'Size')) })),
        isTruncated: str(root, 'IsTruncated') === 'true',
        nextPartNumberMarker: num(str(root, 'NextPartNumberMarker')),
      };
    }
    case 'ListMultipartUploads':
      return { uploads: nodes((doc()?.ListMultipartUploadsResult as Node | undefined)?.Upload).map((u) => ({ key: str(u, 'Key') ?? '', uploadId: str(u, 'UploadId') ?? '' })) };
    case 'InitiateBucketWorm':
      return { wormId: headers['x-oss-worm-id'] };
    case 'GetBucketWorm': {
      const w = doc()?.WormConfiguration;
      return { wormId: str(w, 'WormId'), wormState: str(w, 'State'), retentionPeriodInDays: num(str(w, 'RetentionPeriodInDays')) };
    }
    case 'CreateAccessPoint': {
      const r = doc()?.CreateAccessPointResult;
      return { accessPointArn: str(r, 'AccessPointArn'), alias: str(r, 'Alias') };
    }
    case 'GetAccessPoint': {
      const r = doc()?.GetAccessPointResult;
      return {
        accessPoint: {
          accessPointName: str(r, 'AccessPointName') ?? '', bucket: str(r, 'Bucket') ?? '', networkOrigin: str(r, 'NetworkOrigin') ?? '',
          status: str(r, 'Status') ?? '', alias: str(r, 'Alias') ?? '',
        },
      };
    }
    case 'ListAccessPoints': {
      const r = doc()?.ListAccessPointsResult as Node | undefined;
      return {
        accessPoints: nodes((r?.AccessPoints as Node | undefined)?.AccessPoint).map((a) => ({ accessPointName: str(a, 'AccessPointName') ?? '', bucket: str(a, 'Bucket') ?? '', alias: str(a, 'Alias') ?? '' })),
        isTruncated: str(r, 'IsTruncated') === 'true',
        nextContinuationToken: str(r, 'NextContinuationToken'),
      };
    }
    case 'GetAccessPointPolicy':
      return { policy: body.toString('utf8') };
    case 'GetAccessPointPublicAccessBlock':
    case 'GetPublicAccessBlock':
      return { blockPublicAccess: str(doc()?.PublicAccessBlockConfiguration, 'BlockPublicAccess') === 'true' };
    case 'CopyObject': {
      const r = doc()?.CopyObjectResult;
      return { etag: str(r, 'ETag'), lastModified: str(r, 'LastModified') };
    }
    default:
      if (isDocumentApi(api)) return { result: resultOf(DOCUMENTS[api], headers, DOCUMENTS[api].result ? doc() : undefined, DOCUMENTS[api].resultText ? body.toString('utf8') : undefined) };
      return undefined;
  }
}
