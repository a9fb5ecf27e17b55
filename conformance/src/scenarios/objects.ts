// PutObject / GetObject / HeadObject / DeleteObject scenarios (behaviour §9.2–9.4): the stored shape, the 404 error, ranges
// and the GET conditions. Range rules: OSS's "How to obtain OSS resources by segmenting HTTP Range requests" and the
// SDK range-download pages (an invalid range is ignored → 200 whole object; `x-oss-range-behavior: standard` changes
// that to 206 for an end past the size and 416 InvalidRange for a start past it). GET conditions: DOCS GetObject.md.
import { createHash, randomBytes } from 'node:crypto';
import { crc64 } from '@local-oss/client';
import type { Scenario, ScenarioContext } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';

const s = (n: number) => `object-${String(n).padStart(2, '0')}`;
const NO_SUCH_KEY = 'The specified key does not exist.';
const RFC_1123 = /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/;

/** 1000 random bytes under a fresh key in B1, and what PutObject answered. */
async function thousand(ctx: ScenarioContext) {
  const key = ctx.key('obj');
  const body = randomBytes(1000);
  const put = ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body }));
  return { key, body, put };
}

export const objectScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'PutObject → ETag "<upper-hex MD5>", Content-MD5, CRC-64; HEAD: length, Normal, Standard, RFC 1123 Last-Modified; GET: the bytes',
    tags: ['objects'],
    async run(ctx) {
      const { key, body, put } = await thousand(ctx);
      const md5 = createHash('md5').update(body);
      const etag = `"${md5.copy().digest('hex').toUpperCase()}"`;
      eq([header(put, 'etag'), header(put, 'content-md5'), header(put, 'x-oss-hash-crc64ecma')], [etag, md5.digest('base64'), crc64(body).toString()], 'PutObject headers');
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq(
        ['content-length', 'x-oss-object-type', 'x-oss-storage-class', 'etag'].map((n) => header(head, n)),
        ['1000', 'Normal', 'Standard', etag],
        'HEAD headers',
      );
      truthy(RFC_1123.test(header(head, 'last-modified') ?? ''), 'RFC 1123 Last-Modified');
      truthy(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.equals(body), 'identical bytes');
    },
  },
  {
    id: s(2),
    title: 'missing key: GET and GetObjectAcl → 404 NoSuchKey with the message; HEAD → 404 NoSuchKey (x-oss-err)',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('missing');
      fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey', NO_SUCH_KEY);
      fails(await ctx.call('GetObjectAcl', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey', NO_SUCH_KEY);
      // A HEAD answer has no body: the code comes from the x-oss-err header (behaviour §3.1).
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
  {
    id: s(3),
    title: 'range GET: bytes=10-19, bytes=-10, bytes=990- → 206 with Content-Range and those bytes',
    tags: ['objects'],
    async run(ctx) {
      const { key, body } = await thousand(ctx);
      for (const [range, from, to] of [['bytes=10-19', 10, 19], ['bytes=-10', 990, 999], ['bytes=990-', 990, 999]] as const) {
        const o = ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, rangeHeader: range }), 206);
        eq([header(o, 'content-range'), header(o, 'content-length')], [`bytes ${from}-${to}/1000`, String(to - from + 1)], `${range} headers`);
        truthy(o.body?.equals(body.subarray(from, to + 1)), `${range} bytes`);
      }
    },
  },
  {
    id: s(4),
    title: 'out-of-range GET → 200 whole object; with x-oss-range-behavior: standard → 206 to the end, or 416 InvalidRange',
    tags: ['objects'],
    async run(ctx) {
      const { key, body } = await thousand(ctx);
      for (const range of ['bytes=500-2000', 'bytes=1000-2000', 'bytes=0-1000']) {
        const o = ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, rangeHeader: range }));
        eq(header(o, 'content-range'), undefined, `${range}: no Content-Range`);
        truthy(o.body?.equals(body), `${range}: the whole object`);
      }
      const tail = ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, rangeHeader: 'bytes=500-2000', rangeBehavior: 'standard' }), 206);
      eq(header(tail, 'content-range'), 'bytes 500-999/1000', 'standard: Content-Range');
      truthy(tail.body?.equals(body.subarray(500)), 'standard: bytes 500-999');
      fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, rangeHeader: 'bytes=1000-2000', rangeBehavior: 'standard' }), 416, 'InvalidRange');
    },
  },
  {
    id: s(5),
    title: 'GET conditions: If-Match equal 200 / other 412; If-None-Match equal 304 / other 200; If-Modified-Since now+1y 304; If-Unmodified-Since 2001 412',
    tags: ['objects', 'conditions'],
    async run(ctx) {
      const { key, put } = await thousand(ctx);
      const etag = header(put, 'etag')!;
      const get = (p: Record<string, string>) => ctx.call('GetObject', { bucket: ctx.buckets.B1, key, ...p });
      ok(await get({ ifMatch: etag }));
      fails(await get({ ifMatch: '"0000"' }), 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold.');
      fails(await get({ ifNoneMatch: etag }), 304);
      ok(await get({ ifNoneMatch: '"0000"' }));
      fails(await get({ ifModifiedSince: new Date(Date.now() + 365 * 86_400_000).toUTCString() }), 304);
      ok(await get({ ifModifiedSince: 'Mon, 01 Jan 2001 00:00:00 GMT' }));
      fails(await get({ ifUnmodifiedSince: 'Mon, 01 Jan 2001 00:00:00 GMT' }), 412, 'PreconditionFailed');
      ok(await get({ ifUnmodifiedSince: new Date(Date.now() + 365 * 86_400_000).toUTCString() }));
      // HEAD answers the same conditions (DOCS HeadObject.md).
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key, ifNoneMatch: etag }), 304);
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key, ifMatch: '"0000"' }), 412, 'PreconditionFailed');
    },
  },
  {
    id: s(6),
    title: 'DeleteObject → 204, also for a key that does not exist',
    tags: ['objects'],
    async run(ctx) {
      const { key } = await thousand(ctx);
      ok(await ctx.call('DeleteObject', { bucket: ctx.buckets.B1, key }), 204);
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404);
      const again = ok(await ctx.call('DeleteObject', { bucket: ctx.buckets.B1, key }), 204);
      eq([header(again, 'x-oss-delete-marker'), header(again, 'x-oss-version-id')], [undefined, undefined], 'no version headers when unversioned');
    },
  },
  {
    id: s(7),
    title: 'PutObject with a Content-MD5 of other bytes → 400 InvalidDigest, nothing stored',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('digest');
      const contentMd5 = createHash('md5').update('other').digest('base64');
      fails(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'body', contentMd5 }), 400, 'InvalidDigest', 'The Content-MD5 you specified was invalid.');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404);
    },
  },
  {
    id: s(8),
    title: 'PutObject with x-oss-forbid-overwrite: new key → 200; existing key → 409 FileAlreadyExists, object unchanged',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('once');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'first', forbidOverwrite: true }));
      fails(
        await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'second', forbidOverwrite: true }),
        409,
        'FileAlreadyExists',
        'The object you specified already exists and can not be overwritten.',
      );
      eq(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.toString(), 'first', 'content');
    },
  },
];
