// One OSS request on the wire: address it (path style for IP/localhost endpoints, virtual-hosted otherwise, as
// PY2 `_client.py::_build_url` does), sign it (V4 by default, V1 on request), send it with fetch, and turn a
// non-2xx answer into an OssServiceError.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { parseErrorResponse } from './errors.js';
import type { Credentials, SignableRequest } from './signer/request.js';
import { uriEncode } from './signer/request.js';
import { signV1 } from './signer/v1.js';
import { signV4 } from './signer/v4.js';
import { presignV1, presignV4, encodeQuery } from './signer/presign.js';
import { signPostForm, type PostFormInput } from './signer/postPolicy.js';

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
  body: Readable;
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

  /** Sends a request; the body is read in full unless `stream` (GetObject), so every socket is released. */
  async send(req: WireRequest, stream = false): Promise<WireResponse> {
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
    const url = this.url(req.bucket, req.key, query);
    const res = this.options.fetch ? await this.viaFetch(url, req.method, headers, req.body) : await viaHttp(url, req.method, headers, req.body);
    if (res.status >= 300) {
      const text = req.method === 'HEAD' ? '' : await readText(res.body);
      throw parseErrorResponse(res.status, res.headers, text);
    }
    const body = stream ? res.body : Readable.from([Buffer.from(await readText(res.body), 'utf8')]);
    return { ...res, body, requestId: res.headers['x-oss-request-id'] ?? '' };
  }

  /** A caller-supplied fetch (tests, proxies). Note fetch decodes Content-Encoding; node:http (default) does not. */
  private async viaFetch(url: string, method: string, headers: Record<string, string>, body?: Body): Promise<Omit<WireResponse, 'requestId'>> {
    let init: BodyInit | undefined;
    if (body === undefined) init = undefined;
    else if (typeof body === 'string' || body instanceof Uint8Array) init = body as BodyInit;
    else init = Readable.toWeb(Readable.from(body as AsyncIterable<Uint8Array>)) as unknown as BodyInit;
    const res = await this.fetchImpl(url, {
      method,
      headers,
      body: init,
      ...(init !== undefined && !(typeof init === 'string' || init instanceof Uint8Array) ? { duplex: 'half' } : {}),
    } as RequestInit);
    const out: Record<string, string> = {};
    res.headers.forEach((v, k) => (out[k] = v));
    return { status: res.status, headers: out, body: res.body ? Readable.fromWeb(res.body as never) : Readable.from([]) };
  }

  /** PostObject's form: the bucket's URL and the signed fields (V4 unless the client signs V1). */
  presignPost(input: Omit<PostFormInput, 'credentials' | 'region' | 'signatureVersion' | 'now'>): { url: string; fields: Record<string, string> } {
    const fields = signPostForm({
      ...input,
      credentials: this.options.credentials,
      region: this.options.region,
      signatureVersion: this.options.signatureVersion ?? 'v4',
      now: new Date(),
    });
    return { url: this.url(input.bucket, undefined, []).replace(/\/$/, ''), fields };
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

export async function readText(body: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of body) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/**
 * node:http(s): bytes come back exactly as stored. fetch would inflate a `Content-Encoding: deflate` object
 * (OSS stores that header as metadata; the body is whatever was uploaded) and fail on bytes that are not deflate.
 */
function viaHttp(url: string, method: string, headers: Record<string, string>, body?: Body): Promise<Omit<WireResponse, 'requestId'>> {
  const u = new URL(url);
  const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(u, { method, headers }, (res) => {
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
      resolve({ status: res.statusCode ?? 0, headers: out, body: res });
    });
    req.on('error', reject);
    if (body === undefined) req.end();
    else if (typeof body === 'string' || body instanceof Uint8Array) req.end(body);
    else {
      const source = body instanceof Readable ? body : Readable.from(body as AsyncIterable<Uint8Array>);
      source.on('error', (err) => req.destroy(err));
      source.pipe(req);
    }
  });
}
