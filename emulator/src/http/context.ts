// First middleware: the headers every OSS response carries (spec §12.1), whatever happens later.
import { randomBytes } from 'node:crypto';
import type { Next } from 'koa';
import type { OssContext } from './state.js';
import { Query, parseQuery } from './query.js';

/** 24 upper-case hex digits, the shape of real OSS request ids. */
export function newRequestId(): string {
  return randomBytes(12).toString('hex').toUpperCase();
}

export async function context(ctx: OssContext, next: Next): Promise<void> {
  ctx.state.requestId = newRequestId();
  ctx.state.host = ctx.get('host');
  ctx.state.query = new Query(parseQuery(ctx.querystring));
  ctx.state.principal = { kind: 'anonymous' };
  ctx.set('x-oss-request-id', ctx.state.requestId);
  ctx.set('Server', 'AliyunOSS');
  ctx.set('Date', new Date().toUTCString());
  await next();
}
