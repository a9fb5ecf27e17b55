// Turns every failure into the answer real OSS gives (behaviour §3.1): un-namespaced <Error> XML with the catalogue's
// code, message and EC, the request id and HostId; HEAD carries the same document base64-encoded in `x-oss-err`
// because it has no body. A failure that is not an OssError is a bug: it is logged and answered as OSS's
// InternalError, and the process keeps serving. A full disk is an answer, not a bug: 507 InsufficientStorage.
import type { Next } from 'koa';
import { buildXml } from '@local-oss/client';
import { OssError } from '../domain/errors.js';
import type { OssContext } from './state.js';
import { newRequestId } from './context.js';
import { isStorageFull } from '../store/space.js';

export function errorDocument(err: OssError, requestId: string, hostId: string): string {
  const body: Record<string, string | Record<string, string>> = {
    Code: err.code,
    Message: err.message,
    RequestId: requestId,
    HostId: hostId,
  };
  for (const [name, value] of Object.entries(err.details)) if (value !== undefined && !name.startsWith('_')) body[name] = value;
  if (err.ec) {
    body.EC = err.ec;
    body.RecommendDoc = `https://api.aliyun.com/troubleshoot?q=${err.ec}`;
  }
  // Indented as real OSS writes it (audit #22: the Go SDK v2 captures, e.g. testMockCompleteMultipartUploadErrorCases,
  // and the decoded x-oss-err of testMockHeadObjectErrorCases, request 6556E3AED11E553933CCDEDF).
  return buildXml('Error', body, { indent: true });
}

const KEPT_ON_ERROR = new Set([
  'x-oss-request-id',
  'server',
  'date',
  'x-oss-delete-marker',
  'x-oss-version-id',
  'x-oss-next-append-position',
]);

export function renderError(ctx: OssContext, err: OssError): void {
  const xml = errorDocument(err, ctx.state.requestId, ctx.state.host);
  if (ctx.method === 'HEAD') ctx.body = null; // before the status: see render.ts noBody
  ctx.status = err.status;
  // A failed request's success headers must not leak into the error answer; the few that describe the failure
  // (a delete marker met, the position an append must use) are set before the throw and kept.
  for (const name of Object.keys(ctx.response.headers)) {
    if (!KEPT_ON_ERROR.has(name)) ctx.remove(name);
  }
  if (err.ec) ctx.set('x-oss-ec', err.ec);
  if (ctx.method === 'HEAD') {
    // The headers a GET of the same error would carry, without its body (audit #21: Go SDK v2
    // testMockHeadObjectErrorCases `Content-Type: application/xml`; oss2 unittests test_object_exists_false
    // `Content-Length: 287` for a NoSuchKey document).
    ctx.set('x-oss-err', Buffer.from(xml).toString('base64'));
    ctx.set('Content-Type', 'application/xml');
    ctx.length = Buffer.byteLength(xml);
    return;
  }
  ctx.type = 'application/xml';
  ctx.body = xml;
}

export async function errors(ctx: OssContext, next: Next): Promise<void> {
  try {
    await next();
  } catch (err) {
    if (err instanceof OssError) {
      renderError(ctx, err);
      return;
    }
    if (isStorageFull(err)) {
      // Out of space is not a bug: the store stored nothing of this request (space.ts) and says so as OSS would.
      // Rendered before the hung-up test: a client whose upload is cut off here still gets an answer if it listens.
      ctx.state.store?.space.noteFull();
      renderError(ctx, new OssError('InsufficientStorage'));
      return;
    }
    // The client hung up mid-request: nobody is listening. Not `req.destroyed`: a request whose body was read to the
    // end is destroyed too (autoDestroy), and answering nothing then left Koa's bare 404 "Not Found" (issue 22's
    // PutObject on a full disk).
    if (ctx.req.aborted || !ctx.res.socket || ctx.res.socket.destroyed) return;
    console.error(`local-oss: internal error on ${ctx.method} ${ctx.url} (request ${ctx.state.requestId}):`, err);
    renderError(ctx, new OssError('InternalError'));
  }
}

/**
 * The raw answer to bytes Node's parser refused (no Koa context exists, and the method may be unknown, so no
 * body: a HEAD client would choke on one). The error document travels in x-oss-err, as on HEAD (behaviour §3.1).
 */
export function malformedHttpAnswer(headersTooLarge: boolean): string {
  const requestId = newRequestId();
  const err = new OssError(headersTooLarge ? 'RequestHeaderTooLarge' : 'InvalidRequest');
  const xml = errorDocument(err, requestId, '');
  return [
    `HTTP/1.1 ${err.status} ${headersTooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}`,
    'Connection: close',
    'Content-Length: 0',
    `x-oss-request-id: ${requestId}`,
    'x-oss-server-time: 0',
    `x-oss-err: ${Buffer.from(xml).toString('base64')}`,
    'Server: AliyunOSS',
    `Date: ${new Date().toUTCString()}`,
    '',
    '',
  ].join('\r\n');
}
