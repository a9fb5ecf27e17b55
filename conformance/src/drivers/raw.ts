// raw: hand-built, hand-signed HTTP (V4, or V1 / V2 with `signatureVersion: 'v1' | 'v2'`; V2 only for the corpus), to test what SDKs hide: exact
// headers, copy-source encodings, wrong or missing signatures, old dates, framing without Content-Length.
import { request } from 'node:http';
import { request as requestTls } from 'node:https';
import { parseErrorResponse, signPostForm, signV1, signV2, signV4, uriEncode, encodeQuery, type SignableRequest } from '@local-oss/client';
import { bucketUrl, postConditions, postExpiration, postFormData, sendForm } from './postForm.js';
import type { Api, Credentials, Driver, Outcome, Params, TargetInfo } from '../model.js';
import { resultData } from './resultXml.js';
import { wireOf, type Wire } from './rawWire.js';

export class RawDriver implements Driver {
  readonly name: string;

  constructor(
    private readonly target: TargetInfo,
    readonly signatureVersion: 'v4' | 'v1' | 'v2' = 'v4',
  ) {
    this.name = signatureVersion === 'v4' ? 'raw' : `raw-${signatureVersion}`;
  }

  async unavailable(): Promise<string | undefined> {
    return undefined;
  }

  withCredentials(credentials: Credentials): RawDriver {
    return new RawDriver({ ...this.target, ...credentials }, this.signatureVersion);
  }

  cannot(api: Api): string | undefined {
    if (api === 'PostObject' && this.signatureVersion === 'v2') return 'a PostObject form is signed V1 or V4 (API reference PostObject)';
    return api === 'CopierCopy' ? 'a copy manager is SDK logic; raw HTTP sends single requests' : undefined;
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    if (api === 'PostObject') return this.postForm(p);
    return this.outcome(api, await this.send(wireOf(api, p), p));
  }

  /**
   * PostObject: the form signed by the client's pure signer (V4, or V1 for raw-v1) in the body, no header
   * signature; `signWithSecret` / `signWithAccessKeyId` forge it, `anonymous` sends no signature fields at all.
   */
  private async postForm(p: Params): Promise<Outcome> {
    const credentials = { accessKeyId: p.signWithAccessKeyId ?? this.target.accessKeyId, accessKeySecret: p.signWithSecret ?? this.target.accessKeySecret };
    const signed = p.anonymous
      ? {}
      : signPostForm({
          bucket: p.bucket,
          credentials,
          region: p.region ?? this.target.region,
          // A form has V1 and V4 signatures only (API reference PostObject); cannot() keeps raw-v2 from forms.
          signatureVersion: this.signatureVersion === 'v4' ? 'v4' : 'v1',
          now: p.signedAt ?? new Date(),
          expiration: postExpiration(p),
          conditions: postConditions(p),
        });
    return sendForm(bucketUrl(this.target, p.bucket), postFormData(p, signed));
  }

  /**
   * Signs and sends one hand-described request (the corpus replays requests no `Api` names: AppendObject,
   * DeleteMultipleObjects, GetObjectMeta …); `p` carries only the raw-only options (rawHeaders, signWithSecret …).
   */
  async send(w: Wire, p: Partial<Params> = {}): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries({ ...w.headers, ...p.rawHeaders })) if (v !== undefined) headers[k.toLowerCase()] = v;
    if (w.body !== undefined) headers['content-type'] ??= 'application/octet-stream';
    const query = w.query ?? [];
    const signable: SignableRequest = { method: w.method, bucket: w.bucket, key: w.key, query, headers };
    const creds = {
      accessKeyId: p.signWithAccessKeyId ?? this.target.accessKeyId,
      accessKeySecret: p.signWithSecret ?? this.target.accessKeySecret,
    };
    const now = p.signedAt ?? new Date();
    if (p.anonymous) {
      headers.date = now.toUTCString();
    } else if (this.signatureVersion === 'v1') {
      headers['x-oss-date'] = now.toUTCString();
      headers.authorization = signV1(signable, creds, headers['x-oss-date']);
    } else if (this.signatureVersion === 'v2') {
      // As oss2's AuthV2 signs (auth.py ProviderAuthV2): the Date header, no additional headers unless listed.
      headers.date = now.toUTCString();
      headers.authorization = signV2(signable, creds, headers.date);
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
    return send(connect, w.method, path + (qs ? `?${qs}` : ''), headers, w.body, p.omitContentLength);
  }

  private outcome(api: Api, res: { status: number; headers: Record<string, string>; body: Buffer }): Outcome {
    const out: Outcome = { status: res.status, headers: res.headers, requestId: res.headers['x-oss-request-id'], body: res.body };
    // 203 is an upload whose callback failed: its body is the CallbackFailed document (behaviour §9.14).
    if (res.status >= 300 || res.status === 203) {
      if (res.status !== 304 || res.headers['x-oss-err']) {
        const err = parseErrorResponse(res.status, res.headers, res.body.toString('utf8'));
        out.code = err.code === 'BadErrorResponse' ? undefined : err.code;
        out.message = err.details.Message;
        out.ec = err.ec;
      }
      return out;
    }
    const data = resultData(api, res.headers, res.body);
    if (data) out.data = data;
    return out;
  }
}

function send(
  base: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Buffer,
  omitContentLength = false,
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
    // Node frames a body-less PUT with `Content-Length: 0`; without chunked encoding by default it sends neither
    // that nor Transfer-Encoding (node:_http_outgoing `_storeHeader`).
    if (omitContentLength) (req as unknown as { useChunkedEncodingByDefault: boolean }).useChunkedEncodingByDefault = false;
    req.end(omitContentLength ? undefined : body);
  });
}
