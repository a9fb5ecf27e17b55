// Multipart upload scenarios (behaviour §9.8): Initiate / UploadPart / UploadPartCopy / ListParts / Complete / Abort, the
// `…-N` ETag and the errors. Every scenario aborts the uploads it leaves open: a bucket with unfinished uploads
// cannot be deleted on real OSS. Part sizes: every part but the last ≥ 100 KB (DOCS CompleteMultipartUpload.md).
import { createHash, randomBytes } from 'node:crypto';
import { crc64 } from '@local-oss/client';
import type { Outcome, Scenario, ScenarioContext } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';

const s = (n: number) => `multipart-${String(n).padStart(2, '0')}`;
const KiB = 1024;
const NO_SUCH_UPLOAD = 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.';

/** Runs `body` with a new upload for `key` in B1, aborting it afterwards unless `body` completed it. */
async function withUpload(ctx: ScenarioContext, key: string, body: (uploadId: string) => Promise<void>): Promise<void> {
  const uploadId = ok(await ctx.call('InitiateMultipartUpload', { bucket: ctx.buckets.B1, key })).data?.uploadId;
  truthy(uploadId, 'UploadId');
  try {
    await body(uploadId!);
  } finally {
    // 204 when still open; 404 NoSuchUpload once completed or aborted — both fine here.
    await ctx.call('AbortMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId });
  }
}

async function part(ctx: ScenarioContext, key: string, uploadId: string, partNumber: number, body: Buffer): Promise<string> {
  const o = ok(await ctx.call('UploadPart', { bucket: ctx.buckets.B1, key, uploadId, partNumber, body }));
  eq(header(o, 'x-oss-hash-crc64ecma'), crc64(body).toString(), `part ${partNumber} x-oss-hash-crc64ecma`);
  return o.data?.etag ?? header(o, 'etag')!;
}

const md5 = (b: Buffer) => createHash('md5').update(b).digest();

export const multipartScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'three parts: ListParts lists them; Complete → ETag "<hex>-3", Multipart, CRC-64 of the whole; GET the bytes',
    tags: ['multipart'],
    async run(ctx) {
      const key = ctx.key('mp');
      const parts = [randomBytes(100 * KiB), randomBytes(100 * KiB), randomBytes(10)];
      await withUpload(ctx, key, async (uploadId) => {
        const etags: string[] = [];
        for (const [i, body] of parts.entries()) etags.push(await part(ctx, key, uploadId, i + 1, body));
        eq(etags, parts.map((b) => `"${md5(b).toString('hex').toUpperCase()}"`), 'part ETags: quoted upper-hex MD5');
        const listed = ok(await ctx.call('ListParts', { bucket: ctx.buckets.B1, key, uploadId })).data?.parts;
        eq(listed?.map((p) => [p.partNumber, p.etag, p.size]), parts.map((b, i) => [i + 1, etags[i], b.length]), 'ListParts');
        const done = ok(await ctx.call('CompleteMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId, parts: etags.map((etag, i) => ({ partNumber: i + 1, etag })) }));
        const whole = Buffer.concat(parts);
        truthy(/^"[0-9A-F]{32}-3"$/.test(done.data?.etag ?? ''), `ETag "<32 upper hex>-3" (got ${done.data?.etag})`);
        eq(header(done, 'x-oss-hash-crc64ecma'), crc64(whole).toString(), 'x-oss-hash-crc64ecma of the object');
        // The derivation is not documented ("generated based on specific rules", DOCS CompleteMultipartUpload.md).
        const s3Style = `"${createHash('md5').update(Buffer.concat(parts.map(md5))).digest('hex').toUpperCase()}-3"`;
        ctx.record('ETag is the MD5 of the part MD5s', done.data?.etag === s3Style);
        const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
        eq([header(head, 'x-oss-object-type'), header(head, 'etag'), header(head, 'content-length')], ['Multipart', done.data?.etag, String(whole.length)], 'HEAD');
        truthy(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.equals(whole), 'identical bytes');
      });
    },
  },
  {
    id: s(2),
    title: 'a part other than the last under 100 KB → Complete 400 EntityTooSmall',
    tags: ['multipart'],
    async run(ctx) {
      const key = ctx.key('small');
      await withUpload(ctx, key, async (uploadId) => {
        const e1 = await part(ctx, key, uploadId, 1, randomBytes(10));
        const e2 = await part(ctx, key, uploadId, 2, randomBytes(10));
        fails(await ctx.call('CompleteMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId, parts: [{ partNumber: 1, etag: e1 }, { partNumber: 2, etag: e2 }] }), 400, 'EntityTooSmall');
      });
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404);
    },
  },
  {
    id: s(3),
    title: 'Complete naming an ETag that was not uploaded → 400 InvalidPart',
    tags: ['multipart'],
    async run(ctx) {
      const key = ctx.key('badpart');
      await withUpload(ctx, key, async (uploadId) => {
        await part(ctx, key, uploadId, 1, randomBytes(10));
        const wrong = `"${'0'.repeat(32)}"`;
        fails(await ctx.call('CompleteMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId, parts: [{ partNumber: 1, etag: wrong }] }), 400, 'InvalidPart');
        fails(await ctx.call('CompleteMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId, parts: [{ partNumber: 2, etag: wrong }] }), 400, 'InvalidPart');
      });
    },
  },
  {
    id: s(4),
    title: 'Complete with parts out of ascending order → 400 InvalidPartOrder',
    tags: ['multipart'],
    async run(ctx) {
      const key = ctx.key('order');
      await withUpload(ctx, key, async (uploadId) => {
        const e1 = await part(ctx, key, uploadId, 1, randomBytes(100 * KiB));
        const e2 = await part(ctx, key, uploadId, 2, randomBytes(10));
        // EC 0042-00000209 ("not in ascending order", OSS error-code pages); ali-oss sorts parts itself.
        fails(await ctx.call('CompleteMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId, parts: [{ partNumber: 2, etag: e2 }, { partNumber: 1, etag: e1 }] }), 400, 'InvalidPartOrder');
      });
    },
  },
  {
    id: s(5),
    title: 'AbortMultipartUpload → 204; then UploadPart, ListParts, Complete, Abort → 404 NoSuchUpload',
    tags: ['multipart'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('aborted');
      const uploadId = ok(await ctx.call('InitiateMultipartUpload', { bucket, key })).data?.uploadId;
      const etag = await part(ctx, key, uploadId!, 1, randomBytes(10));
      ok(await ctx.call('AbortMultipartUpload', { bucket, key, uploadId }), 204);
      const gone = (o: Outcome) => fails(o, 404, 'NoSuchUpload', NO_SUCH_UPLOAD);
      gone(await ctx.call('UploadPart', { bucket, key, uploadId, partNumber: 2, body: 'x' }));
      gone(await ctx.call('ListParts', { bucket, key, uploadId }));
      gone(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts: [{ partNumber: 1, etag }] }));
      gone(await ctx.call('AbortMultipartUpload', { bucket, key, uploadId }));
      fails(await ctx.call('HeadObject', { bucket, key }), 404);
    },
  },
  {
    id: s(6),
    title: 'UploadPartCopy: a range of one object and the whole of another as parts; CopyPartResult ETag; the joined bytes',
    tags: ['multipart', 'copy'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const a = randomBytes(300 * KiB);
      const b = randomBytes(1000);
      const ka = ctx.key('a');
      const kb = ctx.key('b');
      ok(await ctx.call('PutObject', { bucket, key: ka, body: a }));
      ok(await ctx.call('PutObject', { bucket, key: kb, body: b }));
      const key = ctx.key('joined');
      await withUpload(ctx, key, async (uploadId) => {
        const c1 = ok(await ctx.call('UploadPartCopy', { bucket, key, uploadId, partNumber: 1, sourceKey: ka, sourceRange: `bytes=${100 * KiB}-${300 * KiB - 1}` }));
        const c2 = ok(await ctx.call('UploadPartCopy', { bucket, key, uploadId, partNumber: 2, sourceKey: kb }));
        for (const c of [c1, c2]) truthy(/^"[0-9A-F]{32}"$/.test(c.data?.etag ?? ''), `CopyPartResult ETag (got ${c.data?.etag})`);
        // S3 makes it the MD5 of the copied bytes; OSS's UploadPartCopy.md shows only the format.
        ctx.record('CopyPartResult ETag is the MD5 of the copied range', c1.data?.etag === `"${md5(a.subarray(100 * KiB)).toString('hex').toUpperCase()}"`);
        const parts = [c1, c2].map((c, i) => ({ partNumber: i + 1, etag: c.data!.etag! }));
        const done = ok(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts }));
        const whole = Buffer.concat([a.subarray(100 * KiB), b]);
        eq(header(done, 'x-oss-hash-crc64ecma'), crc64(whole).toString(), 'x-oss-hash-crc64ecma');
        truthy(ok(await ctx.call('GetObject', { bucket, key })).body?.equals(whole), 'identical bytes');
      });
    },
  },
  {
    id: s(7),
    title: 'Complete with x-oss-complete-all: yes joins every uploaded part in part-number order',
    tags: ['multipart'],
    async run(ctx) {
      const key = ctx.key('all');
      const parts = [randomBytes(100 * KiB), randomBytes(7)];
      await withUpload(ctx, key, async (uploadId) => {
        // Uploaded out of order on purpose: OSS lists and sorts them (DOCS CompleteMultipartUpload.md, x-oss-complete-all).
        await part(ctx, key, uploadId, 2, parts[1]!);
        await part(ctx, key, uploadId, 1, parts[0]!);
        ok(await ctx.call('CompleteMultipartUpload', { bucket: ctx.buckets.B1, key, uploadId, completeAll: true }));
        truthy(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.equals(Buffer.concat(parts)), 'identical bytes');
      });
    },
  },
  {
    id: s(8),
    title: 'UploadPart with part number 10001 → 400 (code recorded)',
    tags: ['multipart', 'discovery'],
    async run(ctx) {
      // 1–10000 (GO2 MaxUploadParts); the Swift SDK's test against OSS asserts only the 400.
      const key = ctx.key('toomany');
      await withUpload(ctx, key, async (uploadId) => {
        const o = fails(await ctx.call('UploadPart', { bucket: ctx.buckets.B1, key, uploadId, partNumber: 10001, body: 'x' }), 400);
        ctx.record('code', o.code ?? null);
      });
    },
  },
  {
    id: s(9),
    title: 'Complete with x-oss-forbid-overwrite: true over an existing key → 409 (code recorded); false → 200',
    tags: ['multipart', 'discovery'],
    async run(ctx) {
      // Swift SDK v2 testCompleteMultipartUploadWithOverwrite asserts the 409 only.
      const bucket = ctx.buckets.B1;
      const key = ctx.key('exists');
      ok(await ctx.call('PutObject', { bucket, key, body: 'first' }));
      await withUpload(ctx, key, async (uploadId) => {
        const etag = await part(ctx, key, uploadId, 1, Buffer.from('second'));
        const parts = [{ partNumber: 1, etag }];
        const refused = fails(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts, forbidOverwrite: true }), 409);
        ctx.record('code', refused.code ?? null);
        eq(ok(await ctx.call('GetObject', { bucket, key })).body?.toString(), 'first', 'content after the refusal');
        ok(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts, forbidOverwrite: false }));
        eq(ok(await ctx.call('GetObject', { bucket, key })).body?.toString(), 'second', 'content after the overwrite');
      });
    },
  },
  {
    id: s(10),
    title: 'ListMultipartUploads lists the open uploads, each once with its id, and no longer an aborted one',
    tags: ['multipart'],
    async run(ctx) {
      const [a, b] = [ctx.key('open-a'), ctx.key('open-b')];
      await withUpload(ctx, a, async (idA) => {
        await withUpload(ctx, b, async (idB) => {
          const mine = async () =>
            (ok(await ctx.call('ListMultipartUploads', { bucket: ctx.buckets.B1 })).data?.uploads ?? [])
              .filter((u) => u.key === a || u.key === b)
              .map((u) => [u.key, u.uploadId]);
          eq(await mine(), [[a, idA], [b, idB]], 'both uploads, in key order');
          ok(await ctx.call('AbortMultipartUpload', { bucket: ctx.buckets.B1, key: a, uploadId: idA }), 204);
          eq(await mine(), [[b, idB]], 'the aborted upload is gone');
        });
      });
    },
  },
];
