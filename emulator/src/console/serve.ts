// The web console under /-/console (issue 24; README "Web console"), answered by the admin middleware after its
// access rule (loopback or the owner's key, admin/admin.ts):
//   GET  /-/console                  the page (console/page.ts)
//   GET  /-/console/console.css      its style sheet
//   GET  /-/console/ui/<name>.js     its modules, compiled by tsc from console/ui/ into dist (no bundler, no CDN)
//   ANY  /-/console/oss/<path>?<q>   a thin proxy: the same request, signed with the owner's key (V1), sent to
//                                    this emulator's own OSS API; the answer comes back as OSS gave it
// The proxy is the console's only way to read or change buckets and objects, so every rule of the OSS API applies
// (no second write path), and its requests appear in /-/requests like any client's. Bodies stream both ways.
import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { signV1 } from '@local-oss/client';
import { OssError } from '../domain/errors.js';
import type { OssContext } from '../http/state.js';
import { CONSOLE_CSS, consoleHtml } from './page.js';

// Beside this module in dist; when the sources run directly (vitest), the compiled modules of the last `tsc -b`.
const UI_DIR = existsSync(new URL('./ui/main.js', import.meta.url)) ? new URL('./ui/', import.meta.url) : new URL('../../dist/console/ui/', import.meta.url);

/** Request headers the proxy passes on: what an OSS request may carry; never the browser's cookies or origin. */
const PASSED = /^(x-oss-.*|content-(type|length|md5|disposition|encoding|language)|cache-control|expires|range|if-(match|none-match|modified-since|unmodified-since)|transfer-encoding)$/;

/** True when the console answered. */
export async function serveConsole(ctx: OssContext): Promise<boolean> {
  const path = ctx.path;
  if (path !== '/-/console' && !path.startsWith('/-/console/')) return false;
  const rest = path.slice('/-/console'.length);
  if (rest.startsWith('/oss/')) {
    await proxy(ctx, rest.slice(4));
    return true;
  }
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') throw new OssError('MethodNotAllowed', { Method: ctx.method, ResourceType: 'Console' });
  if (rest === '' || rest === '/') {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = consoleHtml();
    return true;
  }
  if (rest === '/console.css') {
    ctx.type = 'text/css; charset=utf-8';
    ctx.body = CONSOLE_CSS;
    return true;
  }
  const m = /^\/ui\/([a-z][a-zA-Z]*\.js)$/.exec(rest);
  if (m) {
    const file = new URL(m[1]!, UI_DIR);
    const found = await stat(file).catch(() => undefined);
    if (found?.isFile()) {
      ctx.type = 'text/javascript; charset=utf-8';
      ctx.length = found.size;
      ctx.body = createReadStream(file);
      return true;
    }
  }
  throw new OssError('NotImplemented', { Path: ctx.path });
}

/** `/bucket/key…` as sent (percent-encoded) → what V1 signs: the decoded bucket, key and query. */
function signable(ctx: OssContext, ossPath: string, headers: Record<string, string>) {
  const [, bucket, ...keyParts] = ossPath.split('/');
  const query: [string, string | undefined][] = ctx.querystring === '' ? [] : ctx.querystring.split('&').map((p) => {
    const i = p.indexOf('=');
    return i < 0 ? [decodeURIComponent(p), undefined] : [decodeURIComponent(p.slice(0, i)), decodeURIComponent(p.slice(i + 1))];
  });
  return {
    method: ctx.method,
    ...(bucket ? { bucket: decodeURIComponent(bucket) } : {}),
    ...(bucket && keyParts.length > 0 ? { key: decodeURIComponent(keyParts.join('/')) } : {}),
    query,
    headers,
  };
}

async function proxy(ctx: OssContext, ossPath: string): Promise<void> {
  const [owner] = ctx.state.config.credentials;
  if (owner === undefined) throw new OssError('AccessDenied');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(ctx.req.headers)) {
    if (value !== undefined && PASSED.test(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const date = new Date().toUTCString();
  headers['x-oss-date'] = date;
  headers['authorization'] = signV1(signable(ctx, ossPath, headers), { accessKeyId: owner[0], accessKeySecret: owner[1] }, date);
  const socket = ctx.req.socket;
  const secure = (socket as TLSSocket).encrypted === true;
  const localAddress = socket.localAddress ?? '127.0.0.1';
  const host = localAddress.includes(':') && !localAddress.startsWith('::ffff:') ? `[${localAddress}]` : localAddress.replace(/^::ffff:/, '');
  headers['host'] = `${host}:${socket.localPort}`;
  const options = { method: ctx.method, host: host.replace(/^\[|\]$/g, ''), port: socket.localPort, path: ossPath + (ctx.querystring ? `?${ctx.querystring}` : ''), headers, ...(secure ? { rejectUnauthorized: false } : {}) };
  const out = (secure ? https : http).request(options);
  // The browser going away ends the forwarded request too, so nothing half-sent stays open.
  ctx.res.once('close', () => out.destroy());
  const answer = await new Promise<http.IncomingMessage>((resolve, reject) => {
    out.once('response', resolve);
    out.once('error', reject);
    ctx.req.pipe(out);
  });
  ctx.respond = false;
  const passed: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && name !== 'connection' && name !== 'keep-alive') passed[name] = value;
  }
  // Same origin as the page, so it reads every header OSS returned without CORS exposure rules.
  ctx.res.writeHead(answer.statusCode ?? 502, passed);
  answer.pipe(ctx.res);
  await new Promise<void>((resolve) => ctx.res.once('close', resolve));
}
