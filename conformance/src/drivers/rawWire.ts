// The HTTP form of each conformance call as the raw drivers send it: method, bucket, key, query, headers and body,
// named and placed as the OSS API reference has them (behaviour §9; the request models of PY2).
import { createHash } from 'node:crypto';
import { buildXml, encodeCopySource, objectHeaders, selectMetaRequestXml, selectRequestXml } from '@local-oss/client';
import { readHeaders, type Api, type Params } from '../model.js';
import { DOCUMENTS, documentXml, isDocumentApi, type DocumentApi } from '../documents.js';

export interface Wire {
  method: string;
  bucket?: string;
  key?: string;
  query?: [string, string | undefined][];
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
}

const md5 = (body: string) => createHash('md5').update(body).digest('base64');

/** ProcessObject's process: `<image process>|sys/saveas,o_<base64url key>[,b_<base64url bucket>]` (behaviour §16.2). */
export function saveAsProcess(p: Params): string {
  const b64 = (v: string) => Buffer.from(v).toString('base64url');
  return `${p.imageProcess}|sys/saveas,o_${b64(p.saveAsKey!)}${p.saveAsBucket !== undefined ? `,b_${b64(p.saveAsBucket)}` : ''}`;
}

/** `?publicAccessBlock` on the service (account level) or, with the name as a query parameter, an access point. */
function publicAccessBlockTarget(api: Api, p: Params): Pick<Wire, 'bucket' | 'query'> {
  if (api.includes('AccessPoint')) return { bucket: p.bucket, query: [['publicAccessBlock', undefined], ['x-oss-access-point-name', p.accessPointName ?? '']] };
  return { query: [['publicAccessBlock', undefined]] };
}

/** A documents.ts API as hand-built HTTP: its sub-resource, headers and body document (with Content-MD5). */
export function documentWire(api: DocumentApi, p: Params): Wire {
  const spec = DOCUMENTS[api];
  const r = p.request ?? {};
  const headers: Record<string, string | undefined> = { ...spec.headers?.(r) };
  let body: string | Buffer | undefined;
  if (spec.body) {
    body = documentXml(spec.body.root, (r[spec.body.field] ?? {}) as Record<string, unknown>, spec.body.schema);
    headers['content-md5'] = md5(body);
    headers['content-type'] ??= 'application/xml';
  } else if (spec.textBody) {
    body = String(r[spec.textBody] ?? '');
    headers['content-md5'] = md5(body);
  } else if (api === 'AppendObject') {
    body = p.body ?? '';
  }
  return {
    method: spec.method,
    bucket: spec.scope === 'service' ? undefined : p.bucket,
    key: spec.scope === 'object' ? p.key : undefined,
    query: spec.query?.(r) ?? [],
    headers,
    body,
  };
}

export function wireOf(api: Api, p: Params): Wire {
  const versionQuery: [string, string][] = p.versionId !== undefined ? [['versionId', p.versionId]] : [];
  const object = { bucket: p.bucket, key: p.key };
  const opt = (name: string, v: string | number | boolean | undefined): [string, string][] => (v === undefined ? [] : [[name, String(v)]]);
  const upload: [string, string][] = [...opt('partNumber', p.partNumber), ['uploadId', p.uploadId ?? '']];
  switch (api) {
    case 'PostObject':
      throw new Error('PostObject is a form signed in its body: RawDriver.postForm builds it');
    case 'PutBucket':
      return { method: 'PUT', bucket: p.bucket, headers: { 'x-oss-acl': p.acl } };
    case 'DeleteBucket':
      return { method: 'DELETE', bucket: p.bucket };
    case 'GetBucketInfo':
      return { method: 'GET', bucket: p.bucket, query: [['bucketInfo', undefined]] };
    case 'GetBucketLocation':
      return { method: 'GET', bucket: p.bucket, query: [['location', undefined]] };
    case 'PutBucketAcl':
      return { method: 'PUT', bucket: p.bucket, query: [['acl', undefined]], headers: { 'x-oss-acl': p.acl } };
    case 'GetBucketAcl':
      return { method: 'GET', bucket: p.bucket, query: [['acl', undefined]] };
    case 'PutBucketVersioning':
      return { method: 'PUT', bucket: p.bucket, query: [['versioning', undefined]], body: buildXml('VersioningConfiguration', { Status: p.status! }) };
    case 'GetBucketVersioning':
      return { method: 'GET', bucket: p.bucket, query: [['versioning', undefined]] };
    case 'PutBucketLifecycle': {
      const body = buildXml('LifecycleConfiguration', {
        Rule: (p.lifecycleRules ?? []).map((r) => ({ ID: r.id, Prefix: r.prefix, Status: r.status, Expiration: { Days: String(r.expirationDays) } })),
      });
      return { method: 'PUT', bucket: p.bucket, query: [['lifecycle', undefined]], headers: { 'content-md5': createHash('md5').update(body).digest('base64') }, body };
    }
    case 'CreateAccessPoint': {
      const body = buildXml('CreateAccessPointConfiguration', {
        AccessPointName: p.accessPointName ?? '',
        NetworkOrigin: p.networkOrigin ?? '',
        ...(p.vpcId !== undefined ? { VpcConfiguration: { VpcId: p.vpcId } } : {}),
      });
      return { method: 'PUT', bucket: p.bucket, query: [['accessPoint', undefined]], headers: { 'content-md5': md5(body) }, body };
    }
    case 'GetAccessPoint':
      return { method: 'GET', bucket: p.bucket, query: [['accessPoint', undefined]], headers: { 'x-oss-access-point-name': p.accessPointName } };
    case 'ListAccessPoints':
      return { method: 'GET', bucket: p.bucket, query: [['accessPoint', undefined], ...opt('max-keys', p.maxKeys), ...opt('continuation-token', p.continuationToken)] };
    case 'DeleteAccessPoint':
      return { method: 'DELETE', bucket: p.bucket, query: [['accessPoint', undefined]], headers: { 'x-oss-access-point-name': p.accessPointName } };
    case 'PutAccessPointPolicy':
      return { method: 'PUT', bucket: p.bucket, query: [['accessPointPolicy', undefined]], headers: { 'x-oss-access-point-name': p.accessPointName }, body: p.policy ?? '' };
    case 'GetAccessPointPolicy':
      return { method: 'GET', bucket: p.bucket, query: [['accessPointPolicy', undefined]], headers: { 'x-oss-access-point-name': p.accessPointName } };
    case 'DeleteAccessPointPolicy':
      return { method: 'DELETE', bucket: p.bucket, query: [['accessPointPolicy', undefined]], headers: { 'x-oss-access-point-name': p.accessPointName } };
    case 'PutAccessPointPublicAccessBlock':
    case 'PutPublicAccessBlock': {
      const body = buildXml('PublicAccessBlockConfiguration', p.blockPublicAccess === undefined ? {} : { BlockPublicAccess: String(p.blockPublicAccess) });
      return { method: 'PUT', ...publicAccessBlockTarget(api, p), headers: { 'content-md5': md5(body) }, body };
    }
    case 'GetAccessPointPublicAccessBlock':
    case 'GetPublicAccessBlock':
      return { method: 'GET', ...publicAccessBlockTarget(api, p) };
    case 'DeleteAccessPointPublicAccessBlock':
    case 'DeletePublicAccessBlock':
      return { method: 'DELETE', ...publicAccessBlockTarget(api, p) };
    case 'GetBucketLifecycle':
      return { method: 'GET', bucket: p.bucket, query: [['lifecycle', undefined]] };
    case 'PutBucketReplication': {
      const r = p.replicationRule!;
      const body = buildXml('ReplicationConfiguration', {
        Rule: {
          ID: r.id,
          ...(r.prefixes.length > 0 ? { PrefixSet: { Prefix: r.prefixes } } : {}),
          Action: r.action,
          Destination: { Bucket: r.destinationBucket, Location: r.destinationLocation },
          HistoricalObjectReplication: r.historical,
        },
      });
      return { method: 'POST', bucket: p.bucket, query: [['replication', undefined], ['comp', 'add']], headers: { 'content-md5': createHash('md5').update(body).digest('base64') }, body };
    }
    case 'GetBucketReplication':
      return { method: 'GET', bucket: p.bucket, query: [['replication', undefined]] };
    case 'GetBucketReplicationProgress':
      return { method: 'GET', bucket: p.bucket, query: [['replicationProgress', undefined], ['rule-id', p.ruleId!]] };
    case 'DeleteBucketReplication': {
      const body = buildXml('ReplicationRules', { ID: p.ruleId! });
      return { method: 'POST', bucket: p.bucket, query: [['replication', undefined], ['comp', 'delete']], headers: { 'content-md5': createHash('md5').update(body).digest('base64') }, body };
    }
    case 'DeleteBucketLifecycle':
      return { method: 'DELETE', bucket: p.bucket, query: [['lifecycle', undefined]] };
    case 'OpenMetaQuery':
      return { method: 'POST', bucket: p.bucket, query: [['metaQuery', undefined], ['comp', 'add']] };
    case 'GetMetaQueryStatus':
      return { method: 'GET', bucket: p.bucket, query: [['metaQuery', undefined]] };
    case 'CloseMetaQuery':
      return { method: 'POST', bucket: p.bucket, query: [['metaQuery', undefined], ['comp', 'delete']] };
    case 'DoMetaQuery': {
      const q = p.metaQuery!;
      const body = buildXml('MetaQuery', {
        ...(q.nextToken !== undefined ? { NextToken: q.nextToken } : {}),
        ...(q.maxResults !== undefined ? { MaxResults: String(q.maxResults) } : {}),
        Query: q.query,
        ...(q.sort !== undefined ? { Sort: q.sort } : {}),
        ...(q.order !== undefined ? { Order: q.order } : {}),
        ...(q.aggregations?.length ? { Aggregations: { Aggregation: q.aggregations.map((a) => ({ Field: a.field, Operation: a.operation })) } } : {}),
      });
      return { method: 'POST', bucket: p.bucket, query: [['metaQuery', undefined], ['comp', 'query']], body };
    }
    case 'PutObject':
      return { method: 'PUT', ...object, headers: { ...objectHeaders(p), 'content-language': p.contentLanguage, ...callbackHeaders(p) }, body: p.body ?? '' };
    case 'GetObject':
    case 'HeadObject':
      return {
        method: api === 'GetObject' ? 'GET' : 'HEAD',
        ...object,
        query: [...versionQuery, ...opt('x-oss-process', p.imageProcess)],
        headers: readHeaders(p),
      };
    case 'DeleteObject':
      return { method: 'DELETE', ...object, query: versionQuery };
    case 'CopyObject':
      return {
        method: 'PUT',
        ...object,
        headers: {
          ...objectHeaders(p),
          'content-language': p.contentLanguage,
          'x-oss-copy-source': p.copySourceRaw ?? encodeCopySource(p.sourceBucket ?? p.bucket, p.sourceKey!, p.sourceVersionId),
          'x-oss-metadata-directive': p.metadataDirective,
          'x-oss-tagging-directive': p.taggingDirective,
          'x-oss-copy-source-if-match': p.ifMatch,
          'x-oss-copy-source-if-none-match': p.ifNoneMatch,
          'x-oss-copy-source-if-modified-since': p.ifModifiedSince,
          'x-oss-copy-source-if-unmodified-since': p.ifUnmodifiedSince,
        },
      };
    case 'PutObjectAcl':
      return { method: 'PUT', ...object, query: [['acl', undefined], ...versionQuery], headers: { 'x-oss-object-acl': p.acl } };
    case 'GetObjectAcl':
      return { method: 'GET', ...object, query: [['acl', undefined], ...versionQuery] };
    case 'PutObjectTagging': {
      const body = buildXml('Tagging', { TagSet: { Tag: (p.tagSet ?? []).map((t) => ({ Key: t.key, Value: t.value })) } });
      return { method: 'PUT', ...object, query: [['tagging', undefined], ...versionQuery], headers: { 'content-md5': md5(body) }, body };
    }
    case 'GetObjectTagging':
      return { method: 'GET', ...object, query: [['tagging', undefined], ...versionQuery] };
    case 'RestoreObject': {
      if (p.restoreDays === undefined && p.restoreTier === undefined) return { method: 'POST', ...object, query: [['restore', undefined], ...versionQuery] };
      const body = buildXml('RestoreRequest', {
        ...(p.restoreDays !== undefined ? { Days: String(p.restoreDays) } : {}),
        ...(p.restoreTier !== undefined ? { JobParameters: { Tier: p.restoreTier } } : {}),
      });
      return { method: 'POST', ...object, query: [['restore', undefined], ...versionQuery], headers: { 'content-md5': md5(body) }, body };
    }
    case 'DeleteObjectTagging':
      return { method: 'DELETE', ...object, query: [['tagging', undefined], ...versionQuery] };
    case 'ListObjects':
      return {
        method: 'GET',
        bucket: p.bucket,
        query: [...opt('prefix', p.prefix), ...opt('delimiter', p.delimiter), ...opt('marker', p.marker), ...opt('max-keys', p.maxKeys), ...opt('encoding-type', p.encodingType)],
      };
    case 'ListObjectsV2':
      return {
        method: 'GET',
        bucket: p.bucket,
        query: [
          ['list-type', '2'],
          ...opt('prefix', p.prefix),
          ...opt('delimiter', p.delimiter),
          ...opt('start-after', p.startAfter),
          ...opt('continuation-token', p.continuationToken),
          ...opt('max-keys', p.maxKeys),
          ...opt('fetch-owner', p.fetchOwner),
          ...opt('encoding-type', p.encodingType),
        ],
      };
    case 'ListObjectVersions':
      return {
        method: 'GET',
        bucket: p.bucket,
        query: [
          ['versions', undefined],
          ...opt('prefix', p.prefix),
          ...opt('delimiter', p.delimiter),
          ...opt('key-marker', p.keyMarker),
          ...opt('version-id-marker', p.versionIdMarker),
          // The runner's clean-up lists whole buckets: a full page unless asked otherwise.
          ['max-keys', String(p.maxKeys ?? 1000)],
          ...opt('encoding-type', p.encodingType),
        ],
      };
    case 'InitiateMultipartUpload':
      return {
        method: 'POST',
        ...object,
        query: [['uploads', undefined], ...(p.sequential ? ([['sequential', undefined]] as [string, string | undefined][]) : []), ...opt('encoding-type', p.encodingType)],
        headers: { ...objectHeaders(p), 'content-language': p.contentLanguage },
      };
    case 'UploadPart':
      return { method: 'PUT', ...object, query: upload, headers: { 'content-md5': p.contentMd5 }, body: p.body ?? '' };
    case 'UploadPartCopy':
      return {
        method: 'PUT',
        ...object,
        query: upload,
        headers: {
          'x-oss-copy-source': p.copySourceRaw ?? encodeCopySource(p.sourceBucket ?? p.bucket, p.sourceKey!, p.sourceVersionId),
          'x-oss-copy-source-range': p.sourceRange,
          'x-oss-copy-source-if-match': p.ifMatch,
          'x-oss-copy-source-if-none-match': p.ifNoneMatch,
          'x-oss-copy-source-if-modified-since': p.ifModifiedSince,
          'x-oss-copy-source-if-unmodified-since': p.ifUnmodifiedSince,
        },
      };
    case 'CompleteMultipartUpload':
      return {
        method: 'POST',
        ...object,
        query: [['uploadId', p.uploadId ?? ''], ...opt('encoding-type', p.encodingType)],
        headers: {
          'x-oss-complete-all': p.completeAll ? 'yes' : undefined,
          'x-oss-forbid-overwrite': p.forbidOverwrite === undefined ? undefined : String(p.forbidOverwrite),
          ...callbackHeaders(p),
        },
        body: p.parts ? buildXml('CompleteMultipartUpload', { Part: p.parts.map((x) => ({ PartNumber: String(x.partNumber), ETag: x.etag })) }) : undefined,
      };
    case 'AbortMultipartUpload':
      return { method: 'DELETE', ...object, query: [['uploadId', p.uploadId ?? '']] };
    case 'CopierCopy':
      throw new Error('CopierCopy is SDK logic (RawDriver.cannot says so)');
    case 'ListMultipartUploads':
      return { method: 'GET', bucket: p.bucket, query: [['uploads', undefined], ['max-uploads', '1000']] };
    case 'ListParts':
      return { method: 'GET', ...object, query: [['uploadId', p.uploadId ?? ''], ...opt('max-parts', p.maxParts), ...opt('part-number-marker', p.partNumberMarker)] };
    case 'InitiateBucketWorm':
      return {
        method: 'POST',
        bucket: p.bucket,
        query: [['worm', undefined]],
        body: buildXml('InitiateWormConfiguration', { RetentionPeriodInDays: String(p.retentionPeriodInDays) }),
      };
    case 'CompleteBucketWorm':
      return { method: 'POST', bucket: p.bucket, query: [['wormId', p.wormId!]] };
    case 'ExtendBucketWorm':
      return {
        method: 'POST',
        bucket: p.bucket,
        query: [['wormExtend', undefined], ['wormId', p.wormId!]],
        body: buildXml('ExtendWormConfiguration', { RetentionPeriodInDays: String(p.retentionPeriodInDays) }),
      };
    case 'AbortBucketWorm':
      return { method: 'DELETE', bucket: p.bucket, query: [['worm', undefined]] };
    case 'GetBucketWorm':
      return { method: 'GET', bucket: p.bucket, query: [['worm', undefined]] };
    case 'SelectObject': {
      const body = selectRequestXml(p.selectRequest!);
      return { method: 'POST', ...object, query: [['x-oss-process', p.process!], ...versionQuery], headers: { 'content-type': 'application/xml', 'content-md5': md5(body) }, body };
    }
    case 'ProcessObject':
      return { method: 'POST', ...object, query: [['x-oss-process', undefined]], body: `x-oss-process=${saveAsProcess(p)}` };
    case 'PutBucketStyle':
      return { method: 'PUT', bucket: p.bucket, query: [['style', undefined], ['styleName', p.styleName!]], body: buildXml('Style', { Content: p.styleContent ?? '' }) };
    case 'GetBucketStyle':
      return { method: 'GET', bucket: p.bucket, query: [['style', undefined], ['styleName', p.styleName!]] };
    case 'DeleteBucketStyle':
      return { method: 'DELETE', bucket: p.bucket, query: [['style', undefined], ['styleName', p.styleName!]] };
    case 'CreateSelectObjectMeta': {
      const body = selectMetaRequestXml(p.process!, p.selectMetaRequest ?? {});
      return { method: 'POST', ...object, query: [['x-oss-process', p.process!]], headers: { 'content-type': 'application/xml', 'content-md5': md5(body) }, body };
    }
    default:
      if (isDocumentApi(api)) return documentWire(api, p);
      throw new Error(`no wire form for ${api as string}`);
  }
}

/** x-oss-callback / x-oss-callback-var of PutObject and CompleteMultipartUpload (behaviour §9.14). */
function callbackHeaders(p: Params): Record<string, string | undefined> {
  return { 'x-oss-callback': p.callback, 'x-oss-callback-var': p.callbackVar };
}
