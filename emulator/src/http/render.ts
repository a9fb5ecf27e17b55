// Response shapes shared by every API family: XML documents, dates and ETags as OSS writes them.
import { buildXml } from '@local-oss/client';
import type { OssContext } from './state.js';

export function sendXml(ctx: OssContext, root: string, body: object | string, status = 200): void {
  ctx.status = status;
  ctx.type = 'application/xml';
  ctx.body = buildXml(root, body);
}

/** An empty 200/204 answer with Content-Length: 0. */
export function sendEmpty(ctx: OssContext, status = 200): void {
  noBody(ctx, status);
}

/**
 * A status without a body. Koa turns `body = null` into 204 unless the status is set after it, so the order
 * matters; headers describing an object (HEAD) are set after this call.
 */
export function noBody(ctx: OssContext, status: number): void {
  ctx.body = null;
  ctx.status = status;
}

/** RFC 1123, as in Last-Modified and Date. */
export function httpDate(ms: number): string {
  return new Date(ms).toUTCString();
}

/**
 * ISO 8601 in XML bodies: whole seconds with a `.000Z` fraction, the same second Last-Modified shows. Captures:
 * oss2 unittests/test_object.py::test_copy_object `<LastModified>2015-12-12T00:37:53.000Z</LastModified>`, the
 * Go SDK v2 ListParts capture `2023-11-22T05:42:34.000Z`; oss2's parser accepts nothing else (`\.000Z$`).
 */
export function isoDate(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString();
}

export function quotedEtag(etag: string): string {
  return `"${etag}"`;
}

/**
 * Key, Prefix, Delimiter and marker values under `encoding-type=url`: percent-encoded, `/` included (`%2F`), space as
 * %20 and `+` as %2B so that neither Python's unquote nor Go's QueryUnescape misreads them. Captures (audit #17): Go
 * SDK v2 ListParts `<Key>demo%2Fgp-%0C%0A%0B</Key>` and Complete `<Key>demo%2Fmultipart.data</Key>`; Python SDK v2
 * tests/unit/models/test_bucket_basic.py ListVersionsResult `<Prefix>demo%2F</Prefix>`, `<Delimiter>%2F</Delimiter>`.
 */
export function listValue(value: string, encodingType: string | undefined): string {
  if (encodingType !== 'url') return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}
