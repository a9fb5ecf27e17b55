// oss-client: the TypeScript OSS client npmmirror's cnpmcore runs on (npm `oss-client`, an `OSSObject` per bucket,
// V1 signing). It has object calls only — no bucket, multipart, version-listing or WORM calls — and addresses
// buckets virtual-host style always (`<bucket>.<endpoint host>`): against a loopback endpoint the driver names the
// host `localhost`, whose subdomains resolve to loopback where libnss-myhostname is installed (Debian), and which
// the emulator reads as `Host: <bucket>.localhost:<port>`.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { lookup } from 'node:dns/promises';
import { createRequire } from 'node:module';
import { RAW_ONLY_PARAMS, listedFromAliShape, readHeaders, type Api, type Credentials, type Driver, type ListedObject, type Outcome, type Params, type TargetInfo } from '../model.js';

const require = createRequire(import.meta.url);
/** checkBucketName.js of oss-client: what its OSSObject constructor accepts. */
const OSS_CLIENT_BUCKET = /^[a-z0-9_][a-z0-9-_]{1,61}[a-z0-9_]$/;
/** checkObjectTag.js (the rules ali-oss has too): ≤ 10 tags, key ≤ 128, value ≤ 256, these characters. */
const TAG = /^[a-zA-Z0-9 +-=._:/]+$/;
/** The standard headers copy() turns into REPLACE (OSSObject.ts REPLACE_HEADERS). */
const COPY_REPLACES: (keyof Params)[] = ['contentType', 'contentEncoding', 'contentLanguage', 'contentDisposition', 'cacheControl', 'expires'];
/** Error messages oss-client makes up for a body-less error answer (OSSBaseClient.ts #createClientException). */
const MADE_UP = /^(Object not exists|Pre condition failed|Unknown error, status=)/;

const SUPPORTED = new Set<Api>([
  'PutObject',
  'GetObject',
  'HeadObject',
  'DeleteObject',
  'CopyObject',
  'PutObjectAcl',
  'GetObjectAcl',
  'PutObjectTagging',
  'GetObjectTagging',
  'DeleteObjectTagging',
  'ListObjects',
  'ListObjectsV2',
]);

/* eslint-disable @typescript-eslint/no-explicit-any */

function lower(h: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h ?? {})) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
  return out;
}

const defined = (o: Record<string, string | undefined>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Record<string, string>;

/**
 * The endpoint with a host name a bucket can lead: a loopback IP becomes `localhost` (`<bucket>.127.0.0.1` is no
 * host name). Other IP endpoints cannot be addressed virtual-host style at all.
 */
export function virtualHostEndpoint(endpoint: string): { endpoint: string } | { reason: string } {
  const url = new URL(endpoint);
  if (['127.0.0.1', '[::1]'].includes(url.hostname)) url.hostname = 'localhost';
  else if (/^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) || url.hostname.startsWith('[')) {
    return { reason: `addresses buckets virtual-host style only, and ${endpoint} is an IP address (use a host name whose subdomains resolve to it)` };
  }
  return { endpoint: url.toString().replace(/\/$/, '') };
}

/** Why `<bucket>.localhost` names would not resolve here, or undefined (also for endpoints that are not localhost). */
export async function localhostSubdomainsUnresolved(endpoint: string): Promise<string | undefined> {
  if (new URL(endpoint).hostname !== 'localhost') return undefined;
  try {
    await lookup('local-oss-probe.localhost');
    return undefined;
  } catch (err) {
    return `<bucket>.localhost does not resolve here (${(err as Error).message}): install libnss-myhostname (Debian) or map the names in /etc/hosts`;
  }
}

/**
 * The answers oss-client's HTTP client (urllib) received while `fn` ran, seen on urllib's `urllib:response`
 * diagnostics channel. oss-client keeps nothing of an error answer but status, code, message and request id (no
 * headers, no EC); the channel shows the same answer it parsed, without changing what it sends or reads.
 */
async function observed<T>(fn: () => Promise<T>): Promise<{ value?: T; error?: unknown; responses: { headers: Record<string, unknown> }[] }> {
  const responses: { headers: Record<string, unknown> }[] = [];
  const listener = (msg: unknown) => {
    const res = (msg as { response?: { headers?: Record<string, unknown> } }).response;
    if (res?.headers) responses.push({ headers: res.headers });
  };
  subscribe('urllib:response', listener);
  try {
    return { value: await fn(), responses };
  } catch (error) {
    return { error, responses };
  } finally {
    unsubscribe('urllib:response', listener);
  }
}

export class OssClientDriver implements Driver {
  readonly name = 'oss-client';
  private OSSObject: any;
  private endpoints = new Map<string, string>();

  constructor(private readonly target: TargetInfo) {}

  async unavailable(): Promise<string | undefined> {
    try {
      this.OSSObject = (require('oss-client') as { OSSObject: unknown }).OSSObject;
    } catch {
      return 'oss-client is not installed (npm install oss-client)';
    }
    for (const e of [this.target.endpoint, this.target.secondEndpoint]) {
      if (e === undefined) continue;
      const v = virtualHostEndpoint(e);
      if ('reason' in v) return `oss-client ${v.reason}`;
      const why = await localhostSubdomainsUnresolved(v.endpoint);
      if (why) return `oss-client addresses buckets virtual-host style only, and ${why}`;
      this.endpoints.set(e, v.endpoint);
    }
    return undefined;
  }

  withCredentials(credentials: Credentials): OssClientDriver {
    return new OssClientDriver({ ...this.target, ...credentials });
  }

  cannot(api: Api, p: Params): string | undefined {
    const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
    if (raw) return `oss-client builds the request itself (${raw})`;
    if (api === 'RestoreObject') return 'oss-client has no restore (src/OSSObject.ts has it commented out)';
    if (api === 'PutSymlink' || api === 'GetSymlink' || api === 'AppendObject') {
      // OSSObject.ts putSymlink(name, target, {storageClass, meta}), getSymlink(name, {versionId}), append(name, file, {position}).
      const allowed: Record<string, string[]> = { PutSymlink: ['target'], GetSymlink: ['versionId'], AppendObject: ['position'] };
      const extra = Object.keys(p.request ?? {}).find((k) => !allowed[api]!.includes(k));
      if (extra) return `OSSObject's ${api === 'AppendObject' ? 'append' : api[0]!.toLowerCase() + api.slice(1)}() takes no ${extra}`;
    } else if (!SUPPORTED.has(api)) return `oss-client has object calls only (no ${api})`;
    if (api === 'ProcessObject') return 'processObjectSave returns only res and status: the JSON result is dropped (OSSObject.js processObjectSave)';
    if (!OSS_CLIENT_BUCKET.test(p.bucket)) return 'the OSSObject constructor checks bucket names (checkBucketName.js)';
    if (p.sourceBucket !== undefined && !OSS_CLIENT_BUCKET.test(p.sourceBucket)) return 'copy() checks the source bucket name (checkBucketName.js)';
    if (api === 'PutObjectTagging') {
      const tags = p.tagSet ?? [];
      const bad = tags.length > 10 || new Set(tags.map((t) => t.key)).size !== tags.length || tags.some((t) => !TAG.test(t.key) || t.key.length > 128 || (t.value !== '' && !TAG.test(t.value)) || t.value.length > 256);
      if (bad) return 'putObjectTagging refuses such a tag set before sending (checkObjectTag.js: ≤ 10 unique tags, key ≤ 128, value ≤ 256, limited characters)';
    }
    if (api === 'CopyObject') {
      // copy() switches to REPLACE whenever metadata or a standard header is given, like ali-oss.
      const replacing = p.metadata !== undefined || COPY_REPLACES.some((k) => p[k] !== undefined);
      if (replacing && (p.metadataDirective ?? 'COPY').toUpperCase() === 'COPY') return 'copy() switches to REPLACE whenever metadata or a standard header is given';
    }
    return undefined;
  }

  private client(bucket: string, region?: string): any {
    const second = region !== undefined && region === this.target.secondRegion && this.target.secondEndpoint;
    const endpoint = second ? this.target.secondEndpoint! : this.target.endpoint;
    return new this.OSSObject({
      endpoint: this.endpoints.get(endpoint) ?? endpoint,
      region: `oss-${region ?? this.target.region}`,
      accessKeyId: this.target.accessKeyId,
      accessKeySecret: this.target.accessKeySecret,
      bucket,
      timeout: 120_000,
    });
  }

  /** Object headers, lower-case: oss-client looks for `content-type` in lower case before guessing one from the key. */
  private headersOf(p: Params): Record<string, string> {
    return defined({
      'content-type': p.contentType,
      'cache-control': p.cacheControl,
      'content-disposition': p.contentDisposition,
      'content-encoding': p.contentEncoding,
      'content-language': p.contentLanguage,
      expires: p.expires,
      'x-oss-object-acl': p.acl,
      'x-oss-storage-class': p.storageClass,
      'x-oss-tagging': p.tagging,
      'x-oss-forbid-overwrite': p.forbidOverwrite === undefined ? undefined : String(p.forbidOverwrite),
      'x-oss-server-side-encryption': p.serverSideEncryption,
      'x-oss-callback': p.callback,
      'x-oss-callback-var': p.callbackVar,
    });
  }

  private readHeadersOf(p: Params): Record<string, string> {
    return defined(readHeaders(p));
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const r = await observed(() => this.send(api, p));
    if (r.error === undefined) return r.value!;
    const err = r.error as any;
    if (err?.name !== 'OSSClientError' || typeof err.status !== 'number') throw err;
    // Only when this call alone was in flight is the one answer seen its own.
    const headers = r.responses.length === 1 ? lower(r.responses[0]!.headers) : {};
    // The message leads with "[request-id=…, response-code=…, response-host=…] " and may end in " (condition=…)".
    const message = String(err.message)
      .replace(/^\[request-id=[^\]]*\] /, '')
      .replace(/ \(condition=[^)]*\)$/, '');
    return {
      status: err.status,
      code: err.code,
      // A body-less answer (HEAD) carries no message: oss-client's own text is not the server's.
      message: MADE_UP.test(message) ? undefined : message,
      // The EC is in the error document, which oss-client drops, and in x-oss-ec.
      ec: headers['x-oss-ec'],
      requestId: err.requestId || headers['x-oss-request-id'] || undefined,
      headers,
    };
  }

  private async send(api: Api, p: Params): Promise<Outcome> {
    const c = this.client(p.bucket, p.region);
    const key = p.key ?? '';
    const v = p.versionId ? { versionId: p.versionId } : {};
    const done = (res: any, data?: Outcome['data'], body?: Buffer): Outcome => {
      const headers = lower(res?.headers);
      return { status: res.status, requestId: headers['x-oss-request-id'], headers, ...(data ? { data } : {}), ...(body ? { body } : {}) };
    };
    const decode = (x: string | undefined | null) => (x == null ? undefined : p.encodingType === 'url' ? decodeURIComponent(x) : x);
    {
      switch (api) {
        case 'PutObject': {
          const headers = { ...this.headersOf(p), ...(p.contentMd5 ? { 'content-md5': p.contentMd5 } : {}) };
          return done((await c.put(key, Buffer.from(p.body ?? ''), { headers, meta: p.metadata })).res);
        }
        case 'GetObject': {
          // `process` is x-oss-process (OSSObject.js #objectRequestParams options).
          const r = await c.get(key, { ...v, headers: this.readHeadersOf(p), ...(p.imageProcess ? { process: p.imageProcess } : {}) });
          return done(r.res, undefined, Buffer.isBuffer(r.content) ? r.content : Buffer.from(r.content ?? ''));
        }
        case 'HeadObject':
          // head() takes sub-resources, not `process` (OSSObject.js head).
          return done((await c.head(key, { ...v, headers: this.readHeadersOf(p), ...(p.imageProcess ? { subres: { 'x-oss-process': p.imageProcess } } : {}) })).res);
        case 'DeleteObject':
          return done((await c.delete(key, { ...v })).res);
        case 'CopyObject': {
          // copy() sends each given header also as `x-oss-copy-source-<name>`; the source conditions are given
          // under their own names, so the extra copies it adds are `x-oss-copy-source-x-oss-…`, which OSS ignores.
          const headers = defined({
            ...this.headersOf(p),
            'x-oss-metadata-directive': p.metadataDirective,
            'x-oss-tagging-directive': p.taggingDirective,
            'x-oss-copy-source-if-match': p.ifMatch,
            'x-oss-copy-source-if-none-match': p.ifNoneMatch,
            'x-oss-copy-source-if-modified-since': p.ifModifiedSince,
            'x-oss-copy-source-if-unmodified-since': p.ifUnmodifiedSince,
          });
          const r = await c.copy(key, p.sourceKey, p.sourceBucket ?? p.bucket, { headers, ...(p.metadata ? { meta: p.metadata } : {}), ...(p.sourceVersionId ? { versionId: p.sourceVersionId } : {}) });
          if (r.res.status === 304 || !r.data) return done(r.res);
          return done(r.res, { etag: r.data.etag, lastModified: r.data.lastModified });
        }
        case 'PutObjectAcl':
          return done((await c.putACL(key, p.acl, { ...v })).res);
        case 'GetObjectAcl': {
          const r = await c.getACL(key, { ...v });
          return done(r.res, { acl: r.acl });
        }
        case 'PutObjectTagging':
          return done((await c.putObjectTagging(key, Object.fromEntries((p.tagSet ?? []).map((t) => [t.key, t.value])), { ...v })).res);
        case 'GetObjectTagging': {
          const r = await c.getObjectTagging(key, { ...v });
          return done(r.res, { tags: Object.entries(r.tag ?? {}).map(([k, val]) => ({ key: k, value: String(val ?? '') })) });
        }
        case 'DeleteObjectTagging':
          return done((await c.deleteObjectTagging(key, { ...v })).res);
        case 'ListObjects':
        case 'ListObjectsV2': {
          const common = defined({ prefix: p.prefix, delimiter: p.delimiter, 'max-keys': p.maxKeys === undefined ? undefined : String(p.maxKeys), 'encoding-type': p.encodingType });
          const r =
            api === 'ListObjects'
              ? await c.list(defined({ ...common, marker: p.marker }))
              : await c.listV2({ ...common, ...defined({ 'start-after': p.startAfter, 'continuation-token': p.continuationToken }), ...(p.fetchOwner ? { 'fetch-owner': true } : {}) });
          // Like ali-oss, oss-client hands listings over as OSS wrote them: decoding `encoding-type=url` is ours.
          const contents: ListedObject[] = (r.objects ?? []).map((o: any) => listedFromAliShape(o, decode));
          return done(r.res, {
            contents,
            commonPrefixes: (r.prefixes ?? []).map((x: string) => decode(x)),
            isTruncated: r.isTruncated,
            nextMarker: decode(r.nextMarker),
            nextContinuationToken: decode(r.nextContinuationToken),
            keyCount: Number.isNaN(r.keyCount) ? undefined : r.keyCount,
          });
        }
        case 'PutSymlink':
          return done((await c.putSymlink(key, String(p.request?.target ?? ''), {})).res);
        case 'GetSymlink': {
          const r = await c.getSymlink(key, p.request?.versionId !== undefined ? { versionId: String(p.request.versionId) } : {});
          // getSymlink() decodes the target (OSSObject.ts); the ETag is the answer's own.
          return done(r.res, { result: { target: r.targetName, etag: lower(r.res?.headers).etag } });
        }
        case 'AppendObject': {
          const r = await c.append(key, Buffer.from(p.body ?? ''), { position: String(p.request?.position ?? 0) });
          const h = lower(r.res?.headers);
          return done(r.res, { result: { nextPosition: Number(r.nextAppendPosition), hashCrc64: h['x-oss-hash-crc64ecma'], ...(h['x-oss-version-id'] ? { versionId: h['x-oss-version-id'] } : {}) } });
        }
        default:
          throw new Error(`oss-client has no call for ${api} (OssClientDriver.cannot says so)`);
      }
    }
  }
}
