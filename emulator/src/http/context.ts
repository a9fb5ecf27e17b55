// First middleware: the headers every OSS response carries (behaviour §12.1), whatever happens later.
import { randomFillSync } from 'node:crypto';
import type { Next } from 'koa';
import type { OssContext } from './state.js';
import { Query, parseQuery } from './query.js';

// Random bytes drawn 4 KiB at a time: a randomBytes(12) call per request showed in the profile (bench/README.md,
// "Request ids").
const idPool = Buffer.alloc(12 * 341);
let idAt = idPool.length;

/** 24 upper-case hex digits, the shape of real OSS request ids. */
export function newRequestId(): string {
  if (idAt === idPool.length) {
    randomFillSync(idPool);
    idAt = 0;
  }
  idAt += 12;
  return idPool.toString('hex', idAt - 12, idAt).toUpperCase();
}

export async function context(ctx: OssContext, next: Next): Promise<void> {
  const started = performance.now();
  ctx.state.requestId = newRequestId();
  ctx.state.host = ctx.get('host');
  ctx.state.query = new Query(parseQuery(ctx.querystring));
  ctx.state.principal = { kind: 'anonymous' };
  ctx.set('x-oss-request-id', ctx.state.requestId);
  ctx.set('Server', 'AliyunOSS');
  ctx.set('Date', new Date().toUTCString());
  await next();
  // Milliseconds spent on the request, on every answer (audit #23: `x-oss-server-time: 190` in the DeleteBucket doc
  // sample, 19/39/980 in oss2 captures). Headers go out after the middleware returns, so a streamed body's are
  // still open here; what the stream itself takes is not counted.
  if (!ctx.headerSent) ctx.set('x-oss-server-time', String(Math.round(performance.now() - started)));
}
