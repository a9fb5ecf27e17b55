// One OSS request on the wire: address it (path style for IP/localhost endpoints, virtual-hosted otherwise, as
// PY2 `_client.py::_build_url` does), sign it (V4 by default, V1 on request), send it with fetch, and turn a
// non-2xx answer into an OssServiceError.
import { Readable } from 'node:stream';
import { parseErrorResponse } from './errors.js';
import type { Credentials, SignableRequest } from './signer/request.js';
import { uriEncode } from './signer/request.js';
import { signV1 } from './signer/v1.js';
import { signV4 } from './signer/v4.js';
import { presignV1, presignV4, encodeQuery } from './signer/presign.js';

export type Body = string | Uint8Array | Readable | AsyncIterable<Uint8Array>;

export interface TransportOptions {
  endpoint: string;
  /** Bare region id, e.g. cn-hangzhou. */
  region: string;
  credentials: Credentials;
  signatureVersion?: 'v4' | 'v1';
  /** Default: path style when the endpoint host is an IP address or localhost. */
  usePathStyle?: boolean;
  fetch?: typeof fetch;
}

export interface WireRequest {
  method: string;
  bucket?: string;
  key?: string;
  query?: [string, string | undefined][];
  headers?: Record<string, string | undefined>;
  body?: Body;
}

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: ReadableStream<Uint8Array> | null;
  requestId: string;
}

function v4Time(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export class Transport {
  private readonly base: URL;
  private readonly pathStyle: boolean;
  private readonly fetchImpl: typeof fetch;

  constructor(readonly options: TransportOptions) {
    const endpoint = /^https?:\/\//.test(options.endpoint) ? options.endpoint : `https://${options.endpoint}`;
    this.base = new URL(endpoint);
    const host = this.base.hostname;
    const isIp = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[');
    this.pathStyle = options.usePathStyle ?? (isIp || host === 'localhost');
    this.fetchImpl = options.fetch ?? fetch;
  }

  url(bucket: string | undefined, key: string | undefined, query: [string, string | undefined][]): string {
    const keyPath = key === undefined ? '' : uriEncode(key, true);
    let origin = this.base.origin;
    let path: string;
    if (bucket === undefined) path = '/';
    else if (this.pathStyle) path = `/${bucket}/${keyPath}`;
    else {
      origin = `${this.base.protocol}//${bucket}.${this.base.host}`;
      path = `/${keyPath}`;
    }
    const qs = encodeQuery(query.map(([k, v]): [string, string] => [k, v ?? '']));
    return `${origin}${path}${qs ? '?' + qs : ''}`;
  }

  async send(req: WireRequest): Promise<WireResponse> {
    const query = req.query ?? [];
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
    // fetch would otherwise add its own Content-Type (text/plain for strings) after signing, breaking the signature.
    if (req.body !== undefined) headers['content-type'] ??= 'application/octet-stream';
    // Content-Length is not signed; fetch sets it for string and byte bodies.
    const signable: SignableRequest = { method: req.method, bucket: req.bucket, key: req.key, query, headers };
    const now = new Date();
    if (this.options.signatureVersion === 'v1') {
      headers['x-oss-date'] = now.toUTCString();
      if (this.options.credentials.securityToken) headers['x-oss-security-token'] = this.options.credentials.securityToken;
      headers.authorization = signV1(signable, this.options.credentials, headers['x-oss-date']);
    } else {
      const signed = signV4(signable, this.options.credentials, { region: this.options.region, datetime: v4Time(now) });
      Object.assign(headers, signed.headers);
      headers.authorization = signed.authorization;
    }
    let body: BodyInit | undefined;
    if (req.body === undefined) body = undefined;
    else if (typeof req.body === 'string' || req.body instanceof Uint8Array) body = req.body as BodyInit;
    else body = Readable.toWeb(Readable.from(req.body as AsyncIterable<Uint8Array>)) as unknown as BodyInit;
    const res = await this.fetchImpl(this.url(req.bucket, req.key, query), {
      method: req.method,
      headers,
      body,
      ...(body !== undefined && !(typeof body === 'string' || body instanceof Uint8Array) ? { duplex: 'half' } : {}),
    } as RequestInit);
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    if (res.status >= 300) {
      const text = req.method === 'HEAD' ? '' : await res.text();
      throw parseErrorResponse(res.status, out, text);
    }
    return { status: res.status, headers: out, body: res.body, requestId: out['x-oss-request-id'] ?? '' };
  }

  /** A presigned URL (V4 unless the client signs V1). */
  presign(req: WireRequest, expiresSeconds: number): { url: string; expiration: Date; signedHeaders: Record<string, string> } {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers ?? {})) if (v !== undefined) headers[k.toLowerCase()] = v;
    const signable: SignableRequest = { method: req.method, bucket: req.bucket, key: req.key, query: req.query ?? [], headers };
    const now = new Date();
    const expiration = new Date(Math.floor(now.getTime() / 1000) * 1000 + expiresSeconds * 1000);
    const params =
      this.options.signatureVersion === 'v1'
        ? presignV1(signable, this.options.credentials, Math.floor(expiration.getTime() / 1000))
        : presignV4(signable, this.options.credentials, { region: this.options.region, datetime: v4Time(now), expiresSeconds });
    return { url: this.url(req.bucket, req.key, params), expiration, signedHeaders: headers };
  }
}
