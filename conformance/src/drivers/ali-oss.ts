// ali-oss: the npm SDK in its default setup (V1 signing, the bucket in the Host header).
import { createRequire } from 'node:module';
import { asArray, parseErrorResponse } from '@local-oss/client';
import { RAW_ONLY_PARAMS, VALID_BUCKET_NAME, listedFromAliShape, type Api, type Credentials, type Driver, type ListedObject, type Outcome, type Params, type TargetInfo, ACCOUNT_APIS } from '../model.js';
import { resultData } from './resultXml.js';
import { bucketUrl, postConditions, postExpiration, postFormData, sendForm } from './postForm.js';
import { isDocumentApi } from '../documents.js';

type Fields = Record<string, any>;

/** The documents.ts APIs ali-oss 6.x has no call for (lib/bucket.js, lib/common/bucket/, lib/common/object/). */
const NO_CALL = new Set<Api>([
  'OptionObject', 'PutBucketOverwriteConfig', 'GetBucketOverwriteConfig', 'DeleteBucketOverwriteConfig',
  'PutBucketTransferAcceleration', 'GetBucketTransferAcceleration', 'PutBucketResourceGroup', 'GetBucketResourceGroup',
  'PutBucketHttpsConfig', 'GetBucketHttpsConfig', 'PutBucketAccessMonitor', 'GetBucketAccessMonitor',
  'PutBucketArchiveDirectRead', 'GetBucketArchiveDirectRead', 'CreateBucketDataRedundancyTransition',
  'GetBucketDataRedundancyTransition', 'ListBucketDataRedundancyTransition', 'DeleteBucketDataRedundancyTransition',
  'CreateCnameToken', 'GetCnameToken', 'PutCname', 'ListCname', 'DeleteCname', 'PutBucketPublicAccessBlock',
  'GetBucketPublicAccessBlock', 'DeleteBucketPublicAccessBlock', 'PutBucketCallbackPolicy', 'GetBucketCallbackPolicy',
  'DeleteBucketCallbackPolicy', 'SealAppendObject', 'CleanRestoredObject', 'DescribeRegions', 'GetBucketPolicyStatus',
  'PutUserDefinedLogFieldsConfig', 'GetUserDefinedLogFieldsConfig', 'DeleteUserDefinedLogFieldsConfig',
]);

const require = createRequire(import.meta.url);
/** The tag rules ali-oss checks before sending (lib/common/utils/checkObjectTag.js). */
const ALI_TAG = /^[a-zA-Z0-9 +-=._:/]+$/;

/* eslint-disable @typescript-eslint/no-explicit-any */
type AliOss = any;

function lower(h: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (v !== undefined) out[k.toLowerCase()] = String(v);
  return out;
}

export class AliOssDriver implements Driver {
  readonly name = 'ali-oss';
  private OSS: any;

  constructor(private readonly target: TargetInfo) {}

  async unavailable(): Promise<string | undefined> {
    try {
      this.OSS = require('ali-oss');
      return undefined;
    } catch {
      return 'ali-oss is not installed (npm install ali-oss)';
    }
  }

  withCredentials(credentials: Credentials): AliOssDriver {
    return new AliOssDriver({ ...this.target, ...credentials });
  }

  cannot(api: Api, p: Params): string | undefined {
    const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
    if (raw) return `ali-oss builds the request itself (${raw})`;
    if (api.includes('AccessPoint') || ACCOUNT_APIS.includes(api)) return 'ali-oss has no access point or account Block Public Access calls (none in lib/)';
    if (!VALID_BUCKET_NAME.test(p.bucket)) return 'ali-oss checks bucket names before sending (lib/common/utils/checkBucketName.js)';
    if (api.endsWith('MetaQuery') || api === 'GetMetaQueryStatus') return 'ali-oss has no MetaQuery calls (lib/ has no metaQuery)';
    if (api === 'CopierCopy') return 'ali-oss has no copy manager that keeps metadata and tags (multipartUploadCopy copies bytes only)';
    if (api === 'PutBucketStyle' || api === 'GetBucketStyle' || api === 'DeleteBucketStyle') {
      return "ali-oss's style calls live on its separate ImageClient (lib/image.js), which builds `/?style` as an object name";
    }
    // processObjectSave encodes the target with standard base64 and form-encodes the body (lib/common/image/processObjectSave.js).
    if (api === 'ProcessObject' && p.saveAsKey === undefined) return 'processObjectSave always names a target object';
    if (NO_CALL.has(api)) return `ali-oss has no ${api} call (lib/bucket.js, lib/common/bucket/ and lib/common/object/ have none)`;
    if (isDocumentApi(api)) {
      const why = documentLimit(api, p.request ?? {}, p.bucket);
      if (why) return why;
    }
    if (api.includes('BucketReplication')) return 'ali-oss has no replication calls (lib/bucket.js and lib/common/bucket/ have none)';
    if (api === 'SelectObject' || api === 'CreateSelectObjectMeta') return 'ali-oss has no SelectObject call (lib/object.js and lib/common/object/ have none; x-oss-process there is image processing only)';
    if (api === 'PutObjectTagging') {
      const tags = p.tagSet ?? [];
      const bad = tags.length > 10 || new Set(tags.map((t) => t.key)).size !== tags.length || tags.some((t) => !ALI_TAG.test(t.key) || t.key.length > 128 || !ALI_TAG.test(t.value) || t.value.length > 256);
      if (bad) return 'ali-oss refuses such a tag set before sending (checkObjectTag.js: ≤ 10 unique tags, key ≤ 128, value 1–256, limited characters: its pattern `+` refuses an empty value)';
    }
    // completeMultipartUpload sorts the parts and drops repeated numbers (lib/common/multipart.js).
    if (api === 'CompleteMultipartUpload') {
      if (p.completeAll) return 'completeMultipartUpload always sends a part list';
      const numbers = (p.parts ?? []).map((x) => x.partNumber);
      if (numbers.some((n, i) => i > 0 && n <= numbers[i - 1]!)) return 'completeMultipartUpload sorts the parts and drops repeated numbers';
    }
    if (api === 'InitiateMultipartUpload' && p.sequential) return "initMultipartUpload's sub-resource is `uploads` alone (lib/common/multipart.js sets opt.subres)";
    if (api === 'ListObjectVersions' && p.versionIdMarker !== undefined && p.keyMarker === undefined) return 'getBucketVersions wants a key marker with a version-id marker';
    if (api === 'PutBucketVersioning' && p.status !== 'Enabled' && p.status !== 'Suspended') return 'putBucketVersioning accepts only Enabled or Suspended';
    // ali-oss's copy() turns any metadata or standard header into REPLACE (behaviour §1.4 NODE copyObject.js).
    if (api === 'CopyObject' && (p.metadataDirective ?? 'COPY').toUpperCase() === 'COPY' && (p.metadata || p.contentType)) {
      return 'ali-oss switches to REPLACE whenever metadata is given';
    }
    return undefined;
  }

  private client(bucket: string, region = this.target.region): AliOss {
    const second = region === this.target.secondRegion && this.target.secondEndpoint;
    return new this.OSS({
      region: `oss-${region}`,
      endpoint: second ? this.target.secondEndpoint : this.target.endpoint,
      accessKeyId: this.target.accessKeyId,
      accessKeySecret: this.target.accessKeySecret,
      bucket,
      timeout: 120_000,
    });
  }

  private headersOf(p: Params): Record<string, string> {
    const h: Record<string, string | undefined> = {
      'Content-Type': p.contentType,
      'Cache-Control': p.cacheControl,
      'Content-Disposition': p.contentDisposition,
      'Content-Encoding': p.contentEncoding,
      'Content-Language': p.contentLanguage,
      Expires: p.expires,
      'x-oss-object-acl': p.acl,
      'x-oss-storage-class': p.storageClass,
      'x-oss-tagging': p.tagging,
      'x-oss-forbid-overwrite': p.forbidOverwrite === undefined ? undefined : String(p.forbidOverwrite),
      'x-oss-server-side-encryption': p.serverSideEncryption,
      // Given as headers, ali-oss sends them as they are (lib/common/callback.js keeps an x-oss-callback header).
      'x-oss-callback': p.callback,
      'x-oss-callback-var': p.callbackVar,
      'x-oss-metadata-directive': p.metadataDirective,
      'x-oss-tagging-directive': p.taggingDirective,
      'If-Match': p.ifMatch,
      'If-None-Match': p.ifNoneMatch,
      'If-Modified-Since': p.ifModifiedSince,
      'If-Unmodified-Since': p.ifUnmodifiedSince,
    };
    return Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;
  }

  /** Range and the object conditions of a GET or HEAD, as request headers. */
  private readHeadersOf(p: Params): Record<string, string> {
    const h: Record<string, string | undefined> = {
      Range: p.rangeHeader,
      'x-oss-range-behavior': p.rangeBehavior,
      'If-Match': p.ifMatch,
      'If-None-Match': p.ifNoneMatch,
      'If-Modified-Since': p.ifModifiedSince,
      'If-Unmodified-Since': p.ifUnmodifiedSince,
    };
    return Object.fromEntries(Object.entries(h).filter(([, x]) => x !== undefined)) as Record<string, string>;
  }

  /** A documents.ts API through ali-oss's own call, its arguments made from the PY2-style request fields. */
  private document(c: AliOss, api: Api, p: Params): Promise<any> {
    const b = p.bucket;
    const r: Fields = p.request ?? {};
    const key = p.key ?? '';
    switch (api) {
      case 'ListBuckets':
        return c.listBuckets(Object.fromEntries(Object.entries({ prefix: r.prefix, marker: r.marker, 'max-keys': r.maxKeys, 'tag-key': r.tagKey, 'tag-value': r.tagValue }).filter(([, v]) => v !== undefined)));
      case 'GetBucketStat':
        return c.getBucketStat(b);
      case 'PutBucketCors': {
        const rules = ((r.corsConfiguration?.corsRules ?? []) as Fields[]).map((x) => ({
          allowedOrigin: x.allowedOrigins,
          allowedMethod: x.allowedMethods,
          allowedHeader: x.allowedHeaders,
          exposeHeader: x.exposeHeaders,
          maxAgeSeconds: x.maxAgeSeconds,
        }));
        return c.putBucketCORS(b, rules);
      }
      case 'GetBucketCors':
        return c.getBucketCORS(b);
      case 'DeleteBucketCors':
        return c.deleteBucketCORS(b);
      case 'PutBucketEncryption': {
        const d = r.serverSideEncryptionRule?.applyServerSideEncryptionByDefault ?? {};
        return c.putBucketEncryption(b, { SSEAlgorithm: d.sseAlgorithm, ...(d.kmsMasterKeyId !== undefined ? { KMSMasterKeyID: d.kmsMasterKeyId } : {}) });
      }
      case 'GetBucketEncryption':
        return c.getBucketEncryption(b);
      case 'DeleteBucketEncryption':
        return c.deleteBucketEncryption(b);
      case 'PutBucketReferer':
        return c.putBucketReferer(b, r.refererConfiguration?.allowEmptyReferer ?? false, r.refererConfiguration?.refererList?.referers ?? []);
      case 'GetBucketReferer':
        return c.getBucketReferer(b);
      case 'PutBucketWebsite': {
        const w = r.websiteConfiguration ?? {};
        return c.putBucketWebsite(b, {
          index: w.indexDocument?.suffix,
          ...(w.indexDocument?.supportSubDir !== undefined ? { supportSubDir: w.indexDocument.supportSubDir } : {}),
          ...(w.indexDocument?.type !== undefined ? { type: w.indexDocument.type } : {}),
          ...(w.errorDocument?.key !== undefined ? { error: w.errorDocument.key } : {}),
        });
      }
      case 'GetBucketWebsite':
        return c.getBucketWebsite(b);
      case 'DeleteBucketWebsite':
        return c.deleteBucketWebsite(b);
      case 'PutBucketRequestPayment':
        return c.putBucketRequestPayment(b, r.requestPaymentConfiguration?.payer);
      case 'GetBucketRequestPayment':
        return c.getBucketRequestPayment(b);
      case 'PutBucketTags':
        return c.putBucketTags(b, Object.fromEntries(((r.tagging?.tagSet?.tags ?? []) as Fields[]).map((t) => [t.key, t.value])));
      case 'GetBucketTags':
        return c.getBucketTags(b);
      case 'DeleteBucketTags':
        return c.deleteBucketTags(b);
      case 'PutBucketLogging':
        return c.putBucketLogging(b, r.bucketLoggingStatus?.loggingEnabled?.targetPrefix);
      case 'GetBucketLogging':
        return c.getBucketLogging(b);
      case 'DeleteBucketLogging':
        return c.deleteBucketLogging(b);
      case 'PutBucketInventory': {
        const i = r.inventoryConfiguration ?? {};
        const d = i.destination?.ossBucketDestination ?? {};
        return c.putBucketInventory(b, {
          id: i.id,
          isEnabled: i.isEnabled,
          prefix: i.filter?.prefix,
          OSSBucketDestination: {
            format: d.format,
            accountId: d.accountId,
            rolename: String(d.roleArn).replace(/^acs:ram::[^:]*:role\//, ''),
            bucket: String(d.bucket).replace(/^acs:oss:::/, ''),
            prefix: d.prefix,
          },
          frequency: i.schedule?.frequency,
          includedObjectVersions: i.includedObjectVersions,
          optionalFields: { field: i.optionalFields?.fields ?? [] },
        });
      }
      case 'GetBucketInventory':
        return c.getBucketInventory(b, r.inventoryId);
      case 'ListBucketInventory':
        return c.listBucketInventory(b, r.continuationToken !== undefined ? { continuationToken: r.continuationToken } : {});
      case 'DeleteBucketInventory':
        return c.deleteBucketInventory(b, r.inventoryId);
      case 'PutBucketPolicy':
        // putBucketPolicy takes the policy as an object and sends JSON.stringify of it (lib/common/bucket/putBucketPolicy.js).
        return c.putBucketPolicy(b, JSON.parse(String(r.body)));
      case 'GetBucketPolicy':
        return c.getBucketPolicy(b);
      case 'DeleteBucketPolicy':
        return c.deleteBucketPolicy(b);
      case 'PutSymlink':
        return c.putSymlink(key, r.target, r.storageClass !== undefined ? { storageClass: r.storageClass } : {});
      case 'GetSymlink':
        return c.getSymlink(key, r.versionId !== undefined ? { versionId: r.versionId } : {});
      case 'AppendObject':
        return c.append(key, Buffer.from(p.body ?? ''), { position: String(r.position ?? 0) });
      default:
        throw new Error(`ali-oss driver has no ${api}`);
    }
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const c = this.client(p.bucket, p.region);
    const key = p.key ?? '';
    const v = p.versionId ? { versionId: p.versionId } : {};
    try {
      const done = (r: any, data?: Outcome['data'], body?: Buffer): Outcome => {
        const status = r.res?.status ?? r.status;
        const headers = lower(r.res?.headers);
        // Some ali-oss calls (abortBucketWorm) resolve on an error status: read the error document ourselves.
        if ((status >= 300 && status !== 304) || status === 203) {
          const e = parseErrorResponse(status, headers, Buffer.isBuffer(r.res?.data) ? r.res.data.toString('utf8') : '');
          return { status, code: e.code, message: e.details.Message, ec: e.ec, requestId: e.requestId, headers };
        }
        return { status, requestId: headers['x-oss-request-id'], headers, ...(data ? { data } : {}), ...(body ? { body } : {}) };
      };
      const decode = (v: string | undefined | null) => (v == null ? undefined : p.encodingType === 'url' ? decodeURIComponent(v) : v);
      switch (api) {
        case 'PutBucket': {
          const r = await c.putBucket(p.bucket);
          if (p.acl) await c.putBucketACL(p.bucket, p.acl);
          return done(r);
        }
        case 'DeleteBucket':
          return done(await c.deleteBucket(p.bucket));
        case 'GetBucketInfo': {
          const r = await c.getBucketInfo(p.bucket);
          const b = r.bucket ?? {};
          return done(r, { name: b.Name, location: b.Location, storageClass: b.StorageClass, acl: b.AccessControlList?.Grant, versioning: b.Versioning });
        }
        case 'GetBucketLocation': {
          const r = await c.getBucketLocation(p.bucket);
          return done(r, { location: r.location });
        }
        case 'PutBucketAcl':
          return done(await c.putBucketACL(p.bucket, p.acl));
        case 'GetBucketAcl': {
          const r = await c.getBucketACL(p.bucket);
          return done(r, { acl: r.acl });
        }
        case 'PutBucketVersioning':
          return done(await c.putBucketVersioning(p.bucket, p.status));
        case 'PutBucketLifecycle':
          return done(await c.putBucketLifecycle(p.bucket, (p.lifecycleRules ?? []).map((r) => ({ id: r.id, prefix: r.prefix, status: r.status as 'Enabled', expiration: { days: r.expirationDays } }))));
        case 'GetBucketLifecycle': {
          const r = await c.getBucketLifecycle(p.bucket);
          const rules = ((r.rules ?? []) as { id?: string; prefix?: string; status?: string; expiration?: { days?: string | number } }[]).map((x) => ({
            id: x.id ?? '',
            prefix: typeof x.prefix === 'string' ? x.prefix : '',
            status: x.status ?? '',
            expirationDays: Number(x.expiration?.days),
          }));
          return done(r, { lifecycleRules: rules });
        }
        case 'DeleteBucketLifecycle':
          return done(await c.deleteBucketLifecycle(p.bucket));
        case 'GetBucketVersioning': {
          const r = await c.getBucketVersioning(p.bucket);
          return done(r, { versioning: r.versionStatus });
        }
        case 'PutObject':
          return done(await c.put(key, Buffer.from(p.body ?? ''), { headers: { ...this.headersOf(p), ...(p.contentMd5 ? { 'Content-MD5': p.contentMd5 } : {}) }, meta: p.metadata }));
        case 'GetObject': {
          // get() chokes on a stored Content-Encoding whose bytes are not compressed; getStream() hands them over.
          // getStream() takes no versionId option (lib/object.js), only sub-resources.
          // getStream's `process` option is x-oss-process (lib/object.js getStream).
          const options = { headers: this.readHeadersOf(p), ...(p.versionId ? { subres: { versionId: p.versionId } } : {}), ...(p.imageProcess ? { process: p.imageProcess } : {}) };
          let r;
          try {
            r = await c.getStream(key, options);
          } catch (err: any) {
            // getStream() leaves the error document unread and makes up a message ("Object not exists"); get()
            // reads it. A GET changes nothing, so asking again gives the answer an ali-oss get() user sees.
            if (typeof err?.status !== 'number' || err.status === -1) throw err;
            return done(await c.get(key, { ...v, headers: this.readHeadersOf(p), ...(p.imageProcess ? { process: p.imageProcess } : {}) }));
          }
          const parts: Buffer[] = [];
          for await (const chunk of r.stream) parts.push(chunk as Buffer);
          return done(r, undefined, Buffer.concat(parts));
        }
        case 'HeadObject':
          return done(await c.head(key, { ...v, headers: this.readHeadersOf(p), ...(p.imageProcess ? { subres: { 'x-oss-process': p.imageProcess } } : {}) }));
        case 'ProcessObject': {
          const r = await c.processObjectSave(key, p.saveAsKey, p.imageProcess, p.saveAsBucket);
          // processObjectSave resolves on an error status too: done() reads the error document then.
          if (r.res?.status !== 200) return done(r);
          const body = JSON.parse(Buffer.from(r.res.data).toString('utf8'));
          return done(r, { processResult: { bucket: body.bucket, object: body.object, status: body.status } });
        }
        case 'PutBucketStyle':
        case 'GetBucketStyle':
        case 'DeleteBucketStyle':
          throw new Error('ali-oss has no bucket style call on its OSS client (AliOssDriver.cannot says so)');
        case 'DeleteObject':
          return done(await c.delete(key, { ...v }));
        case 'CopyObject': {
          const options: Record<string, unknown> = { headers: this.headersOf(p), ...(p.sourceVersionId ? { versionId: p.sourceVersionId } : {}) };
          if (p.metadata) options.meta = p.metadata;
          const r = await c.copy(key, p.sourceKey, p.sourceBucket ?? p.bucket, options);
          if (r.res.status === 304) return done(r);
          return done(r, { etag: r.data?.etag, lastModified: r.data?.lastModified });
        }
        case 'PutObjectAcl':
          return done(await c.putACL(key, p.acl, { ...v }));
        case 'GetObjectAcl': {
          const r = await c.getACL(key, { ...v });
          return done(r, { acl: r.acl });
        }
        case 'PutObjectTagging':
          return done(await c.putObjectTagging(key, Object.fromEntries((p.tagSet ?? []).map((t) => [t.key, t.value])), { ...v }));
        case 'GetObjectTagging': {
          const r = await c.getObjectTagging(key, { ...v });
          return done(r, { tags: Object.entries(r.tag ?? {}).map(([k, val]) => ({ key: k, value: String(val) })) });
        }
        case 'RestoreObject':
          // lib/object.js restore(): always a body, Days 2 unless given; JobParameters only with type ColdArchive.
          return done(
            await c.restore(key, {
              ...v,
              ...(p.restoreDays !== undefined ? { Days: p.restoreDays } : {}),
              ...(p.restoreTier !== undefined ? { type: 'ColdArchive', JobParameters: p.restoreTier } : {}),
            }),
          );
        case 'DeleteObjectTagging':
          return done(await c.deleteObjectTagging(key, { ...v }));
        case 'ListObjects':
        case 'ListObjectsV2': {
          const q = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined));
          const common = { prefix: p.prefix, delimiter: p.delimiter, 'max-keys': p.maxKeys, 'encoding-type': p.encodingType };
          const r =
            api === 'ListObjects'
              ? await c.list(q({ ...common, marker: p.marker }), {})
              : await c.listV2(q({ ...common, 'start-after': p.startAfter, 'continuation-token': p.continuationToken, 'fetch-owner': p.fetchOwner }), {});
          // ali-oss hands listings over as OSS wrote them: decoding `encoding-type=url` answers is the caller's job.
          const contents: ListedObject[] = (r.objects ?? []).map((o: any) => listedFromAliShape(o, decode));
          return done(r, {
            contents,
            commonPrefixes: (r.prefixes ?? []).map((x: string) => decode(x)),
            isTruncated: r.isTruncated,
            nextMarker: decode(r.nextMarker),
            nextContinuationToken: decode(r.nextContinuationToken),
            keyCount: r.keyCount,
          });
        }
        case 'ListObjectVersions': {
          const query = Object.fromEntries(
            Object.entries({
              prefix: p.prefix,
              delimiter: p.delimiter,
              keyMarker: p.keyMarker,
              versionIdMarker: p.versionIdMarker,
              maxKeys: p.maxKeys ?? 1000,
              encodingType: p.encodingType,
            }).filter(([, x]) => x !== undefined),
          );
          const r = await c.getBucketVersions(query);
          // getBucketVersions() drops IsLatest from delete markers (lib/common/object/getBucketVersions.js): read
          // the document it received instead.
          return done(r, resultData('ListObjectVersions', lower(r.res?.headers), Buffer.from(r.res?.data ?? '')));
        }
        case 'InitiateMultipartUpload': {
          const r = await c.initMultipartUpload(key, { headers: this.headersOf(p), meta: p.metadata });
          return done(r, { uploadId: r.uploadId });
        }
        case 'UploadPart': {
          const body = Buffer.from(p.body ?? '');
          const r = await c.uploadPart(key, p.uploadId, p.partNumber, body, 0, body.length, p.contentMd5 ? { headers: { 'Content-MD5': p.contentMd5 } } : undefined);
          return done(r, { etag: r.etag });
        }
        case 'UploadPartCopy': {
          const headers = Object.fromEntries(
            Object.entries({
              'x-oss-copy-source-if-match': p.ifMatch,
              'x-oss-copy-source-if-none-match': p.ifNoneMatch,
              'x-oss-copy-source-if-modified-since': p.ifModifiedSince,
              'x-oss-copy-source-if-unmodified-since': p.ifUnmodifiedSince,
            }).filter(([, x]) => x !== undefined),
          );
          // ali-oss takes the range without its `bytes=` unit (lib/common/multipart-copy.js).
          const range = p.sourceRange?.replace(/^bytes=/, '');
          const r = await c.uploadPartCopy(key, p.uploadId, p.partNumber, range, { sourceKey: p.sourceKey, sourceBucketName: p.sourceBucket ?? p.bucket }, {
            headers,
            ...(p.sourceVersionId ? { versionId: p.sourceVersionId } : {}),
          });
          return done(r, resultData('UploadPartCopy', lower(r.res?.headers), Buffer.from(r.res?.data ?? '')));
        }
        case 'PostObject': {
          // calculatePostSignature (V1: OSSAccessKeyId, Signature, policy; lib/common/object/calculatePostSignature.js)
          // over the policy every driver writes (drivers/postForm.ts).
          const policy = { expiration: postExpiration(p).toISOString(), conditions: [{ bucket: p.bucket }, ...postConditions(p)] };
          return await sendForm(bucketUrl(this.target, p.bucket), postFormData(p, c.calculatePostSignature(policy)));
        }
        case 'CompleteMultipartUpload': {
          const parts = (p.parts ?? []).map((x) => ({ number: x.partNumber, etag: x.etag }));
          const headers = Object.fromEntries(
            Object.entries({
              'x-oss-forbid-overwrite': p.forbidOverwrite === undefined ? undefined : String(p.forbidOverwrite),
              'x-oss-callback': p.callback,
              'x-oss-callback-var': p.callbackVar,
            }).filter(([, x]) => x !== undefined),
          );
          const r = await c.completeMultipartUpload(key, p.uploadId, parts, { headers });
          return done(r, resultData('CompleteMultipartUpload', lower(r.res?.headers), Buffer.from(r.res?.data ?? '')));
        }
        case 'AbortMultipartUpload':
          return done(await c.abortMultipartUpload(key, p.uploadId));
        case 'CopierCopy':
          throw new Error('ali-oss has no copy manager (AliOssDriver.cannot says so)');
        case 'ListBuckets':
        case 'GetBucketStat':
        case 'PutBucketCors':
        case 'GetBucketCors':
        case 'DeleteBucketCors':
        case 'PutBucketEncryption':
        case 'GetBucketEncryption':
        case 'DeleteBucketEncryption':
        case 'PutBucketReferer':
        case 'GetBucketReferer':
        case 'PutBucketWebsite':
        case 'GetBucketWebsite':
        case 'DeleteBucketWebsite':
        case 'PutBucketRequestPayment':
        case 'GetBucketRequestPayment':
        case 'PutBucketTags':
        case 'GetBucketTags':
        case 'DeleteBucketTags':
        case 'PutBucketLogging':
        case 'GetBucketLogging':
        case 'DeleteBucketLogging':
        case 'PutBucketInventory':
        case 'GetBucketInventory':
        case 'ListBucketInventory':
        case 'DeleteBucketInventory':
        case 'PutSymlink':
        case 'GetSymlink':
        case 'AppendObject':
        case 'PutBucketPolicy':
        case 'GetBucketPolicy':
        case 'DeleteBucketPolicy': {
          const r = await this.document(c, api, p);
          // Results are read from the answer ali-oss received, as the raw driver reads them (documents.ts).
          return done(r, resultData(api, lower(r.res?.headers), Buffer.from(r.res?.data ?? '')));
        }
        case 'PutBucketReplication':
        case 'GetBucketReplication':
        case 'GetBucketReplicationProgress':
        case 'DeleteBucketReplication':
          throw new Error('ali-oss has no replication calls (AliOssDriver.cannot says so)');
        case 'SelectObject':
        case 'CreateSelectObjectMeta':
          throw new Error('ali-oss has no SelectObject call (AliOssDriver.cannot says so)');
        case 'CreateAccessPoint':
        case 'GetAccessPoint':
        case 'ListAccessPoints':
        case 'DeleteAccessPoint':
        case 'PutAccessPointPolicy':
        case 'GetAccessPointPolicy':
        case 'DeleteAccessPointPolicy':
        case 'PutAccessPointPublicAccessBlock':
        case 'GetAccessPointPublicAccessBlock':
        case 'DeleteAccessPointPublicAccessBlock':
        case 'PutPublicAccessBlock':
        case 'GetPublicAccessBlock':
        case 'DeletePublicAccessBlock':
          throw new Error('ali-oss has no access point or account Block Public Access calls (AliOssDriver.cannot says so)');
        case 'OpenMetaQuery':
        case 'GetMetaQueryStatus':
        case 'DoMetaQuery':
        case 'CloseMetaQuery':
          throw new Error('ali-oss has no MetaQuery calls (AliOssDriver.cannot says so)');
        case 'ListMultipartUploads': {
          const r = await c.listUploads({ 'max-uploads': 1000 });
          return done(r, { uploads: asArray(r.uploads).map((u: any) => ({ key: u.name, uploadId: u.uploadId })) });
        }
        case 'ListParts': {
          const query = Object.fromEntries(Object.entries({ 'max-parts': p.maxParts, 'part-number-marker': p.partNumberMarker }).filter(([, x]) => x !== undefined));
          const r = await c.listParts(key, p.uploadId, query);
          return done(r, {
            parts: asArray(r.parts).map((x: any) => ({ partNumber: Number(x.PartNumber), etag: x.ETag, size: Number(x.Size) })),
            isTruncated: r.isTruncated === 'true' || r.isTruncated === true,
            nextPartNumberMarker: r.nextPartNumberMarker === undefined ? undefined : Number(r.nextPartNumberMarker),
          });
        }
        case 'InitiateBucketWorm': {
          const r = await c.initiateBucketWorm(p.bucket, String(p.retentionPeriodInDays));
          return done(r, { wormId: r.wormId });
        }
        case 'CompleteBucketWorm':
          return done(await c.completeBucketWorm(p.bucket, p.wormId));
        case 'ExtendBucketWorm':
          return done(await c.extendBucketWorm(p.bucket, p.wormId, String(p.retentionPeriodInDays)));
        case 'AbortBucketWorm':
          return done(await c.abortBucketWorm(p.bucket));
        case 'GetBucketWorm': {
          const r = await c.getBucketWorm(p.bucket);
          return done(r, { wormId: r.wormId, wormState: r.state, retentionPeriodInDays: r.days === undefined ? undefined : Number(r.days) });
        }
        default:
          throw new Error(`ali-oss has no ${api} call (AliOssDriver.cannot says so)`);
      }
    } catch (err: any) {
      if (typeof err?.status !== 'number' || err.status === -1) throw err;
      // ali-oss keeps no response headers on an error (err.params.headers are the request's).
      const headers = lower(err.headers);
      return {
        status: err.status,
        // ali-oss synthesises names for body-less answers (NoSuchKeyError on a 404 HEAD); keep the code only.
        code: err.code && !/Error$/.test(err.code) ? err.code : err.name?.replace(/Error$/, '') || undefined,
        // It appends "(condition: …)" and similar to some messages; the OSS message is before that.
        message: typeof err.message === 'string' ? err.message.replace(/\s*\(condition: [^)]*\)$/, '').split('\n')[0] : undefined,
        ec: err.ecCode ?? headers['x-oss-ec'],
        requestId: err.requestId ?? headers['x-oss-request-id'],
        headers,
      };
    }
  }
}

/** What ali-oss's calls for the documents.ts APIs cannot carry: it builds these documents from a few fields only. */
function documentLimit(api: Api, r: Fields, bucket: string): string | undefined {
  switch (api) {
    case 'PutBucketCors':
      if (r.corsConfiguration?.responseVary !== undefined) return 'putBucketCORS sends no ResponseVary (lib/bucket.js)';
      return undefined;
    case 'PutBucketEncryption':
      if (r.serverSideEncryptionRule?.applyServerSideEncryptionByDefault?.kmsDataEncryption !== undefined) return 'putBucketEncryption sends SSEAlgorithm and KMSMasterKeyID only';
      return undefined;
    case 'PutBucketReferer': {
      const c = r.refererConfiguration ?? {};
      if (c.allowTruncateQueryString !== undefined || c.truncatePath !== undefined || c.refererBlacklist !== undefined) return 'putBucketReferer sends AllowEmptyReferer and RefererList only (lib/bucket.js)';
      return undefined;
    }
    case 'PutBucketWebsite':
      if (r.websiteConfiguration?.errorDocument?.httpStatus !== undefined) return 'putBucketWebsite sends no ErrorDocument HttpStatus (lib/common/bucket/putBucketWebsite.js)';
      if (r.websiteConfiguration?.indexDocument?.suffix === undefined) return 'putBucketWebsite always sends an IndexDocument (index.html unless given)';
      return undefined;
    case 'PutBucketLogging':
      if (r.bucketLoggingStatus?.loggingEnabled?.targetBucket !== bucket) return 'putBucketLogging logs into the bucket itself only (lib/bucket.js: TargetBucket is the bucket name)';
      return undefined;
    case 'PutSymlink':
      if (r.forbidOverwrite !== undefined || r.acl !== undefined) return 'putSymlink sets only the storage class and metadata';
      return undefined;
    default:
      return undefined;
  }
}
