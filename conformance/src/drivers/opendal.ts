// opendal: Apache OpenDAL's Node binding (npm `opendal`, its Rust `oss` service and reqsign's V1 signing), pinned at
// 0.47.x because 0.48 and later need glibc 2.38, newer than Debian 12's. It is a storage abstraction, not an OSS
// SDK: an Operator per bucket with write / read / stat / delete / copy / list over paths, and nothing for ACLs,
// tags, versions, conditions or multipart. Like oss-client it addresses buckets virtual-host style only.
//
// OpenDAL reports nothing of a successful answer (no status, headers or request id) and folds an error answer into
// a message. So the driver puts a recording proxy between the Operator and the target, in this process: OpenDAL
// talks to `http://localhost:<proxy port>` (`<bucket>.localhost` resolves to loopback, libnss-myhostname), the
// proxy forwards every request unchanged but for the Host port (the V1 signature does not cover Host) and keeps
// the status, headers and error body it relays — the answer OpenDAL itself read, as oss-client's driver reads it
// off urllib's diagnostics channel. What OpenDAL parsed (bodies, listings) comes from OpenDAL.
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { request as requestTls } from 'node:https';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { parseErrorResponse } from '@local-oss/client';
import { RAW_ONLY_PARAMS, type Api, type Credentials, type Driver, type ListedObject, type Outcome, type Params, type TargetInfo } from '../model.js';
import { localhostSubdomainsUnresolved, virtualHostEndpoint } from './oss-client.js';
import { resultData } from './resultXml.js';

const require = createRequire(import.meta.url);

/* eslint-disable @typescript-eslint/no-explicit-any */

/** What each call can carry besides bucket and key: OpenDAL's options for it (opendal 0.47 index.d.ts). */
const EXPRESSIBLE: Partial<Record<Api, (keyof Params)[]>> = {
  PutObject: ['body', 'contentType', 'contentDisposition', 'cacheControl'],
  GetObject: [],
  HeadObject: [],
  DeleteObject: [],
  CopyObject: ['sourceKey'],
  ListObjectsV2: ['prefix', 'delimiter'],
};
const ALWAYS: (keyof Params)[] = ['bucket', 'key', 'region'];
/** A result or error document larger than this is not kept (listings of 1000 entries are ~300 KiB). */
const MAX_DOCUMENT = 4 * 1024 * 1024;

/** A key OpenDAL would hand over unchanged: it normalises paths (no leading `/`, `//` collapsed, a trailing `/` is a directory). */
export function openDalKeeps(key: string): boolean {
  return key !== '' && !key.startsWith('/') && !key.endsWith('/') && !key.includes('//');
}

interface Relayed {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function flat(h: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** The in-process proxy: forwards to `upstream`, keeps what it relayed. Bodies stream through; only an error answer's document is kept. */
class RecordingProxy {
  readonly answers: Relayed[] = [];
  private server?: Server;
  private port = 0;

  constructor(private readonly upstream: URL) {}

  async start(): Promise<string> {
    if (this.server) return `http://localhost:${this.port}`;
    this.server = createServer((req, res) => {
      // `<bucket>.localhost:<proxy port>` → `<bucket>.<upstream host>`.
      // A loopback upstream is named `localhost` (virtualHostEndpoint: `<bucket>.127.0.0.1` is no host name).
      const bucket = /^([^.]+)\.localhost(:\d+)?$/i.exec(req.headers.host ?? '')?.[1];
      const loopback = this.upstream.hostname === 'localhost' || /^127\./.test(this.upstream.hostname);
      const upstreamHost = loopback ? `localhost${this.upstream.port ? ':' + this.upstream.port : ''}` : this.upstream.host;
      const host = bucket ? `${bucket}.${upstreamHost}` : upstreamHost;
      const send = this.upstream.protocol === 'https:' ? requestTls : request;
      const up = send(
        {
          protocol: this.upstream.protocol,
          hostname: loopback ? this.upstream.hostname : host.replace(/:\d+$/, ''),
          port: this.upstream.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host },
        },
        (answer) => {
          const status = answer.statusCode ?? 0;
          const kept: Buffer[] = [];
          res.writeHead(status, answer.headers);
          // An error document or a result document is kept (bounded); an object's bytes only pass through.
          const keep = status >= 300 || /xml/i.test(String(answer.headers['content-type'] ?? ''));
          let size = 0;
          answer.on('data', (c: Buffer) => {
            if (keep && (size += c.length) <= MAX_DOCUMENT) kept.push(c);
            res.write(c);
          });
          answer.on('end', () => {
            this.answers.push({ status, headers: flat(answer.headers), body: Buffer.concat(kept) });
            res.end();
          });
        },
      );
      up.on('error', (err) => {
        res.writeHead(502);
        res.end(String(err));
      });
      req.pipe(up);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://localhost:${this.port}`;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (s) await new Promise((resolve) => s.close(resolve));
  }
}

export class OpenDalDriver implements Driver {
  readonly name = 'opendal';
  private Operator: any;
  private readonly proxies = new Map<string, RecordingProxy>();

  constructor(private readonly target: TargetInfo) {}

  async unavailable(): Promise<string | undefined> {
    try {
      this.Operator = (require('opendal') as { Operator: unknown }).Operator;
    } catch (err) {
      return `opendal is not installed or has no build for this platform (npm install opendal@0.47; ${(err as Error).message.split('\n')[0]})`;
    }
    const why = await localhostSubdomainsUnresolved('http://localhost');
    if (why) return `opendal addresses buckets virtual-host style only (through this driver's proxy on localhost), and ${why}`;
    for (const e of [this.target.endpoint, this.target.secondEndpoint]) {
      if (e === undefined) continue;
      const v = virtualHostEndpoint(e);
      if ('reason' in v) return `opendal ${v.reason}`;
    }
    return undefined;
  }

  withCredentials(credentials: Credentials): OpenDalDriver {
    return new OpenDalDriver({ ...this.target, ...credentials });
  }

  cannot(api: Api, p: Params): string | undefined {
    const raw = RAW_ONLY_PARAMS.find((k) => p[k] !== undefined);
    if (raw) return `opendal builds the request itself (${raw})`;
    const allowed = EXPRESSIBLE[api];
    if (allowed === undefined) return `opendal is a storage abstraction over paths: write, read, stat, delete, copy and list (no ${api})`;
    if (api === 'CopyObject' && p.sourceBucket !== undefined && p.sourceBucket !== p.bucket) return 'opendal copies within its Operator\'s bucket only';
    const extra = (Object.keys(p) as (keyof Params)[]).find((k) => p[k] !== undefined && !ALWAYS.includes(k) && !allowed.includes(k) && !(k === 'sourceBucket' && p.sourceBucket === p.bucket));
    if (extra) return `opendal's ${api === 'PutObject' ? 'write() sets only Content-Type, Content-Disposition and Cache-Control' : `${api} takes no options`} (${extra})`;
    if (p.key !== undefined && !openDalKeeps(p.key)) return `opendal normalises the path ${JSON.stringify(p.key)} before sending it`;
    if (api === 'CopyObject' && !openDalKeeps(p.sourceKey ?? '')) return 'opendal normalises the source path before sending it';
    if (api === 'ListObjectsV2') {
      if (p.delimiter !== undefined && p.delimiter !== '/') return `opendal lists directories (delimiter "/") or everything below one, not by delimiter ${JSON.stringify(p.delimiter)}`;
      if (p.prefix !== undefined && p.prefix !== '' && !p.prefix.endsWith('/')) return 'opendal lists a directory: a prefix that is not a whole path segment cannot be said';
    }
    return undefined;
  }

  private async operator(bucket: string, region?: string): Promise<{ op: any; proxy: RecordingProxy }> {
    const second = region !== undefined && region === this.target.secondRegion && this.target.secondEndpoint;
    const endpoint = second ? this.target.secondEndpoint! : this.target.endpoint;
    let proxy = this.proxies.get(endpoint);
    if (!proxy) {
      proxy = new RecordingProxy(new URL(endpoint));
      this.proxies.set(endpoint, proxy);
    }
    const url = await proxy.start();
    const op = new this.Operator('oss', {
      bucket,
      endpoint: url,
      access_key_id: this.target.accessKeyId,
      access_key_secret: this.target.accessKeySecret,
      root: '/',
    });
    return { op, proxy };
  }

  async call(api: Api, p: Params): Promise<Outcome> {
    const { op, proxy } = await this.operator(p.bucket, p.region);
    proxy.answers.length = 0;
    let value: { body?: Buffer; data?: Outcome['data'] } | undefined;
    let error: unknown;
    try {
      value = await this.send(op, api, p);
    } catch (err) {
      error = err;
    }
    const last = proxy.answers[proxy.answers.length - 1];
    if (error !== undefined) {
      // An error OpenDAL raised without an error answer (a client-side refusal) is the driver's, not the server's.
      if (!last || last.status < 300) throw error;
    }
    if (!last) throw new Error(`opendal sent nothing for ${api}`);
    const out: Outcome = { status: last.status, headers: last.headers, requestId: last.headers['x-oss-request-id'] };
    if (last.status >= 300) {
      if (last.status !== 304 || last.headers['x-oss-err']) {
        const err = parseErrorResponse(last.status, last.headers, last.body.toString('utf8'));
        out.code = err.code === 'BadErrorResponse' ? undefined : err.code;
        out.message = err.details.Message;
        out.ec = err.ec;
      }
      return out;
    }
    if (value?.body) out.body = value.body;
    const documented = api === 'ListObjectsV2' ? undefined : resultData(api, last.headers, last.body);
    const data = api === 'ListObjectsV2' ? this.listed(value?.data, proxy.answers) : { ...documented, ...value?.data };
    if (data && Object.keys(data).length > 0) out.data = data;
    return out;
  }

  /** OpenDAL's paths and folders, each entry completed from the listing documents it walked (all its pages). */
  private listed(data: Outcome['data'], answers: Relayed[]): Outcome['data'] {
    const entries = new Map<string, ListedObject>();
    for (const a of answers) for (const e of resultData('ListObjectsV2', a.headers, a.body)?.contents ?? []) entries.set(e.key, e);
    return { ...data, contents: (data?.contents ?? []).map((c) => entries.get(c.key) ?? c) };
  }

  private async send(op: any, api: Api, p: Params): Promise<{ body?: Buffer; data?: Outcome['data'] }> {
    const key = p.key ?? '';
    switch (api) {
      case 'PutObject': {
        const options = Object.fromEntries(
          Object.entries({ contentType: p.contentType, contentDisposition: p.contentDisposition, cacheControl: p.cacheControl }).filter(([, v]) => v !== undefined),
        );
        await op.write(key, Buffer.from(p.body ?? ''), options);
        return {};
      }
      case 'GetObject':
        return { body: Buffer.from(await op.read(key)) };
      case 'HeadObject':
        await op.stat(key);
        return {};
      case 'DeleteObject':
        await op.delete(key);
        return {};
      case 'CopyObject':
        await op.copy(p.sourceKey, key);
        return {};
      case 'ListObjectsV2': {
        // Without a delimiter OpenDAL lists recursively (it sends `delimiter=` empty), and walks every page itself.
        const entries: any[] = await op.list(p.prefix ?? '', p.delimiter === '/' ? {} : { recursive: true });
        const paths = entries.map((e) => String(e.path()));
        return {
          data: {
            contents: paths.filter((x) => !x.endsWith('/')).map((k) => ({ key: k }) as ListedObject),
            commonPrefixes: paths.filter((x) => x.endsWith('/') && x !== (p.prefix ?? '')),
            isTruncated: false,
          },
        };
      }
      default:
        throw new Error(`opendal has no call for ${api} (OpenDalDriver.cannot says so)`);
    }
  }

  async close(): Promise<void> {
    for (const proxy of this.proxies.values()) await proxy.close();
    this.proxies.clear();
  }
}
