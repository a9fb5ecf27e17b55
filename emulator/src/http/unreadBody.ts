// A GET, HEAD, DELETE or OPTIONS that declares a body the API never reads (behaviour §8.10 [I]). Some clients copy
// their PUT headers onto a GET and send `Content-Length: 9` with no body (oss2 tests/test_sign.py
// test_sign_v2_additional_headers, test_sign_v4_additional_headers; docs/sdk-suites.md D5). Node would then take the
// first bytes of the client's next request on that keep-alive connection as the missing body. Answering such a
// request with `Connection: close` makes the client send its next request on a fresh connection. What OSS does with
// a declared body on these methods is not captured.
import type { Next } from 'koa';
import type { OssContext } from './state.js';

const BODILESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

function declaresBody(ctx: OssContext): boolean {
  const length = ctx.get('content-length');
  return (length !== '' && length !== '0') || ctx.get('transfer-encoding') !== '';
}

export async function closeOnUnreadBody(ctx: OssContext, next: Next): Promise<void> {
  try {
    await next();
  } finally {
    if (BODILESS.has(ctx.method) && declaresBody(ctx) && !ctx.req.complete) ctx.set('Connection', 'close');
  }
}
