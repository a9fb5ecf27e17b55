// raw: hand-built, hand-signed HTTP (V4, or V1 with `signatureVersion: 'v1'`), to test what SDKs hide: exact
// headers, copy-source encodings, wrong signatures.
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import {
  buildXml,
  encodeCopySource,
  objectHeaders,
  parseErrorResponse,
  parseXml,
  signV1,
  signV4,
  uriEncode,
  encodeQuery,
  asArray,
  type SignableRequest,
} from '@local-oss/client';
import type { Api, Credentials, Driver, Outcome, Params, TargetInfo } from '../model.js';

interface Wire {
  method: string;
  bucket?: string;
  key?: string;
  query?: [string, string | undefined][];
  headers?: Record<string, string | undefined>;
  body?: string | Buffer;
}

function str(node: unknown, name: string): string | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  const v = (node as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
}

export class RawDriver implements Driver {
  readonly name: string;

  constructor(
    private readonly target: TargetInfo,
    private readonly signatureVersion: 'v4' | 'v1' = 'v4',
  ) {
    this.name = signatureVersion === 'v4' ? 'raw' : 'raw-v1';
  }

  async unavailable(): Promise<string | undefined> {
    return undefined;
  }

  withCredentials(credentials: Credentials): RawDriver {
    return new RawDriver({ ...this.target, ...credentials }, this.signatureVersion);
  }

  cannot(): string | undefined {
    return undefined;
  }

  private wire(api: Api, p: Params): Wire {
    const versionQuery: [string, string][] = p.versionId !== undefined ? [['versionId', p.versionId]] : [];
    switch (api) {
      case 'PutBucket':
        return { method: 'PUT', bucket: p.bucket, headers: { 'x-oss-acl': p.acl } };
      case 'DeleteBucket':
        return { method: 'DELETE', bucket: p.bucket };
      case 'PutBucketVersioning':
        return { method: 'PUT', bucket: p.bucket, query: [['versioning', undefined]], body: buildXml('VersioningConfiguration', { Status: p.status! }) };
      case 'PutObject':
        return { method: 'PUT', bucket: p.bucket, key: p.key, headers: { ...objectHeaders(p), 'content-language': p.contentLanguage }, body: p.body ?? '' };
      case 'GetObject':
        return { method: 'GET', bucket: p.bucket, key: p.key, query: versionQuery };
      case 'HeadObject':
        return { method: 'HEAD', bucket: p.bucket, key: p.key, query: versionQuery };
      case 'DeleteObject':
        return { method: 'DELETE', bucket: p.bucket, key: p.key, query: versionQuery };
      case 'CopyObject':
        return {
          method: 'PUT',
          bucket: p.bucket,
          key: p.key,
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
      case 'GetObjectAcl':
        return { method: 'GET', bucket: p.bucket, key: p.key, query: [['acl', undefined], ...versionQuery] };
      case 'GetObjectTagging':
        return { method: 'GET', bucket: p.bucket, key: p.key, query: [['tagging', undefined], ...versionQuery] };
      case 'ListObjectVersions':
        return { method: 'GET', bucket: p.bucket, query: [['versions', undefined], ['max-keys', '1000']] };
      case 'InitiateBucketWorm':
        return {
          method: 'POST',
          bucket: p.bucket,
          query: [['worm', undefined]],
          body: buildXml('InitiateWormConfiguration', { RetentionPeriodInDays: String(p.retentionPeriodInDays) }),
        };
      case 'CompleteBucketWorm':
        return { method: 'POST', bucket: p.bucket, query: [['wormId', p.wormId!]] };
      case 'AbortBucketWorm':
        return { method: 'DELETE', bucket: p.bucket, query: [['worm', undefined]] };
      case 'GetBucketWorm':
        return { method: 'GET', bucket: p.bucket, query: [['worm', undefined]] };
    }
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const w = this.wire(api, p);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...w.headers, ...p.rawHeaders })) if (v !== undefined) headers[k.toLowerCase()] = v;
    if (w.body !== undefined) headers['content-type'] ??= 'application/octet-stream';
    const query = w.query ?? [];
    const signable: SignableRequest = { method: w.method, bucket: w.bucket, key: w.key, query, headers };
    const creds = {
      accessKeyId: p.signWithAccessKeyId ?? this.target.accessKeyId,
      accessKeySecret: p.signWithSecret ?? this.target.accessKeySecret,
    };
    const now = new Date();
    if (this.signatureVersion === 'v1') {
      headers['x-oss-date'] = now.toUTCString();
      headers.authorization = signV1(signable, creds, headers['x-oss-date']);
    } else {
      const signed = signV4(signable, creds, {
        region: p.region ?? this.target.region,
        datetime: now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''),
      });
      Object.assign(headers, signed.headers);
      headers.authorization = signed.authorization;
    }
    for (const [k, v] of Object.entries(p.afterSigning ?? {})) headers[k.toLowerCase()] = v;
    const useSecond = p.region !== undefined && p.region === this.target.secondRegion && this.target.secondEndpoint;
    const base = new URL(useSecond ? this.target.secondEndpoint! : this.target.endpoint);
    const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(base.hostname) || base.hostname.startsWith('[');
    let path: string;
    let connect = base;
    if (w.bucket === undefined || isIp) {
      path = w.bucket === undefined ? '/' : `/${w.bucket}/${w.key === undefined ? '' : uriEncode(w.key, true)}`;
    } else {
      // Virtual-hosted: the bucket leads the host name. `localhost` names stay on the loopback address.
      path = `/${w.key === undefined ? '' : uriEncode(w.key, true)}`;
      headers.host = `${w.bucket}.${base.host}`;
      connect = new URL(`${base.protocol}//${base.hostname === 'localhost' ? '127.0.0.1' : `${w.bucket}.${base.hostname}`}${base.port ? ':' + base.port : ''}`);
    }
    const qs = encodeQuery(query.map(([k, v]): [string, string] => [k, v ?? '']));
    const res = await send(connect, w.method, path + (qs ? `?${qs}` : ''), headers, w.body);
    return this.outcome(api, res);
  }

  private outcome(api: Api, res: { status: number; headers: Record<string, string>; body: Buffer }): Outcome {
    const out: Outcome = { status: res.status, headers: res.headers, requestId: res.headers['x-oss-request-id'], body: res.body };
    if (res.status >= 300) {
      if (res.status !== 304 || res.headers['x-oss-err']) {
        const err = parseErrorResponse(res.status, res.headers, res.body.toString('utf8'));
        out.code = err.code === 'BadErrorResponse' ? undefined : err.code;
        out.message = err.details.Message;
        out.ec = err.ec;
      }
      return out;
    }
    const text = res.body.toString('utf8');
    const doc = text.startsWith('<?xml') ? parseXml(text) : undefined;
    if (api === 'GetObjectAcl') out.data = { acl: str((doc?.AccessControlPolicy as Record<string, unknown>)?.AccessControlList, 'Grant') };
    if (api === 'GetObjectTagging') {
      const set = (doc?.Tagging as Record<string, unknown> | undefined)?.TagSet as Record<string, unknown> | undefined;
      out.data = { tags: asArray(set?.Tag as Record<string, unknown>[]).map((t) => ({ key: str(t, 'Key') ?? '', value: str(t, 'Value') ?? '' })) };
    }
    if (api === 'ListObjectVersions') {
      const root = doc?.ListVersionsResult as Record<string, unknown> | undefined;
      const entry = (deleteMarker: boolean) => (v: Record<string, unknown>) => ({
        key: str(v, 'Key') ?? '',
        versionId: str(v, 'VersionId') ?? '',
        isLatest: str(v, 'IsLatest') === 'true',
        deleteMarker,
      });
      out.data = {
        versions: [
          ...asArray(root?.Version as Record<string, unknown>[]).map(entry(false)),
          ...asArray(root?.DeleteMarker as Record<string, unknown>[]).map(entry(true)),
        ],
      };
    }
    if (api === 'InitiateBucketWorm') out.data = { wormId: res.headers['x-oss-worm-id'] };
    if (api === 'GetBucketWorm') {
      const w = doc?.WormConfiguration;
      out.data = { wormId: str(w, 'WormId'), wormState: str(w, 'State') };
    }
    if (api === 'CopyObject') {
      const r = doc?.CopyObjectResult;
      out.data = { etag: str(r, 'ETag'), lastModified: str(r, 'LastModified') };
    }
    return out;
  }
}

function send(
  base: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const fn = base.protocol === 'https:' ? requestTls : request;
  return new Promise((resolve, reject) => {
    const req = fn({ protocol: base.protocol, hostname: base.hostname, port: base.port, method, path, headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => {
        const h: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) h[k] = Array.isArray(v) ? v.join(', ') : v;
        resolve({ status: res.statusCode ?? 0, headers: h, body: Buffer.concat(parts) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
