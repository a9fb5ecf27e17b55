// client: our OssClient (the Python SDK v2's API in camelCase).
import { Copier, OssClient, OssServiceError, SelectObjectError, type GetObjectRequest } from '@local-oss/client';
import { saveAsProcess } from './rawWire.js';
import { bucketUrl, postFormData, sendForm } from './postForm.js';
import { isDocumentApi } from '../documents.js';
import { RAW_ONLY_PARAMS, type Api, type Credentials, type Driver, type ListedObject, type Outcome, type Params, type ReplicationRuleSpec, type TargetInfo } from '../model.js';

export class ClientDriver implements Driver {
  readonly name = 'client';
  private readonly clients = new Map<string, OssClient>();

  constructor(private readonly target: TargetInfo) {}

  async unavailable(): Promise<string | undefined> {
    return undefined;
  }

  withCredentials(credentials: Credentials): ClientDriver {
    return new ClientDriver({ ...this.target, ...credentials });
  }

  cannot(api: Api, p: Params): string | undefined {
    const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
    if (raw) return `the client always builds ${raw === 'rawHeaders' ? 'its own headers' : 'the request itself'} (${raw})`;
    if (api === 'UploadPartCopy' && (p.ifNoneMatch ?? p.ifModifiedSince ?? p.ifUnmodifiedSince) !== undefined) return 'uploadPartCopy takes only ifMatch';
    if (api === 'UploadPart' && p.contentMd5 !== undefined) return 'uploadPart sends no Content-MD5';
    if (api === 'HeadObject' && p.imageProcess !== undefined) return 'headObject sends no x-oss-process (PY2 HeadObjectRequest has no process)';
    if (isDocumentApi(api) && typeof (OssClient.prototype as unknown as Record<string, unknown>)[method(api)] !== 'function') return `the client has no ${method(api)}`;
    return undefined;
  }

  private client(region = this.target.region): OssClient {
    let c = this.clients.get(region);
    if (!c) {
      const second = region === this.target.secondRegion && this.target.secondEndpoint;
      c = new OssClient({
        endpoint: second ? this.target.secondEndpoint! : this.target.endpoint,
        region,
        credentials: { accessKeyId: this.target.accessKeyId, accessKeySecret: this.target.accessKeySecret },
      });
      this.clients.set(region, c);
    }
    return c;
  }

  private getRequest(p: Params): GetObjectRequest {
    return {
      bucket: p.bucket,
      key: p.key ?? '',
      versionId: p.versionId,
      range: p.rangeHeader,
      rangeBehavior: p.rangeBehavior as 'standard' | undefined,
      ifMatch: p.ifMatch,
      ifNoneMatch: p.ifNoneMatch,
      ifModifiedSince: p.ifModifiedSince,
      ifUnmodifiedSince: p.ifUnmodifiedSince,
      process: p.imageProcess,
    };
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const c = this.client(p.region);
    const bucket = p.bucket;
    const key = p.key ?? '';
    try {
      switch (api) {
        case 'PutBucket':
          return ok(await c.putBucket({ bucket, acl: p.acl as never }));
        case 'DeleteBucket':
          return ok(await c.deleteBucket({ bucket }));
        case 'GetBucketInfo': {
          const r = await c.getBucketInfo({ bucket });
          const b = r.bucketInfo;
          return { ...ok(r), data: { name: b.name, location: b.location, storageClass: b.storageClass, acl: b.acl, versioning: b.versioning } };
        }
        case 'GetBucketLocation': {
          const r = await c.getBucketLocation({ bucket });
          return { ...ok(r), data: { location: r.location } };
        }
        case 'PutBucketAcl':
          return ok(await c.putBucketAcl({ bucket, acl: p.acl! }));
        case 'GetBucketAcl': {
          const r = await c.getBucketAcl({ bucket });
          return { ...ok(r), data: { acl: r.acl } };
        }
        case 'PutBucketVersioning':
          return ok(await c.putBucketVersioning({ bucket, versioningConfiguration: { status: p.status as 'Enabled' } }));
        case 'PutBucketLifecycle':
          return ok(await c.putBucketLifecycle({
            bucket,
            lifecycleConfiguration: { rules: (p.lifecycleRules ?? []).map((r) => ({ id: r.id, prefix: r.prefix, status: r.status, expiration: { days: r.expirationDays } })) },
          }));
        case 'GetBucketLifecycle': {
          const r = await c.getBucketLifecycle({ bucket });
          const rules = (r.lifecycleConfiguration.rules ?? []).map((x) => ({ id: x.id ?? '', prefix: x.prefix ?? '', status: x.status ?? '', expirationDays: Number(x.expiration?.days) }));
          return { ...ok(r), data: { lifecycleRules: rules } };
        }
        case 'DeleteBucketLifecycle':
          return ok(await c.deleteBucketLifecycle({ bucket }));
        case 'CreateAccessPoint': {
          const r = await c.createAccessPoint({
            bucket,
            createAccessPointConfiguration: { accessPointName: p.accessPointName ?? '', networkOrigin: p.networkOrigin ?? '', vpcConfiguration: p.vpcId === undefined ? undefined : { vpcId: p.vpcId } },
          });
          return { ...ok(r), data: { accessPointArn: r.accessPointArn, alias: r.alias } };
        }
        case 'GetAccessPoint': {
          const r = await c.getAccessPoint({ bucket, accessPointName: p.accessPointName ?? '' });
          return { ...ok(r), data: { accessPoint: { accessPointName: r.accessPointName ?? '', bucket: r.bucket ?? '', networkOrigin: r.networkOrigin ?? '', status: r.status ?? '', alias: r.alias ?? '' } } };
        }
        case 'ListAccessPoints': {
          const r = await c.listAccessPoints({ bucket, maxKeys: p.maxKeys, continuationToken: p.continuationToken });
          const accessPoints = (r.accessPoints ?? []).map((a) => ({ accessPointName: a.accessPointName ?? '', bucket: a.bucket ?? '', alias: a.alias ?? '' }));
          return { ...ok(r), data: { accessPoints, isTruncated: r.isTruncated, nextContinuationToken: r.nextContinuationToken } };
        }
        case 'DeleteAccessPoint':
          return ok(await c.deleteAccessPoint({ bucket, accessPointName: p.accessPointName ?? '' }));
        case 'PutAccessPointPolicy':
          return ok(await c.putAccessPointPolicy({ bucket, accessPointName: p.accessPointName ?? '', body: p.policy ?? '' }));
        case 'GetAccessPointPolicy': {
          const r = await c.getAccessPointPolicy({ bucket, accessPointName: p.accessPointName ?? '' });
          return { ...ok(r), data: { policy: r.body } };
        }
        case 'DeleteAccessPointPolicy':
          return ok(await c.deleteAccessPointPolicy({ bucket, accessPointName: p.accessPointName ?? '' }));
        case 'PutAccessPointPublicAccessBlock':
          return ok(await c.putAccessPointPublicAccessBlock({ bucket, accessPointName: p.accessPointName ?? '', publicAccessBlockConfiguration: { blockPublicAccess: p.blockPublicAccess } }));
        case 'GetAccessPointPublicAccessBlock': {
          const r = await c.getAccessPointPublicAccessBlock({ bucket, accessPointName: p.accessPointName ?? '' });
          return { ...ok(r), data: { blockPublicAccess: r.publicAccessBlockConfiguration.blockPublicAccess } };
        }
        case 'DeleteAccessPointPublicAccessBlock':
          return ok(await c.deleteAccessPointPublicAccessBlock({ bucket, accessPointName: p.accessPointName ?? '' }));
        case 'PutPublicAccessBlock':
          return ok(await c.putPublicAccessBlock({ publicAccessBlockConfiguration: { blockPublicAccess: p.blockPublicAccess } }));
        case 'GetPublicAccessBlock': {
          const r = await c.getPublicAccessBlock();
          return { ...ok(r), data: { blockPublicAccess: r.publicAccessBlockConfiguration.blockPublicAccess } };
        }
        case 'DeletePublicAccessBlock':
          return ok(await c.deletePublicAccessBlock());
        case 'OpenMetaQuery':
          return ok(await c.openMetaQuery({ bucket }));
        case 'GetMetaQueryStatus': {
          const r = await c.getMetaQueryStatus({ bucket });
          return { ...ok(r), data: { metaQueryState: r.metaQueryStatus.state } };
        }
        case 'DoMetaQuery': {
          const q = p.metaQuery!;
          const { aggregations, ...rest } = q;
          const r = await c.doMetaQuery({ bucket, metaQuery: { ...rest, ...(aggregations ? { aggregations: { aggregations } } : {}) } });
          return { ...ok(r), data: {
            metaQueryFiles: (r.files ?? []).map((f) => f.filename ?? ''),
            metaQueryNextToken: r.nextToken ?? '',
            metaQueryAggregations: (r.aggregations?.aggregations ?? []).map((a) => ({
              field: a.field ?? '',
              operation: a.operation ?? '',
              ...(a.value !== undefined ? { value: a.value } : {}),
            })),
          } };
        }
        case 'CloseMetaQuery':
          return ok(await c.closeMetaQuery({ bucket }));
        case 'PutBucketReplication': {
          const x = p.replicationRule!;
          return ok(await c.putBucketReplication({
            bucket,
            replicationConfiguration: {
              rules: [{
                id: x.id,
                ...(x.prefixes.length > 0 ? { prefixSet: { prefixs: x.prefixes } } : {}),
                action: x.action,
                destination: { bucket: x.destinationBucket, location: x.destinationLocation },
                historicalObjectReplication: x.historical,
              }],
            },
          }));
        }
        case 'GetBucketReplication': {
          const r = await c.getBucketReplication({ bucket });
          return { ...ok(r), data: { replicationRules: (r.replicationConfiguration.rules ?? []).map(replicationSpec) } };
        }
        case 'GetBucketReplicationProgress': {
          const r = await c.getBucketReplicationProgress({ bucket, ruleId: p.ruleId! });
          const rules = r.replicationProgress.rules ?? [];
          const progress = rules[0]?.progress;
          return {
            ...ok(r),
            data: {
              replicationRules: rules.map(replicationSpec),
              replicationProgress: { ...(progress?.historicalObject !== undefined ? { historicalObject: progress.historicalObject } : {}), newObject: progress?.newObject !== undefined },
            },
          };
        }
        case 'DeleteBucketReplication':
          return ok(await c.deleteBucketReplication({ bucket, replicationRules: { ids: [p.ruleId!] } }));
        case 'GetBucketVersioning': {
          const r = await c.getBucketVersioning({ bucket });
          return { ...ok(r), data: { versioning: r.versionStatus } };
        }
        case 'PutObject':
          return ok(await c.putObject({ ...p, key, body: p.body ?? '' }));
        case 'SelectObject': {
          const r = await c.selectObject({ bucket, key, versionId: p.versionId, process: p.process!, selectRequest: p.selectRequest! });
          try {
            return { ...ok(r), data: { selectRows: (await r.content()).toString('utf8') } };
          } catch (err) {
            if (err instanceof SelectObjectError) return { ...ok(r), data: { selectError: err.code } };
            throw err;
          }
        }
        case 'CreateSelectObjectMeta': {
          const r = await c.createSelectObjectMeta({ bucket, key, process: p.process!, selectMetaRequest: p.selectMetaRequest ?? {} });
          const { totalScannedBytes, splitsCount, rowsCount, colsCount } = r;
          return { ...ok(r), data: { selectMeta: { totalScannedBytes, splitsCount, rowsCount, colsCount } } };
        }
        case 'ProcessObject': {
          const r = await c.processObject({ bucket, key, process: saveAsProcess(p) });
          return { ...ok(r), data: { processResult: { bucket: r.bucket ?? '', object: r.key ?? '', status: r.processStatus ?? '' } } };
        }
        case 'PutBucketStyle':
          return ok(await c.putStyle({ bucket, styleName: p.styleName!, style: { content: p.styleContent } }));
        case 'GetBucketStyle': {
          const r = await c.getStyle({ bucket, styleName: p.styleName! });
          return { ...ok(r), data: { style: { name: r.style.name ?? '', content: r.style.content ?? '' } } };
        }
        case 'DeleteBucketStyle':
          return ok(await c.deleteStyle({ bucket, styleName: p.styleName! }));
        case 'GetObject': {
          const r = await c.getObject(this.getRequest(p));
          return { ...ok(r), body: await r.content() };
        }
        case 'HeadObject':
          return ok(await c.headObject(this.getRequest(p)));
        case 'DeleteObject':
          return ok(await c.deleteObject({ bucket, key, versionId: p.versionId }));
        case 'CopyObject': {
          const r = await c.copyObject({ ...p, key, sourceKey: p.sourceKey! });
          return { ...ok(r), data: { etag: r.etag, lastModified: r.lastModified?.toISOString() } };
        }
        case 'CopierCopy': {
          const copier = new Copier(c, { partSize: p.copierPartSize, multipartCopyThreshold: p.copierMultipartThreshold, disableShallowCopy: p.copierDisableShallowCopy });
          const r = await copier.copy({ ...p, key, sourceKey: p.sourceKey! });
          return { ...ok(r), data: { etag: r.etag } };
        }
        case 'PutObjectAcl':
          return ok(await c.putObjectAcl({ bucket, key, acl: p.acl!, versionId: p.versionId }));
        case 'GetObjectAcl': {
          const r = await c.getObjectAcl({ bucket, key, versionId: p.versionId });
          return { ...ok(r), data: { acl: r.acl } };
        }
        case 'PutObjectTagging':
          return ok(await c.putObjectTagging({ bucket, key, versionId: p.versionId, tagSet: p.tagSet ?? [] }));
        case 'GetObjectTagging': {
          const r = await c.getObjectTagging({ bucket, key, versionId: p.versionId });
          return { ...ok(r), data: { tags: r.tagSet } };
        }
        case 'RestoreObject':
          return ok(
            await c.restoreObject({
              bucket,
              key,
              versionId: p.versionId,
              restoreRequest:
                p.restoreDays === undefined && p.restoreTier === undefined
                  ? undefined
                  : { days: p.restoreDays, ...(p.restoreTier !== undefined ? { jobParameters: { tier: p.restoreTier } } : {}) },
            }),
          );
        case 'DeleteObjectTagging':
          return ok(await c.deleteObjectTagging({ bucket, key, versionId: p.versionId }));
        case 'ListObjects':
        case 'ListObjectsV2': {
          const r =
            api === 'ListObjects'
              ? await c.listObjects({ bucket, prefix: p.prefix, delimiter: p.delimiter, marker: p.marker, maxKeys: p.maxKeys, encodingType: p.encodingType })
              : await c.listObjectsV2({
                  bucket,
                  prefix: p.prefix,
                  delimiter: p.delimiter,
                  startAfter: p.startAfter,
                  continuationToken: p.continuationToken,
                  maxKeys: p.maxKeys,
                  fetchOwner: p.fetchOwner,
                  encodingType: p.encodingType,
                });
          const contents: ListedObject[] = r.contents.map((o) => ({
            key: o.key,
            size: o.size ?? NaN,
            etag: o.etag ?? '',
            objectType: o.objectType,
            storageClass: o.storageClass,
            owner: o.owner !== undefined,
          }));
          return {
            ...ok(r),
            data: {
              contents,
              commonPrefixes: r.commonPrefixes.map((x) => x.prefix),
              isTruncated: r.isTruncated,
              nextMarker: r.nextMarker,
              nextContinuationToken: r.nextContinuationToken,
              keyCount: r.keyCount,
              maxKeys: r.maxKeys,
              encodingType: r.encodingType,
            },
          };
        }
        case 'ListObjectVersions': {
          const r = await c.listObjectVersions({
            bucket,
            prefix: p.prefix,
            delimiter: p.delimiter,
            keyMarker: p.keyMarker,
            versionIdMarker: p.versionIdMarker,
            maxKeys: p.maxKeys ?? 1000,
            encodingType: p.encodingType,
          });
          const map = (deleteMarker: boolean) => (v: { key: string; versionId?: string; isLatest?: boolean }) => ({
            key: v.key,
            versionId: v.versionId ?? '',
            isLatest: v.isLatest ?? false,
            deleteMarker,
          });
          return {
            ...ok(r),
            data: {
              versions: [...r.versions.map(map(false)), ...r.deleteMarkers.map(map(true))],
              commonPrefixes: r.commonPrefixes.map((x) => x.prefix),
              isTruncated: r.isTruncated,
              nextKeyMarker: r.nextKeyMarker,
              nextVersionIdMarker: r.nextVersionIdMarker,
            },
          };
        }
        case 'InitiateMultipartUpload': {
          const r = await c.initiateMultipartUpload({ ...p, key });
          return { ...ok(r), data: { uploadId: r.uploadId } };
        }
        case 'UploadPart': {
          const r = await c.uploadPart({ bucket, key, uploadId: p.uploadId!, partNumber: p.partNumber!, body: p.body ?? '' });
          return { ...ok(r), data: { etag: r.etag } };
        }
        case 'UploadPartCopy': {
          const r = await c.uploadPartCopy({
            bucket,
            key,
            uploadId: p.uploadId!,
            partNumber: p.partNumber!,
            sourceBucket: p.sourceBucket,
            sourceKey: p.sourceKey!,
            sourceVersionId: p.sourceVersionId,
            sourceRange: p.sourceRange,
            ifMatch: p.ifMatch,
          });
          return { ...ok(r), data: { etag: r.etag, lastModified: r.lastModified?.toISOString() } };
        }
        case 'CompleteMultipartUpload': {
          const r = await c.completeMultipartUpload({
            bucket,
            key,
            uploadId: p.uploadId!,
            parts: p.parts,
            completeAll: p.completeAll,
            forbidOverwrite: p.forbidOverwrite,
            callback: p.callback,
            callbackVar: p.callbackVar,
          });
          return { ...ok(r), data: { etag: r.etag } };
        }
        case 'AbortMultipartUpload':
          return ok(await c.abortMultipartUpload({ bucket, key, uploadId: p.uploadId! }));
        case 'ListMultipartUploads': {
          const r = await c.listMultipartUploads({ bucket, maxUploads: 1000 });
          return { ...ok(r), data: { uploads: r.uploads.map((u) => ({ key: u.key, uploadId: u.uploadId })) } };
        }
        case 'ListParts': {
          const r = await c.listParts({ bucket, key, uploadId: p.uploadId!, maxParts: p.maxParts, partNumberMarker: p.partNumberMarker });
          return {
            ...ok(r),
            data: {
              parts: r.parts.map((x) => ({ partNumber: x.partNumber, etag: x.etag ?? '', size: x.size ?? NaN })),
              isTruncated: r.isTruncated,
              nextPartNumberMarker: r.nextPartNumberMarker,
            },
          };
        }
        case 'PostObject': {
          // presignPostObject pins the key itself; the scenario's own conditions follow (drivers/postForm.ts).
          const { fields } = c.presignPostObject({ bucket, key: p.key, conditions: (p.postConditions ?? []) as never, expiresSeconds: p.postExpiresSeconds ?? 600 });
          return await sendForm(bucketUrl(this.target, bucket), postFormData(p, fields));
        }
        case 'InitiateBucketWorm': {
          const r = await c.initiateBucketWorm({ bucket, retentionPeriodInDays: p.retentionPeriodInDays! });
          return { ...ok(r), data: { wormId: r.wormId } };
        }
        case 'CompleteBucketWorm':
          return ok(await c.completeBucketWorm({ bucket, wormId: p.wormId! }));
        case 'ExtendBucketWorm':
          return ok(await c.extendBucketWorm({ bucket, wormId: p.wormId!, retentionPeriodInDays: p.retentionPeriodInDays! }));
        case 'AbortBucketWorm':
          return ok(await c.abortBucketWorm({ bucket }));
        case 'GetBucketWorm': {
          const r = await c.getBucketWorm({ bucket });
          const w = r.wormConfiguration;
          return { ...ok(r), data: { wormId: w.wormId, wormState: w.state, retentionPeriodInDays: w.retentionPeriodInDays } };
        }
        default: {
          if (!isDocumentApi(api)) throw new Error(`the client driver has no ${api as string}`);
          // documents.ts: the request and result fields are the client's own models (PY2's in camelCase).
          const fn = (c as unknown as Record<string, (req: unknown) => Promise<Record<string, unknown> & { statusCode: number; requestId: string; headers: Record<string, string> }>>)[method(api)]!;
          const req: Record<string, unknown> = { bucket, ...(p.key !== undefined ? { key } : {}), ...(api === 'AppendObject' ? { body: p.body ?? '' } : {}), ...p.request };
          // The client's Tagging holds the tags in `tagSet` itself, where PY2 has Tagging(tag_set=TagSet(tags=…)).
          const tagging = req.tagging as { tagSet?: { tags?: unknown[] } } | undefined;
          if (api === 'PutBucketTags' && tagging) req.tagging = { tagSet: tagging.tagSet?.tags ?? [] };
          const r = await fn.call(c, req);
          const { statusCode: _s, requestId: _r, headers: _h, ...result } = r;
          if (api === 'GetBucketTags') {
            const t = result.tagging as { tagSet?: unknown[] } | undefined;
            result.tagging = { tagSet: { tags: t?.tagSet ?? [] } };
          }
          return { ...ok(r), data: { result: plain(result) } };
        }
      }
    } catch (err) {
      if (err instanceof OssServiceError) {
        return {
          status: err.status,
          code: err.code === 'BadErrorResponse' || err.status === 304 ? undefined : err.code,
          message: err.details.Message,
          ec: err.ec,
          requestId: err.requestId,
          headers: err.headers,
        };
      }
      throw err;
    }
  }
}

/** The client method of an API: `PutBucketCors` → `putBucketCors`. */
const method = (api: string) => api[0]!.toLowerCase() + api.slice(1);

/** A result as plain data: Dates as ISO strings, undefined fields dropped (as PY2 leaves None out). */
function plain(v: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}

function replicationSpec(x: { id?: string; prefixSet?: { prefixs?: string[] }; action?: string; destination?: { bucket?: string; location?: string }; historicalObjectReplication?: string; status?: string }): ReplicationRuleSpec {
  return {
    id: x.id ?? '',
    prefixes: x.prefixSet?.prefixs ?? [],
    action: x.action ?? '',
    destinationBucket: x.destination?.bucket ?? '',
    destinationLocation: x.destination?.location ?? '',
    historical: x.historicalObjectReplication === 'disabled' ? 'disabled' : 'enabled',
    status: x.status,
  };
}

function ok(r: { statusCode: number; requestId: string; headers: Record<string, string> }): Outcome {
  return { status: r.statusCode, requestId: r.requestId, headers: r.headers };
}
