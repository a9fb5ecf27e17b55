// ali-oss: the npm SDK in its default setup (V1 signing, the bucket in the Host header).
import { createRequire } from 'node:module';
import { parseErrorResponse } from '@local-oss/client';
import type { Api, Credentials, Driver, Outcome, Params, TargetInfo } from '../model.js';

const require = createRequire(import.meta.url);
const RAW_ONLY: (keyof Params)[] = ['copySourceRaw', 'signWithSecret', 'signWithAccessKeyId', 'rawHeaders', 'afterSigning'];

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
    const raw = RAW_ONLY.find((k) => p[k] !== undefined);
    if (raw) return `ali-oss builds the request itself (${raw})`;
    // ali-oss's copy() turns any metadata or standard header into REPLACE (spec §1.4 NODE copyObject.js).
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
      'x-oss-metadata-directive': p.metadataDirective,
      'x-oss-tagging-directive': p.taggingDirective,
      'If-Match': p.ifMatch,
      'If-None-Match': p.ifNoneMatch,
      'If-Modified-Since': p.ifModifiedSince,
      'If-Unmodified-Since': p.ifUnmodifiedSince,
    };
    return Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>;
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
        if (status >= 300 && status !== 304) {
          const e = parseErrorResponse(status, headers, Buffer.isBuffer(r.res?.data) ? r.res.data.toString('utf8') : '');
          return { status, code: e.code, message: e.details.Message, ec: e.ec, requestId: e.requestId, headers };
        }
        return { status, requestId: headers['x-oss-request-id'], headers, ...(data ? { data } : {}), ...(body ? { body } : {}) };
      };
      switch (api) {
        case 'PutBucket': {
          const r = await c.putBucket(p.bucket);
          if (p.acl) await c.putBucketACL(p.bucket, p.acl);
          return done(r);
        }
        case 'DeleteBucket':
          return done(await c.deleteBucket(p.bucket));
        case 'PutBucketVersioning':
          return done(await c.putBucketVersioning(p.bucket, p.status));
        case 'PutObject':
          return done(await c.put(key, Buffer.from(p.body ?? ''), { headers: this.headersOf(p), meta: p.metadata }));
        case 'GetObject': {
          // get() chokes on a stored Content-Encoding whose bytes are not compressed; getStream() hands them over.
          const r = await c.getStream(key, { ...v });
          const parts: Buffer[] = [];
          for await (const chunk of r.stream) parts.push(chunk as Buffer);
          return done(r, undefined, Buffer.concat(parts));
        }
        case 'HeadObject':
          return done(await c.head(key, { ...v }));
        case 'DeleteObject':
          return done(await c.delete(key, { ...v }));
        case 'CopyObject': {
          const options: Record<string, unknown> = { headers: this.headersOf(p), ...(p.sourceVersionId ? { versionId: p.sourceVersionId } : {}) };
          if (p.metadata) options.meta = p.metadata;
          const r = await c.copy(key, p.sourceKey, p.sourceBucket ?? p.bucket, options);
          if (r.res.status === 304) return done(r);
          return done(r, { etag: r.data?.etag, lastModified: r.data?.lastModified });
        }
        case 'GetObjectAcl': {
          const r = await c.getACL(key, { ...v });
          return done(r, { acl: r.acl });
        }
        case 'GetObjectTagging': {
          const r = await c.getObjectTagging(key, { ...v });
          return done(r, { tags: Object.entries(r.tag ?? {}).map(([k, val]) => ({ key: k, value: String(val) })) });
        }
        case 'ListObjectVersions': {
          const r = await c.getBucketVersions({ 'max-keys': 1000 });
          const map = (deleteMarker: boolean) => (o: any) => ({ key: o.name, versionId: o.versionId, isLatest: Boolean(o.isLatest), deleteMarker });
          return done(r, { versions: [...(r.objects ?? []).map(map(false)), ...(r.deleteMarker ?? []).map(map(true))] });
        }
        case 'InitiateBucketWorm': {
          const r = await c.initiateBucketWorm(p.bucket, String(p.retentionPeriodInDays));
          return done(r, { wormId: r.wormId });
        }
        case 'CompleteBucketWorm':
          return done(await c.completeBucketWorm(p.bucket, p.wormId));
        case 'AbortBucketWorm':
          return done(await c.abortBucketWorm(p.bucket));
        case 'GetBucketWorm': {
          const r = await c.getBucketWorm(p.bucket);
          return done(r, { wormId: r.wormId, wormState: r.state });
        }
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
