// OssClient: one method per API, request and result fields named after the Python SDK v2's models in camelCase
// (architecture "Client models"), so its documentation reads across. Like PY2, it asks for encoding-type=url
// on listings and decodes the keys, and checks the CRC-64 of uploads and full downloads.
import { createHash } from 'node:crypto';
import { crc64, Crc64Hasher } from './crc64.js';
import { InconsistentCrcError } from './errors.js';
import { asArray, buildXml, parseXml } from './xml.js';
import { Transport, readText, type Body, type TransportOptions, type WireRequest, type WireResponse } from './transport.js';
import type * as M from './models/index.js';

export interface OssClientOptions extends TransportOptions {
  /** Skip the CRC-64 comparison of uploads and downloads (PY2 `disable_upload_crc64_check`). */
  disableCrcCheck?: boolean;
}

type Node = Record<string, unknown>;

function str(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const v = (node as Node)[name];
  return typeof v === 'string' ? v : undefined;
}
const num = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
const date = (v: string | undefined) => (v === undefined ? undefined : new Date(v));
const decode = (v: string | undefined, enc: string | undefined) =>
  v === undefined || enc !== 'url' ? v : decodeURIComponent(v);

function base(res: WireResponse): M.ResultBase {
  return { statusCode: res.status, requestId: res.requestId, headers: res.headers };
}

/** The request headers PY2 sends for the common object fields (metadata, ACL, class, tagging, SSE …). */
export function objectHeaders(r: M.ObjectHeaders): Record<string, string | undefined> {
  const h: Record<string, string | undefined> = {
    'content-type': r.contentType,
    'content-md5': r.contentMd5,
    'cache-control': r.cacheControl,
    'content-disposition': r.contentDisposition,
    'content-encoding': r.contentEncoding,
    expires: r.expires,
    'x-oss-object-acl': r.acl,
    'x-oss-storage-class': r.storageClass,
    'x-oss-tagging': r.tagging,
    'x-oss-forbid-overwrite': r.forbidOverwrite === undefined ? undefined : String(r.forbidOverwrite),
    'x-oss-server-side-encryption': r.serverSideEncryption,
    'x-oss-server-side-data-encryption': r.serverSideDataEncryption,
    'x-oss-server-side-encryption-key-id': r.serverSideEncryptionKeyId,
  };
  for (const [k, v] of Object.entries(r.metadata ?? {})) h[`x-oss-meta-${k.toLowerCase()}`] = v;
  return h;
}

function headResult(res: WireResponse): M.HeadObjectResult {
  const h = res.headers;
  const metadata: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (k.startsWith('x-oss-meta-')) metadata[k.slice(11)] = v;
  return {
    ...base(res),
    contentLength: num(h['content-length']),
    contentType: h['content-type'],
    contentRange: h['content-range'],
    etag: h.etag,
    lastModified: date(h['last-modified']),
    contentMd5: h['content-md5'],
    cacheControl: h['cache-control'],
    contentDisposition: h['content-disposition'],
    contentEncoding: h['content-encoding'],
    expires: h.expires,
    hashCrc64: h['x-oss-hash-crc64ecma'],
    storageClass: h['x-oss-storage-class'],
    objectType: h['x-oss-object-type'],
    versionId: h['x-oss-version-id'],
    taggingCount: num(h['x-oss-tagging-count']),
    metadata,
    nextAppendPosition: num(h['x-oss-next-append-position']),
    serverSideEncryption: h['x-oss-server-side-encryption'],
    serverSideDataEncryption: h['x-oss-server-side-data-encryption'],
    serverSideEncryptionKeyId: h['x-oss-server-side-encryption-key-id'],
  };
}

/** Copy-source as PY2 builds it: `/bucket/` + quote(key, safe='/') + `?versionId=` appended raw. */
export function encodeCopySource(bucket: string, key: string, versionId?: string): string {
  const path = `/${bucket}/${encodeURIComponent(key).replace(/%2F/g, '/').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())}`;
  return versionId === undefined ? path : `${path}?versionId=${versionId}`;
}

export class OssClient {
  private readonly transport: Transport;

  constructor(private readonly options: OssClientOptions) {
    this.transport = new Transport(options);
  }

  private send(req: WireRequest, stream = false): Promise<WireResponse> {
    return this.transport.send(req, stream);
  }

  private async xml(res: WireResponse): Promise<Node> {
    const text = await readText(res.body);
    return text === '' ? {} : parseXml(text);
  }

  private checkCrc(body: Body | undefined, res: WireResponse): void {
    if (this.options.disableCrcCheck || body === undefined || !(typeof body === 'string' || body instanceof Uint8Array)) return;
    const server = res.headers['x-oss-hash-crc64ecma'];
    const client = crc64(body).toString();
    if (server !== undefined && server !== client) throw new InconsistentCrcError(client, server, res.requestId);
  }

  // ---- buckets -------------------------------------------------------------------------------------------

  async listBuckets(req: M.ListBucketsRequest = {}): Promise<M.ListBucketsResult> {
    const query: [string, string][] = [];
    if (req.prefix !== undefined) query.push(['prefix', req.prefix]);
    if (req.marker !== undefined) query.push(['marker', req.marker]);
    if (req.maxKeys !== undefined) query.push(['max-keys', String(req.maxKeys)]);
    const res = await this.send({ method: 'GET', query });
    const root = (await this.xml(res)).ListAllMyBucketsResult as Node;
    const owner = root?.Owner as Node | undefined;
    return {
      ...base(res),
      owner: owner && { id: str(owner, 'ID'), displayName: str(owner, 'DisplayName') },
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

  async putBucket(req: M.PutBucketRequest): Promise<M.ResultBase> {
    const conf = req.createBucketConfiguration;
    const body = conf
      ? buildXml('CreateBucketConfiguration', {
          ...(conf.storageClass ? { StorageClass: conf.storageClass } : {}),
          ...(conf.dataRedundancyType ? { DataRedundancyType: conf.dataRedundancyType } : {}),
        })
      : undefined;
    return base(await this.send({ method: 'PUT', bucket: req.bucket, headers: { 'x-oss-acl': req.acl }, body }));
  }

  async deleteBucket(req: { bucket: string }): Promise<M.ResultBase> {
    return base(await this.send({ method: 'DELETE', bucket: req.bucket }));
  }

  async getBucketLocation(req: { bucket: string }): Promise<M.GetBucketLocationResult> {
    const res = await this.send({ method: 'GET', bucket: req.bucket, query: [['location', undefined]] });
    const doc = await this.xml(res);
    return { ...base(res), location: typeof doc.LocationConstraint === 'string' ? doc.LocationConstraint : undefined };
  }

  async getBucketInfo(req: { bucket: string }): Promise<M.GetBucketInfoResult> {
    const res = await this.send({ method: 'GET', bucket: req.bucket, query: [['bucketInfo', undefined]] });
    const b = ((await this.xml(res)).BucketInfo as Node)?.Bucket as Node;
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
      },
    };
  }

  async putBucketAcl(req: { bucket: string; acl: string }): Promise<M.ResultBase> {
    return base(await this.send({ method: 'PUT', bucket: req.bucket, query: [['acl', undefined]], headers: { 'x-oss-acl': req.acl } }));
  }

  async getBucketAcl(req: { bucket: string }): Promise<M.GetAclResult> {
    return this.getAcl(await this.send({ method: 'GET', bucket: req.bucket, query: [['acl', undefined]] }));
  }

  async putBucketVersioning(req: { bucket: string; versioningConfiguration: { status: 'Enabled' | 'Suspended' } }): Promise<M.ResultBase> {
    const body = buildXml('VersioningConfiguration', { Status: req.versioningConfiguration.status });
    return base(await this.send({ method: 'PUT', bucket: req.bucket, query: [['versioning', undefined]], body }));
  }

  async getBucketVersioning(req: { bucket: string }): Promise<M.GetBucketVersioningResult> {
    const res = await this.send({ method: 'GET', bucket: req.bucket, query: [['versioning', undefined]] });
    return { ...base(res), versionStatus: str((await this.xml(res)).VersioningConfiguration, 'Status') };
  }

  // ---- objects -------------------------------------------------------------------------------------------

  async putObject(req: M.PutObjectRequest): Promise<M.PutObjectResult> {
    const res = await this.send({ method: 'PUT', bucket: req.bucket, key: req.key, headers: objectHeaders(req), body: req.body ?? '' });
    this.checkCrc(req.body ?? '', res);
    return {
      ...base(res),
      contentMd5: res.headers['content-md5'],
      etag: res.headers.etag,
      hashCrc64: res.headers['x-oss-hash-crc64ecma'],
      versionId: res.headers['x-oss-version-id'],
    };
  }

  async appendObject(req: M.AppendObjectRequest): Promise<M.AppendObjectResult> {
    const res = await this.send({
      method: 'POST',
      bucket: req.bucket,
      key: req.key,
      query: [['append', undefined], ['position', String(req.position)]],
      headers: objectHeaders(req),
      body: req.body ?? '',
    });
    return {
      ...base(res),
      versionId: res.headers['x-oss-version-id'],
      hashCrc64: res.headers['x-oss-hash-crc64ecma'],
      nextPosition: num(res.headers['x-oss-next-append-position']),
      serverSideEncryption: res.headers['x-oss-server-side-encryption'],
    };
  }

  private getRequest(method: 'GET' | 'HEAD', req: M.GetObjectRequest): WireRequest {
    const query: [string, string][] = [];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    if (req.responseContentType !== undefined) query.push(['response-content-type', req.responseContentType]);
    if (req.responseContentDisposition !== undefined) query.push(['response-content-disposition', req.responseContentDisposition]);
    return {
      method,
      bucket: req.bucket,
      key: req.key,
      query,
      headers: {
        range: req.range,
        'x-oss-range-behavior': req.rangeBehavior,
        'if-match': req.ifMatch,
        'if-none-match': req.ifNoneMatch,
        'if-modified-since': req.ifModifiedSince,
        'if-unmodified-since': req.ifUnmodifiedSince,
      },
    };
  }

  async headObject(req: M.GetObjectRequest): Promise<M.HeadObjectResult> {
    return headResult(await this.send(this.getRequest('HEAD', req)));
  }

  async getObject(req: M.GetObjectRequest): Promise<M.GetObjectResult> {
    const res = await this.send(this.getRequest('GET', req), true);
    const result = headResult(res);
    const body = res.body;
    const full = res.status === 200;
    const check = !this.options.disableCrcCheck && full && result.hashCrc64 !== undefined;
    return {
      ...result,
      body,
      content: async () => {
        const parts: Buffer[] = [];
        const hasher = new Crc64Hasher();
        for await (const chunk of body) {
          parts.push(chunk as Buffer);
          if (check) hasher.update(chunk as Buffer);
        }
        const client = hasher.digest().toString();
        if (check && client !== result.hashCrc64) throw new InconsistentCrcError(client, result.hashCrc64!, res.requestId);
        return Buffer.concat(parts);
      },
    };
  }

  async getObjectMeta(req: M.ObjectTarget): Promise<M.HeadObjectResult> {
    const query: [string, string | undefined][] = [['objectMeta', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    return headResult(await this.send({ method: 'HEAD', bucket: req.bucket, key: req.key, query }));
  }

  async deleteObject(req: M.ObjectTarget): Promise<M.DeleteObjectResult> {
    const query: [string, string][] = req.versionId !== undefined ? [['versionId', req.versionId]] : [];
    const res = await this.send({ method: 'DELETE', bucket: req.bucket, key: req.key, query });
    return { ...base(res), versionId: res.headers['x-oss-version-id'], deleteMarker: bool(res.headers['x-oss-delete-marker']) };
  }

  async deleteMultipleObjects(req: M.DeleteMultipleObjectsRequest): Promise<M.DeleteMultipleObjectsResult> {
    const body = buildXml('Delete', {
      Quiet: String(req.quiet ?? false),
      Object: req.objects.map((o) => ({ Key: o.key, ...(o.versionId !== undefined ? { VersionId: o.versionId } : {}) })),
    });
    const res = await this.send({
      method: 'POST',
      bucket: req.bucket,
      query: [['delete', undefined], ['encoding-type', req.encodingType ?? 'url']],
      headers: { 'content-md5': createHash('md5').update(body).digest('base64'), 'content-type': 'application/xml' },
      body,
    });
    const root = (await this.xml(res)).DeleteResult as Node | undefined;
    const enc = str(root, 'EncodingType');
    return {
      ...base(res),
      encodingType: enc,
      deletedObjects: asArray(root?.Deleted as Node[]).map((d) => ({
        key: decode(str(d, 'Key'), enc),
        versionId: str(d, 'VersionId'),
        deleteMarker: bool(str(d, 'DeleteMarker')),
        deleteMarkerVersionId: str(d, 'DeleteMarkerVersionId'),
      })),
    };
  }

  async putObjectAcl(req: M.ObjectTarget & { acl: string }): Promise<M.ResultBase> {
    const query: [string, string | undefined][] = [['acl', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    return base(await this.send({ method: 'PUT', bucket: req.bucket, key: req.key, query, headers: { 'x-oss-object-acl': req.acl } }));
  }

  async getObjectAcl(req: M.ObjectTarget): Promise<M.GetAclResult> {
    const query: [string, string | undefined][] = [['acl', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    return this.getAcl(await this.send({ method: 'GET', bucket: req.bucket, key: req.key, query }));
  }

  private async getAcl(res: WireResponse): Promise<M.GetAclResult> {
    const root = (await this.xml(res)).AccessControlPolicy as Node;
    const owner = root?.Owner as Node | undefined;
    return {
      ...base(res),
      owner: owner && { id: str(owner, 'ID'), displayName: str(owner, 'DisplayName') },
      acl: str(root?.AccessControlList, 'Grant'),
      versionId: res.headers['x-oss-version-id'],
    };
  }

  async copyObject(req: M.CopyObjectRequest): Promise<M.CopyObjectResult> {
    const headers: Record<string, string | undefined> = {
      'x-oss-copy-source': encodeCopySource(req.sourceBucket ?? req.bucket, req.sourceKey, req.sourceVersionId),
      'x-oss-copy-source-if-match': req.ifMatch,
      'x-oss-copy-source-if-none-match': req.ifNoneMatch,
      'x-oss-copy-source-if-modified-since': req.ifModifiedSince,
      'x-oss-copy-source-if-unmodified-since': req.ifUnmodifiedSince,
      'x-oss-metadata-directive': req.metadataDirective,
      'x-oss-tagging-directive': req.taggingDirective,
      'content-language': req.contentLanguage,
      'x-oss-traffic-limit': req.trafficLimit === undefined ? undefined : String(req.trafficLimit),
      'x-oss-request-payer': req.requestPayer,
      ...objectHeaders(req),
    };
    const res = await this.send({ method: 'PUT', bucket: req.bucket, key: req.key, headers });
    const root = (await this.xml(res)).CopyObjectResult as Node | undefined;
    return {
      ...base(res),
      versionId: res.headers['x-oss-version-id'],
      sourceVersionId: res.headers['x-oss-copy-source-version-id'],
      hashCrc64: res.headers['x-oss-hash-crc64ecma'],
      etag: str(root, 'ETag') ?? res.headers.etag,
      lastModified: date(str(root, 'LastModified')),
      serverSideEncryption: res.headers['x-oss-server-side-encryption'],
      serverSideDataEncryption: res.headers['x-oss-server-side-data-encryption'],
      serverSideEncryptionKeyId: res.headers['x-oss-server-side-encryption-key-id'],
    };
  }

  async putObjectTagging(req: M.PutObjectTaggingRequest): Promise<M.ResultBase & { versionId?: string }> {
    const query: [string, string | undefined][] = [['tagging', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    const body = buildXml('Tagging', { TagSet: { Tag: req.tagSet.map((t) => ({ Key: t.key, Value: t.value })) } });
    const res = await this.send({
      method: 'PUT',
      bucket: req.bucket,
      key: req.key,
      query,
      headers: { 'content-md5': createHash('md5').update(body).digest('base64') },
      body,
    });
    return { ...base(res), versionId: res.headers['x-oss-version-id'] };
  }

  async getObjectTagging(req: M.ObjectTarget): Promise<M.GetObjectTaggingResult> {
    const query: [string, string | undefined][] = [['tagging', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, key: req.key, query });
    const set = ((await this.xml(res)).Tagging as Node | undefined)?.TagSet as Node | undefined;
    return {
      ...base(res),
      versionId: res.headers['x-oss-version-id'],
      tagSet: asArray(set?.Tag as Node[]).map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') ?? '' })),
    };
  }

  async deleteObjectTagging(req: M.ObjectTarget): Promise<M.ResultBase> {
    const query: [string, string | undefined][] = [['tagging', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    return base(await this.send({ method: 'DELETE', bucket: req.bucket, key: req.key, query }));
  }

  // ---- bucket tags (PY2 put_bucket_tags / get_bucket_tags / delete_bucket_tags) ----------------------------

  async putBucketTags(req: { bucket: string; tagging: { tagSet: M.Tag[] } }): Promise<M.ResultBase> {
    const body = buildXml('Tagging', { TagSet: { Tag: req.tagging.tagSet.map((t) => ({ Key: t.key, Value: t.value })) } });
    const headers = { 'content-md5': createHash('md5').update(body).digest('base64') };
    return base(await this.send({ method: 'PUT', bucket: req.bucket, query: [['tagging', undefined]], headers, body }));
  }

  async getBucketTags(req: { bucket: string }): Promise<M.ResultBase & { tagging: { tagSet: M.Tag[] } }> {
    const res = await this.send({ method: 'GET', bucket: req.bucket, query: [['tagging', undefined]] });
    const set = ((await this.xml(res)).Tagging as Node | undefined)?.TagSet as Node | undefined;
    const tagSet = asArray(set?.Tag as Node[]).map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') ?? '' }));
    return { ...base(res), tagging: { tagSet } };
  }

  /** `tagging` names the keys to delete (PY2 DeleteBucketTagsRequest.tagging: "k1,k2"); all tags without it. */
  async deleteBucketTags(req: { bucket: string; tagging?: string }): Promise<M.ResultBase> {
    return base(await this.send({ method: 'DELETE', bucket: req.bucket, query: [['tagging', req.tagging]] }));
  }

  // ---- bucket retention policy (WORM) and object retention -------------------------------------------------

  async initiateBucketWorm(req: { bucket: string; retentionPeriodInDays: number }): Promise<M.ResultBase & { wormId?: string }> {
    const body = buildXml('InitiateWormConfiguration', { RetentionPeriodInDays: String(req.retentionPeriodInDays) });
    const res = await this.send({ method: 'POST', bucket: req.bucket, query: [['worm', undefined]], body });
    return { ...base(res), wormId: res.headers['x-oss-worm-id'] };
  }

  async abortBucketWorm(req: { bucket: string }): Promise<M.ResultBase> {
    return base(await this.send({ method: 'DELETE', bucket: req.bucket, query: [['worm', undefined]] }));
  }

  async completeBucketWorm(req: { bucket: string; wormId: string }): Promise<M.ResultBase> {
    return base(await this.send({ method: 'POST', bucket: req.bucket, query: [['wormId', req.wormId]] }));
  }

  async extendBucketWorm(req: { bucket: string; wormId: string; retentionPeriodInDays: number }): Promise<M.ResultBase> {
    const body = buildXml('ExtendWormConfiguration', { RetentionPeriodInDays: String(req.retentionPeriodInDays) });
    return base(await this.send({ method: 'POST', bucket: req.bucket, query: [['wormExtend', undefined], ['wormId', req.wormId]], body }));
  }

  async getBucketWorm(req: { bucket: string }): Promise<M.ResultBase & { wormConfiguration: { wormId?: string; state?: string; retentionPeriodInDays?: number; creationDate?: string; expirationDate?: string } }> {
    const res = await this.send({ method: 'GET', bucket: req.bucket, query: [['worm', undefined]] });
    const w = (await this.xml(res)).WormConfiguration;
    return {
      ...base(res),
      wormConfiguration: {
        wormId: str(w, 'WormId'),
        state: str(w, 'State'),
        retentionPeriodInDays: num(str(w, 'RetentionPeriodInDays')),
        creationDate: str(w, 'CreationDate'),
        expirationDate: str(w, 'ExpirationDate'),
      },
    };
  }

  /** PY2 put_bucket_object_worm_configuration: object-level retention, with an optional default retention. */
  async putBucketObjectWormConfiguration(req: {
    bucket: string;
    objectWormConfiguration: { objectWormEnabled: 'Enabled'; rule?: { defaultRetention: { mode: string; days?: number; years?: number } } };
  }): Promise<M.ResultBase> {
    const conf = req.objectWormConfiguration;
    const retention = conf.rule?.defaultRetention;
    const body = buildXml('ObjectWormConfiguration', {
      ObjectWormEnabled: conf.objectWormEnabled,
      ...(retention
        ? {
            Rule: {
              DefaultRetention: {
                Mode: retention.mode,
                ...(retention.days !== undefined ? { Days: String(retention.days) } : {}),
                ...(retention.years !== undefined ? { Years: String(retention.years) } : {}),
              },
            },
          }
        : {}),
    });
    const headers = { 'content-md5': createHash('md5').update(body).digest('base64') };
    return base(await this.send({ method: 'PUT', bucket: req.bucket, query: [['objectWorm', undefined]], headers, body }));
  }

  async getBucketObjectWormConfiguration(req: { bucket: string }): Promise<M.ResultBase & { objectWormConfiguration: { objectWormEnabled?: string } }> {
    const res = await this.send({ method: 'GET', bucket: req.bucket, query: [['objectWorm', undefined]] });
    return { ...base(res), objectWormConfiguration: { objectWormEnabled: str((await this.xml(res)).ObjectWormConfiguration, 'ObjectWormEnabled') } };
  }

  async putObjectRetention(req: M.ObjectTarget & { retention: { mode: string; retainUntilDate: string }; bypassGovernanceRetention?: boolean }): Promise<M.ResultBase> {
    const query: [string, string | undefined][] = [['retention', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    const body = buildXml('Retention', { Mode: req.retention.mode, RetainUntilDate: req.retention.retainUntilDate });
    const headers = { 'x-oss-bypass-governance-retention': req.bypassGovernanceRetention === undefined ? undefined : String(req.bypassGovernanceRetention), 'content-md5': createHash('md5').update(body).digest('base64') };
    return base(await this.send({ method: 'PUT', bucket: req.bucket, key: req.key, query, headers, body }));
  }

  async getObjectRetention(req: M.ObjectTarget): Promise<M.ResultBase & { retention: { mode?: string; retainUntilDate?: string } }> {
    const query: [string, string | undefined][] = [['retention', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, key: req.key, query });
    const r = (await this.xml(res)).Retention;
    return { ...base(res), retention: { mode: str(r, 'Mode'), retainUntilDate: str(r, 'RetainUntilDate') } };
  }

  async putObjectLegalHold(req: M.ObjectTarget & { legalHold: { status: 'ON' | 'OFF' } }): Promise<M.ResultBase> {
    const query: [string, string | undefined][] = [['legalHold', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    const body = buildXml('LegalHold', { Status: req.legalHold.status });
    return base(await this.send({ method: 'PUT', bucket: req.bucket, key: req.key, query, headers: { 'content-md5': createHash('md5').update(body).digest('base64') }, body }));
  }

  async getObjectLegalHold(req: M.ObjectTarget): Promise<M.ResultBase & { legalHold: { status?: string } }> {
    const query: [string, string | undefined][] = [['legalHold', undefined]];
    if (req.versionId !== undefined) query.push(['versionId', req.versionId]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, key: req.key, query });
    return { ...base(res), legalHold: { status: str((await this.xml(res)).LegalHold, 'Status') } };
  }

  // ---- multipart -----------------------------------------------------------------------------------------

  async initiateMultipartUpload(req: M.ObjectHeaders & { bucket: string; key: string }): Promise<M.ResultBase & { uploadId: string }> {
    const res = await this.send({
      method: 'POST',
      bucket: req.bucket,
      key: req.key,
      query: [['uploads', undefined], ['encoding-type', 'url']],
      headers: objectHeaders(req),
    });
    return { ...base(res), uploadId: str((await this.xml(res)).InitiateMultipartUploadResult, 'UploadId') ?? '' };
  }

  async uploadPart(req: { bucket: string; key: string; uploadId: string; partNumber: number; body: Body }): Promise<M.ResultBase & { etag?: string; hashCrc64?: string }> {
    const res = await this.send({
      method: 'PUT',
      bucket: req.bucket,
      key: req.key,
      query: [['partNumber', String(req.partNumber)], ['uploadId', req.uploadId]],
      body: req.body,
    });
    this.checkCrc(req.body, res);
    return { ...base(res), etag: res.headers.etag, hashCrc64: res.headers['x-oss-hash-crc64ecma'] };
  }

  async uploadPartCopy(req: {
    bucket: string;
    key: string;
    uploadId: string;
    partNumber: number;
    sourceBucket?: string;
    sourceKey: string;
    sourceVersionId?: string;
    sourceRange?: string;
    ifMatch?: string;
  }): Promise<M.ResultBase & { etag?: string; lastModified?: Date; sourceVersionId?: string }> {
    const res = await this.send({
      method: 'PUT',
      bucket: req.bucket,
      key: req.key,
      query: [['partNumber', String(req.partNumber)], ['uploadId', req.uploadId]],
      headers: {
        'x-oss-copy-source': encodeCopySource(req.sourceBucket ?? req.bucket, req.sourceKey, req.sourceVersionId),
        'x-oss-copy-source-range': req.sourceRange,
        'x-oss-copy-source-if-match': req.ifMatch,
      },
    });
    const root = (await this.xml(res)).CopyPartResult;
    return {
      ...base(res),
      etag: str(root, 'ETag'),
      lastModified: date(str(root, 'LastModified')),
      sourceVersionId: res.headers['x-oss-copy-source-version-id'],
    };
  }

  async completeMultipartUpload(req: {
    bucket: string;
    key: string;
    uploadId: string;
    parts?: { partNumber: number; etag: string }[];
    completeAll?: boolean;
    acl?: string;
    forbidOverwrite?: boolean;
  }): Promise<M.ResultBase & { etag?: string; hashCrc64?: string; versionId?: string }> {
    const body = req.parts
      ? buildXml('CompleteMultipartUpload', { Part: req.parts.map((p) => ({ PartNumber: String(p.partNumber), ETag: p.etag })) })
      : undefined;
    const res = await this.send({
      method: 'POST',
      bucket: req.bucket,
      key: req.key,
      query: [['uploadId', req.uploadId], ['encoding-type', 'url']],
      headers: {
        'x-oss-complete-all': req.completeAll ? 'yes' : undefined,
        'x-oss-object-acl': req.acl,
        'x-oss-forbid-overwrite': req.forbidOverwrite === undefined ? undefined : String(req.forbidOverwrite),
      },
      body,
    });
    const root = (await this.xml(res)).CompleteMultipartUploadResult;
    return { ...base(res), etag: str(root, 'ETag'), hashCrc64: res.headers['x-oss-hash-crc64ecma'], versionId: res.headers['x-oss-version-id'] };
  }

  async abortMultipartUpload(req: { bucket: string; key: string; uploadId: string }): Promise<M.ResultBase> {
    return base(await this.send({ method: 'DELETE', bucket: req.bucket, key: req.key, query: [['uploadId', req.uploadId]] }));
  }

  async listParts(req: { bucket: string; key: string; uploadId: string; maxParts?: number; partNumberMarker?: number }): Promise<M.ResultBase & { isTruncated: boolean; nextPartNumberMarker?: number; parts: { partNumber: number; etag?: string; size?: number; hashCrc64?: string }[] }> {
    const query: [string, string][] = [['uploadId', req.uploadId]];
    if (req.maxParts !== undefined) query.push(['max-parts', String(req.maxParts)]);
    if (req.partNumberMarker !== undefined) query.push(['part-number-marker', String(req.partNumberMarker)]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, key: req.key, query });
    const root = (await this.xml(res)).ListPartsResult as Node | undefined;
    return {
      ...base(res),
      isTruncated: str(root, 'IsTruncated') === 'true',
      nextPartNumberMarker: num(str(root, 'NextPartNumberMarker')),
      parts: asArray(root?.Part as Node[]).map((p) => ({
        partNumber: Number(str(p, 'PartNumber')),
        etag: str(p, 'ETag'),
        size: num(str(p, 'Size')),
        hashCrc64: str(p, 'HashCrc64ecma'),
      })),
    };
  }

  /** ListMultipartUploads (PY2 list_multipart_uploads): the uploads started and not yet completed or aborted. */
  async listMultipartUploads(req: { bucket: string; prefix?: string; keyMarker?: string; uploadIdMarker?: string; maxUploads?: number }): Promise<M.ResultBase & { isTruncated: boolean; nextKeyMarker?: string; nextUploadIdMarker?: string; uploads: { key: string; uploadId: string; initiated?: string }[] }> {
    const query: [string, string | undefined][] = [['uploads', undefined]];
    if (req.prefix !== undefined) query.push(['prefix', req.prefix]);
    if (req.keyMarker !== undefined) query.push(['key-marker', req.keyMarker]);
    if (req.uploadIdMarker !== undefined) query.push(['upload-id-marker', req.uploadIdMarker]);
    if (req.maxUploads !== undefined) query.push(['max-uploads', String(req.maxUploads)]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, query });
    const root = (await this.xml(res)).ListMultipartUploadsResult as Node | undefined;
    return {
      ...base(res),
      isTruncated: str(root, 'IsTruncated') === 'true',
      nextKeyMarker: str(root, 'NextKeyMarker') || undefined,
      nextUploadIdMarker: str(root, 'NextUploadIdMarker') || undefined,
      uploads: asArray(root?.Upload as Node[]).map((u) => ({ key: str(u, 'Key') ?? '', uploadId: str(u, 'UploadId') ?? '', initiated: str(u, 'Initiated') })),
    };
  }

  // ---- listings ------------------------------------------------------------------------------------------

  private listing(res: WireResponse, root: Node | undefined): Omit<M.ListObjectsResult, keyof M.ResultBase> {
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
        owner: c.Owner ? { id: str(c.Owner, 'ID'), displayName: str(c.Owner, 'DisplayName') } : undefined,
      })),
      commonPrefixes: asArray(root?.CommonPrefixes as Node[]).map((p) => ({ prefix: decode(str(p, 'Prefix'), enc) ?? '' })),
    };
  }

  async listObjects(req: M.ListObjectsRequest): Promise<M.ListObjectsResult> {
    const query: [string, string][] = [['encoding-type', req.encodingType ?? 'url']];
    if (req.prefix !== undefined) query.push(['prefix', req.prefix]);
    if (req.delimiter !== undefined) query.push(['delimiter', req.delimiter]);
    if (req.marker !== undefined) query.push(['marker', req.marker]);
    if (req.maxKeys !== undefined) query.push(['max-keys', String(req.maxKeys)]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, query });
    return { ...base(res), ...this.listing(res, (await this.xml(res)).ListBucketResult as Node) };
  }

  async listObjectsV2(req: M.ListObjectsV2Request): Promise<M.ListObjectsResult> {
    const query: [string, string][] = [['list-type', '2'], ['encoding-type', req.encodingType ?? 'url']];
    if (req.prefix !== undefined) query.push(['prefix', req.prefix]);
    if (req.delimiter !== undefined) query.push(['delimiter', req.delimiter]);
    if (req.startAfter !== undefined) query.push(['start-after', req.startAfter]);
    if (req.continuationToken !== undefined) query.push(['continuation-token', req.continuationToken]);
    if (req.maxKeys !== undefined) query.push(['max-keys', String(req.maxKeys)]);
    if (req.fetchOwner !== undefined) query.push(['fetch-owner', String(req.fetchOwner)]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, query });
    return { ...base(res), ...this.listing(res, (await this.xml(res)).ListBucketResult as Node) };
  }

  async listObjectVersions(req: M.ListObjectVersionsRequest): Promise<M.ListObjectVersionsResult> {
    const query: [string, string | undefined][] = [['versions', undefined], ['encoding-type', req.encodingType ?? 'url']];
    if (req.prefix !== undefined) query.push(['prefix', req.prefix]);
    if (req.delimiter !== undefined) query.push(['delimiter', req.delimiter]);
    if (req.keyMarker !== undefined) query.push(['key-marker', req.keyMarker]);
    if (req.versionIdMarker !== undefined) query.push(['version-id-marker', req.versionIdMarker]);
    if (req.maxKeys !== undefined) query.push(['max-keys', String(req.maxKeys)]);
    const res = await this.send({ method: 'GET', bucket: req.bucket, query });
    const root = (await this.xml(res)).ListVersionsResult as Node | undefined;
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
    });
    return {
      ...base(res),
      isTruncated: str(root, 'IsTruncated') === 'true',
      nextKeyMarker: decode(str(root, 'NextKeyMarker'), enc),
      nextVersionIdMarker: str(root, 'NextVersionIdMarker'),
      versions: asArray(root?.Version as Node[]).map(entry),
      deleteMarkers: asArray(root?.DeleteMarker as Node[]).map(entry),
      commonPrefixes: asArray(root?.CommonPrefixes as Node[]).map((p) => ({ prefix: decode(str(p, 'Prefix'), enc) ?? '' })),
    };
  }

  // ---- presign -------------------------------------------------------------------------------------------

  presign(req: { method?: string; bucket: string; key: string; versionId?: string; expiresSeconds?: number; headers?: Record<string, string> }) {
    const method = req.method ?? 'GET';
    const query: [string, string][] = req.versionId !== undefined ? [['versionId', req.versionId]] : [];
    const signed = this.transport.presign({ method, bucket: req.bucket, key: req.key, query, headers: req.headers }, req.expiresSeconds ?? 900);
    return { method, ...signed };
  }
}
