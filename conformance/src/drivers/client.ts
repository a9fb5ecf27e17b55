// client: our OssClient (the Python SDK v2's API in camelCase).
import { Copier, OssClient, OssServiceError, SelectObjectError, type GetObjectRequest } from '@local-oss/client';
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
        case 'PutBucketInventory': {
          const i = p.inventory!;
          return ok(await c.putBucketInventory({
            bucket,
            inventoryId: i.id,
            inventoryConfiguration: {
              id: i.id,
              isEnabled: true,
              destination: { ossBucketDestination: { format: 'CSV', accountId: '1000000000000000', roleArn: 'acs:ram::1000000000000000:role/AliyunOSSRole', bucket: `acs:oss:::${i.destinationBucket}`, prefix: i.prefix } },
              schedule: { frequency: 'Daily' },
              includedObjectVersions: i.includedObjectVersions,
              optionalFields: { fields: i.optionalFields },
            },
          }));
        }
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
          const r = await c.completeMultipartUpload({ bucket, key, uploadId: p.uploadId!, parts: p.parts, completeAll: p.completeAll, forbidOverwrite: p.forbidOverwrite });
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
