// CopyObject scenarios of behaviour §10, numbered as there (copy-NN). ⟂ discovery scenarios record what the target
// answered; the others assert the specified answer.
import { createHash, randomBytes } from 'node:crypto';
import { crc64 } from '@local-oss/client';
import type { Scenario, ScenarioContext } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';
import { multipartObject } from './uploads.js';

const s = (n: number) => `copy-${String(n).padStart(2, '0')}`;

/** Copy `src` (or another source) into `bucket/key`. */
function copy(ctx: ScenarioContext, key: string, extra: Record<string, unknown> = {}, bucket = ctx.buckets.B1) {
  return ctx.call('CopyObject', { bucket, key, sourceBucket: ctx.buckets.B1, sourceKey: ctx.src.key, ...extra });
}

async function absent(ctx: ScenarioContext, bucket: string, key: string): Promise<void> {
  fails(await ctx.call('HeadObject', { bucket, key }), 404);
}

export const copyScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'same-bucket copy: CopyObjectResult, ETag and CRC-64 of the source, no version id',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      const o = ok(await copy(ctx, key));
      eq(o.data?.etag, ctx.src.etag, 'XML ETag');
      eq(header(o, 'etag'), ctx.src.etag, 'ETag header');
      truthy(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(o.data?.lastModified ?? ''), 'ISO-8601 LastModified');
      eq(header(o, 'x-oss-hash-crc64ecma'), ctx.src.crc64, 'x-oss-hash-crc64ecma');
      eq(header(o, 'x-oss-version-id'), undefined, 'x-oss-version-id');
      const get = ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key }));
      truthy(get.body?.equals(ctx.src.body), 'identical bytes');
    },
  },
  {
    id: s(2),
    title: 'cross-bucket copy in the same region',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, {}, ctx.buckets.B2));
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B2, key }));
      eq(header(head, 'x-oss-object-type'), 'Normal', 'x-oss-object-type');
      eq(header(head, 'content-length'), String(ctx.src.body.length), 'Content-Length');
    },
  },
  {
    id: s(3),
    title: 'the default directive copies metadata and tags',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key));
      const h = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq(
        ['content-type', 'content-disposition', 'content-encoding', 'cache-control', 'expires', 'content-language', 'x-oss-meta-auth', 'x-oss-meta-version', 'x-oss-tagging-count'].map((n) => header(h, n)),
        ['text/plain', 'attachment;filename=a.txt', 'deflate', 'no-cache', 'Wed, 08 Jul 2022 16:57:01 GMT', 'en-US', 'owner', '1.01', '2'],
        'copied headers',
      );
    },
  },
  {
    id: s(4),
    title: 'COPY ignores request metadata',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { metadataDirective: 'COPY', metadata: { auth: 'other' }, contentType: 'image/png' }));
      const h = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq([header(h, 'x-oss-meta-auth'), header(h, 'content-type')], ['owner', 'text/plain'], 'metadata');
    },
  },
  {
    id: s(5),
    title: 'REPLACE replaces metadata and keeps Content-Type',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { metadataDirective: 'REPLACE', metadata: { new: '1' } }));
      const h = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq(
        ['x-oss-meta-new', 'x-oss-meta-auth', 'content-disposition', 'content-encoding', 'cache-control', 'expires', 'content-language', 'content-type'].map((n) => header(h, n)),
        ['1', undefined, undefined, undefined, undefined, undefined, undefined, 'text/plain'],
        'metadata after REPLACE',
      );
    },
  },
  {
    id: s(6),
    title: 'REPLACE with Content-Type',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { metadataDirective: 'REPLACE', contentType: 'application/json' }));
      eq(header(ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key })), 'content-type'), 'application/json', 'Content-Type');
    },
  },
  {
    id: s(7),
    title: 'invalid metadata directive → 400 InvalidArgument, no side effect',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      fails(await copy(ctx, key, { metadataDirective: 'FOO' }), 400, 'InvalidArgument');
      await absent(ctx, ctx.buckets.B1, key);
    },
  },
  {
    id: s(8),
    title: '⟂ lower-case metadata directive',
    tags: ['copy', 'discovery'],
    async run(ctx) {
      const key = ctx.key('dst');
      const o = await copy(ctx, key, { metadataDirective: 'replace', metadata: { low: '1' } });
      ctx.record('status', o.status);
      if (o.status === 200) ctx.record('x-oss-meta-low', header(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 'x-oss-meta-low'));
    },
  },
  {
    id: s(9),
    title: 'the ACL is not copied (default)',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key));
      eq(ok(await ctx.call('GetObjectAcl', { bucket: ctx.buckets.B1, key })).data?.acl, 'default', 'ACL');
    },
  },
  {
    id: s(10),
    title: 'explicit ACL',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { acl: 'private' }));
      eq(ok(await ctx.call('GetObjectAcl', { bucket: ctx.buckets.B1, key })).data?.acl, 'private', 'ACL');
    },
  },
  {
    id: s(11),
    title: 'invalid ACL → 400 InvalidArgument',
    tags: ['copy'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { acl: 'foo' }), 400, 'InvalidArgument');
    },
  },
  {
    id: s(12),
    title: 'storage class',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { storageClass: 'IA' }));
      eq(header(ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key })), 'x-oss-storage-class'), 'IA', 'storage class');
    },
  },
  {
    id: s(13),
    title: 'invalid storage class → 400 InvalidArgument',
    tags: ['copy'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { storageClass: 'Foo' }), 400, 'InvalidArgument');
    },
  },
  {
    id: s(14),
    title: 'the default tagging directive copies tags',
    tags: ['copy', 'tagging'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key));
      eq(ok(await ctx.call('GetObjectTagging', { bucket: ctx.buckets.B1, key })).data?.tags, [{ key: 'TagA', value: 'A' }, { key: 'TagB', value: 'B' }], 'tags');
    },
  },
  {
    id: s(15),
    title: 'Replace with tags',
    tags: ['copy', 'tagging'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { taggingDirective: 'Replace', tagging: 'k1=v1' }));
      eq(ok(await ctx.call('GetObjectTagging', { bucket: ctx.buckets.B1, key })).data?.tags, [{ key: 'k1', value: 'v1' }], 'tags');
      eq(header(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 'x-oss-tagging-count'), '1', 'x-oss-tagging-count');
    },
  },
  {
    id: s(16),
    title: 'Replace without tags leaves none',
    tags: ['copy', 'tagging'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { taggingDirective: 'Replace' }));
      eq(header(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 'x-oss-tagging-count'), undefined, 'x-oss-tagging-count');
    },
  },
  {
    id: s(17),
    title: 'upper-case tagging directives COPY and REPLACE',
    tags: ['copy', 'tagging'],
    async run(ctx) {
      const a = ctx.key('a');
      const b = ctx.key('b');
      ok(await copy(ctx, a, { taggingDirective: 'COPY' }));
      ok(await copy(ctx, b, { taggingDirective: 'REPLACE', tagging: 'x=1' }));
      eq(ok(await ctx.call('GetObjectTagging', { bucket: ctx.buckets.B1, key: a })).data?.tags?.length, 2, 'COPY tags');
      eq(ok(await ctx.call('GetObjectTagging', { bucket: ctx.buckets.B1, key: b })).data?.tags, [{ key: 'x', value: '1' }], 'REPLACE tags');
    },
  },
  {
    id: s(18),
    title: '⟂ Copy directive plus a tagging header',
    tags: ['copy', 'tagging', 'discovery'],
    async run(ctx) {
      const key = ctx.key('dst');
      const o = await copy(ctx, key, { taggingDirective: 'Copy', tagging: 'z=1' });
      ctx.record('status', o.status);
      if (o.status === 200) ctx.record('tags', (await ctx.call('GetObjectTagging', { bucket: ctx.buckets.B1, key })).data?.tags);
    },
  },
  {
    id: s(19),
    title: 'URL-encoded tags',
    tags: ['copy', 'tagging', 'encoding'],
    async run(ctx) {
      const key = ctx.key('dst');
      ok(await copy(ctx, key, { taggingDirective: 'Replace', tagging: '%20%2B%2F%20=%E4%B8%AD%E6%96%87&%E4%B8%AD%E6%96%87=test%2B%2B%2F' }));
      eq(ok(await ctx.call('GetObjectTagging', { bucket: ctx.buckets.B1, key })).data?.tags, [{ key: ' +/ ', value: '中文' }, { key: '中文', value: 'test++/' }], 'tags');
    },
  },
  {
    id: s(20),
    title: 'malformed tag string → 400 InvalidArgument, no side effect',
    tags: ['copy', 'tagging'],
    async run(ctx) {
      const key = ctx.key('dst');
      fails(await copy(ctx, key, { taggingDirective: 'Replace', tagging: 'aa=bb=cc' }), 400, 'InvalidArgument');
      await absent(ctx, ctx.buckets.B1, key);
    },
  },
  {
    id: s(21),
    title: 'too many tags → 400 (code recorded)',
    tags: ['copy', 'tagging', 'discovery'],
    async run(ctx) {
      const tagging = Array.from({ length: 11 }, (_, i) => `k${i}=v`).join('&');
      const o = fails(await copy(ctx, ctx.key('dst'), { taggingDirective: 'Replace', tagging }), 400);
      ctx.record('code', o.code);
    },
  },
  {
    id: s(22),
    title: '⟂ invalid tagging directive',
    tags: ['copy', 'tagging', 'discovery'],
    async run(ctx) {
      const o = await copy(ctx, ctx.key('dst'), { taggingDirective: 'Foo' });
      ctx.record('status', o.status);
      ctx.record('code', o.code);
    },
  },
  {
    id: s(23),
    title: 'special-character keys, `/` literal and as %2F',
    tags: ['copy', 'encoding', 'raw-only'],
    async run(ctx) {
      for (const sourceKey of ['a;,/?:@&=+$#b.js', '阿里云/加油/:?;@&=+$, /<>{}[]|/', 'dir/a b.txt']) {
        const srcKey = ctx.key('special') + sourceKey;
        ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key: srcKey, body: 'special' }));
        const literal = `/${ctx.buckets.B1}/${encodeURIComponent(srcKey).replace(/%2F/g, '/')}`;
        const encoded = `/${ctx.buckets.B1}/${encodeURIComponent(srcKey)}`;
        for (const copySourceRaw of [literal, encoded]) {
          const key = ctx.key('dst');
          ok(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key, copySourceRaw }));
          eq(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.toString(), 'special', `content of ${copySourceRaw}`);
        }
      }
    },
  },
  {
    id: s(24),
    title: 'missing source key → 404 NoSuchKey, no side effect',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      fails(await copy(ctx, key, { sourceKey: ctx.key('missing') }), 404, 'NoSuchKey', 'The specified key does not exist.');
      await absent(ctx, ctx.buckets.B1, key);
    },
  },
  {
    id: s(25),
    title: 'missing source bucket → 404 NoSuchBucket',
    tags: ['copy'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { sourceBucket: `nosuchbucket-${randomBytes(6).toString('hex')}` }), 404, 'NoSuchBucket');
    },
  },
  {
    id: s(26),
    title: 'missing destination bucket → 404 NoSuchBucket',
    tags: ['copy'],
    async run(ctx) {
      fails(await copy(ctx, 'dst', {}, `nosuchbucket-${randomBytes(6).toString('hex')}`), 404, 'NoSuchBucket', 'The specified bucket does not exist.');
    },
  },
  {
    id: s(27),
    title: 'malformed copy source → 400 InvalidArgument',
    tags: ['copy', 'raw-only'],
    async run(ctx) {
      for (const copySourceRaw of [`${ctx.buckets.B1}/${ctx.src.key}`, `/${ctx.buckets.B1}`]) {
        fails(
          await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key: ctx.key('dst'), copySourceRaw }),
          400,
          'InvalidArgument',
          'Copy Source must mention the source bucket and key: /sourcebucket/sourcekey.',
        );
      }
    },
  },
  {
    id: s(28),
    title: 'unknown copy-source parameter → 400 (code recorded)',
    tags: ['copy', 'raw-only', 'discovery'],
    async run(ctx) {
      const o = fails(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key: ctx.key('dst'), copySourceRaw: `/${ctx.buckets.B1}/${ctx.src.key}?unknown=1` }), 400);
      ctx.record('code', o.code);
      ctx.record('ec', o.ec);
    },
  },
  {
    id: s(29),
    title: 'empty versionId → 400 (code recorded)',
    tags: ['copy', 'raw-only', 'discovery'],
    async run(ctx) {
      const o = fails(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key: ctx.key('dst'), copySourceRaw: `/${ctx.buckets.B1}/${ctx.src.key}?versionId=` }), 400);
      ctx.record('code', o.code);
      ctx.record('ec', o.ec);
    },
  },
  {
    id: s(30),
    title: 'forbid-overwrite, destination absent → 200; present → 409 FileAlreadyExists; false → 200 (#30–32)',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('dst');
      const first = ok(await copy(ctx, key, { forbidOverwrite: true }));
      fails(await copy(ctx, key, { forbidOverwrite: true }), 409, 'FileAlreadyExists', 'The object you specified already exists and can not be overwritten.');
      eq(header(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 'etag'), header(first, 'etag'), 'destination unchanged');
      ok(await copy(ctx, key, { forbidOverwrite: false }));
    },
  },
  {
    id: s(33),
    title: 'forbid-overwrite is ignored in versioned and suspended buckets',
    tags: ['copy', 'versioning', 'needs-versioning'],
    async run(ctx) {
      for (const bucket of [ctx.buckets.BV, ctx.buckets.BS]) {
        const key = ctx.key('dst');
        ok(await copy(ctx, key, {}, bucket));
        const again = ok(await copy(ctx, key, { forbidOverwrite: true }, bucket));
        truthy(header(again, 'x-oss-version-id'), `x-oss-version-id in ${bucket}`);
      }
    },
  },
  {
    id: s(34),
    title: 'if-match equal → 200',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      ok(await copy(ctx, ctx.key('dst'), { ifMatch: ctx.src.etag }));
    },
  },
  {
    id: s(35),
    title: 'if-match mismatch → 412 PreconditionFailed, no side effect',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      const key = ctx.key('dst');
      fails(await copy(ctx, key, { ifMatch: '"0000"' }), 412, 'PreconditionFailed', 'At least one of the pre-conditions you specified did not hold.');
      await absent(ctx, ctx.buckets.B1, key);
    },
  },
  {
    id: s(36),
    title: 'if-none-match equal → 304, no side effect',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      const key = ctx.key('dst');
      fails(await copy(ctx, key, { ifNoneMatch: ctx.src.etag }), 304);
      await absent(ctx, ctx.buckets.B1, key);
    },
  },
  {
    id: s(37),
    title: 'if-none-match mismatch → 200',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      ok(await copy(ctx, ctx.key('dst'), { ifNoneMatch: '"0000"' }));
    },
  },
  {
    id: s(38),
    title: 'if-modified-since in the future → 304',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { ifModifiedSince: new Date(Date.now() + 365 * 86_400_000).toUTCString() }), 304);
    },
  },
  {
    id: s(39),
    title: 'if-modified-since equal to the source time → 304',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { ifModifiedSince: ctx.src.lastModified }), 304);
    },
  },
  {
    id: s(40),
    title: 'if-modified-since in the past → 200',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      ok(await copy(ctx, ctx.key('dst'), { ifModifiedSince: 'Mon, 01 Jan 2001 00:00:00 GMT' }));
    },
  },
  {
    id: s(41),
    title: 'if-unmodified-since in the future or equal → 200',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      ok(await copy(ctx, ctx.key('a'), { ifUnmodifiedSince: new Date(Date.now() + 365 * 86_400_000).toUTCString() }));
      ok(await copy(ctx, ctx.key('b'), { ifUnmodifiedSince: ctx.src.lastModified }));
    },
  },
  {
    id: s(42),
    title: 'if-unmodified-since in the past → 412 PreconditionFailed',
    tags: ['copy', 'conditions'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { ifUnmodifiedSince: 'Mon, 01 Jan 2001 00:00:00 GMT' }), 412, 'PreconditionFailed');
    },
  },
  {
    id: s(43),
    title: '⟂ unparsable if-modified-since',
    tags: ['copy', 'conditions', 'discovery'],
    async run(ctx) {
      ctx.record('status', (await copy(ctx, ctx.key('dst'), { ifModifiedSince: 'not-a-date' })).status);
    },
  },
  {
    id: s(44),
    title: '⟂ if-match correct + if-unmodified-since past',
    tags: ['copy', 'conditions', 'discovery'],
    async run(ctx) {
      ctx.record('status', (await copy(ctx, ctx.key('dst'), { ifMatch: ctx.src.etag, ifUnmodifiedSince: 'Mon, 01 Jan 2001 00:00:00 GMT' })).status);
    },
  },
  {
    id: s(46),
    title: '⟂ if-match wrong + if-none-match equal',
    tags: ['copy', 'conditions', 'discovery'],
    async run(ctx) {
      ctx.record('status', (await copy(ctx, ctx.key('dst'), { ifMatch: '"0000"', ifNoneMatch: ctx.src.etag })).status);
    },
  },
  {
    id: s(47),
    title: 'copy onto itself updates metadata in place, ETag unchanged',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('self');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'self', cacheControl: 'no-cache' }));
      const before = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      ok(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key, sourceKey: key, metadataDirective: 'REPLACE', cacheControl: 'max-age=0' }));
      const after = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq([header(after, 'cache-control'), header(after, 'etag')], ['max-age=0', header(before, 'etag')], 'Cache-Control and ETag');
      eq(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.toString(), 'self', 'content');
    },
  },
  {
    id: s(50),
    title: 'versioned: copy the current version, then a specific one; restore by self-copy (#50–52)',
    tags: ['copy', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const k = ctx.key('k');
      const v1 = header(ok(await ctx.call('PutObject', { bucket: BV, key: k, body: 'v1' })), 'x-oss-version-id')!;
      const v2 = header(ok(await ctx.call('PutObject', { bucket: BV, key: k, body: 'v2' })), 'x-oss-version-id')!;
      const cur = ok(await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d1'), sourceBucket: BV, sourceKey: k }));
      eq(header(cur, 'x-oss-copy-source-version-id'), v2, 'source version of a current copy');
      truthy(![v1, v2].includes(header(cur, 'x-oss-version-id')!), 'a new version id');
      const old = ok(await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d2'), sourceBucket: BV, sourceKey: k, sourceVersionId: v1 }));
      eq(header(old, 'x-oss-copy-source-version-id'), v1, 'source version of a specific copy');
      ok(await ctx.call('CopyObject', { bucket: BV, key: k, sourceBucket: BV, sourceKey: k, sourceVersionId: v1 }));
      eq(ok(await ctx.call('GetObject', { bucket: BV, key: k })).body?.toString(), 'v1', 'restored content');
      const versions = ok(await ctx.call('ListObjectVersions', { bucket: BV, prefix: k })).data?.versions?.filter((v) => v.key === k);
      eq(versions?.length, 3, 'versions of the key');
    },
  },
  {
    id: s(53),
    title: 'a delete marker as current source → 404; the older version is still copyable (also #54)',
    tags: ['copy', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const k = ctx.key('k');
      const v1 = header(ok(await ctx.call('PutObject', { bucket: BV, key: k, body: 'v1' })), 'x-oss-version-id')!;
      ok(await ctx.call('DeleteObject', { bucket: BV, key: k }), 204);
      fails(await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d'), sourceBucket: BV, sourceKey: k }), 404, 'NoSuchKey');
      ok(await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d'), sourceBucket: BV, sourceKey: k, sourceVersionId: v1 }));
    },
  },
  {
    id: s(57),
    title: 'suspended destination: version id null, replaced by the next copy',
    tags: ['copy', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const key = ctx.key('dst');
      eq(header(ok(await copy(ctx, key, {}, ctx.buckets.BS)), 'x-oss-version-id'), 'null', 'x-oss-version-id');
      ok(await copy(ctx, key, {}, ctx.buckets.BS));
      const versions = ok(await ctx.call('ListObjectVersions', { bucket: ctx.buckets.BS, prefix: key })).data?.versions?.filter((v) => v.key === key);
      eq(versions?.map((v) => v.versionId), ['null'], 'versions of the key');
    },
  },
  {
    id: s(60),
    title: 'retention policy: copy into, out of and over protected objects → 409 FileImmutable; fine after abort',
    tags: ['copy', 'worm'],
    async run(ctx) {
      const BW = await ctx.freshBucket('worm');
      const obj = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket: BW, key: obj, body: 'protected' }));
      ok(await ctx.call('InitiateBucketWorm', { bucket: BW, retentionPeriodInDays: 1 }));
      const into = await copy(ctx, ctx.key('new'), {}, BW);
      ctx.record('copy into a WORM bucket (new key)', [into.status, into.code]);
      const out = await ctx.call('CopyObject', { bucket: ctx.buckets.B2, key: ctx.key('out'), sourceBucket: BW, sourceKey: obj });
      ctx.record('copy out of a WORM bucket', [out.status, out.code]);
      fails(await copy(ctx, obj, {}, BW), 409, 'FileImmutable', 'The object you specified is immutable.');
      eq(ok(await ctx.call('GetObject', { bucket: BW, key: obj })).body?.toString(), 'protected', 'object unchanged');
      ok(await ctx.call('AbortBucketWorm', { bucket: BW }), 204);
      ok(await copy(ctx, ctx.key('after'), {}, BW));
    },
  },
  {
    id: s(65),
    title: 'locked policy: GetBucketWorm Locked, abort refused, delete of a protected object refused',
    tags: ['worm', 'destructive-worm-lock'],
    async run(ctx) {
      const BW = await ctx.freshBucket('locked');
      const obj = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket: BW, key: obj, body: 'x' }));
      const wormId = ok(await ctx.call('InitiateBucketWorm', { bucket: BW, retentionPeriodInDays: 1 })).data?.wormId;
      ok(await ctx.call('CompleteBucketWorm', { bucket: BW, wormId }));
      eq(ok(await ctx.call('GetBucketWorm', { bucket: BW })).data?.wormState, 'Locked', 'State');
      fails(await ctx.call('AbortBucketWorm', { bucket: BW }), 403, 'WORMConfigurationLocked');
      fails(await ctx.call('DeleteObject', { bucket: BW, key: obj }), 409, 'FileImmutable');
    },
  },
  {
    id: s(66),
    title: 'SSE on copy is echoed; SSE of the source is not inherited (#66–67)',
    tags: ['copy'],
    async run(ctx) {
      const key = ctx.key('sse');
      eq(header(ok(await copy(ctx, key, { serverSideEncryption: 'AES256' })), 'x-oss-server-side-encryption'), 'AES256', 'echoed SSE');
      eq(header(ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key })), 'x-oss-server-side-encryption'), 'AES256', 'stored SSE');
      const plain = ctx.key('plain');
      ok(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key: plain, sourceKey: key }));
      eq(header(ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key: plain })), 'x-oss-server-side-encryption'), undefined, 'inherited SSE');
    },
  },
  {
    id: s(68),
    title: 'invalid SSE → 400 InvalidEncryptionAlgorithmError',
    tags: ['copy'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { serverSideEncryption: 'AES128' }), 400, 'InvalidEncryptionAlgorithmError');
    },
  },
  {
    id: s(69),
    title: 'cross-region copy → 403 AccessDenied',
    tags: ['copy', 'needs-second-region'],
    async run(ctx) {
      fails(
        await ctx.call('CopyObject', { bucket: ctx.buckets.BX!, key: ctx.key('dst'), sourceBucket: ctx.buckets.B1, sourceKey: ctx.src.key, region: ctx.target.secondRegion }),
        403,
        'AccessDenied',
        'Target object does not reside in the same data center as source object.',
      );
    },
  },
  {
    id: s(70),
    title: 'destination key of 1024 bytes → 400 InvalidObjectName',
    tags: ['copy'],
    async run(ctx) {
      fails(await copy(ctx, 'k'.repeat(1024)), 400, 'InvalidObjectName');
    },
  },
  {
    id: s(71),
    title: 'CRC-64 of a 5 MiB random source equals the local computation',
    tags: ['copy', 'slow'],
    async run(ctx) {
      const body = randomBytes(5 * 1024 * 1024);
      const key = ctx.key('big');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body }));
      const o = ok(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key: ctx.key('dst'), sourceKey: key }));
      eq(header(o, 'x-oss-hash-crc64ecma'), crc64(body).toString(), 'x-oss-hash-crc64ecma');
    },
  },
  {
    id: s(72),
    title: '⟂ multipart source (3 parts): the copy answers 200 with the same bytes; destination object type and ETag recorded',
    tags: ['copy', 'multipart', 'discovery'],
    async run(ctx) {
      const parts = [randomBytes(100 * 1024), randomBytes(100 * 1024), randomBytes(10)];
      const srcKey = ctx.key('mp');
      const done = await multipartObject(ctx, ctx.buckets.B1, srcKey, parts);
      const key = ctx.key('dst');
      const o = ok(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key, sourceKey: srcKey }));
      eq(header(o, 'x-oss-hash-crc64ecma'), crc64(Buffer.concat(parts)).toString(), 'x-oss-hash-crc64ecma');
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      ctx.record('x-oss-object-type', header(head, 'x-oss-object-type') ?? null);
      ctx.record('ETag kept', header(head, 'etag') === done.data?.etag);
      truthy(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.equals(Buffer.concat(parts)), 'identical bytes');
    },
  },
  {
    id: s(73),
    title: "the SDK copier's multipart path (threshold 100 KiB, no shallow copy) on a 200 KiB source: Multipart, same CRC-64, another ETag, metadata, tags and Content-Type kept",
    tags: ['copy', 'multipart'],
    async run(ctx) {
      const body = randomBytes(200 * 1024);
      const srcKey = ctx.key('src');
      const put = ok(
        await ctx.call('PutObject', { bucket: ctx.buckets.B1, key: srcKey, body, contentType: 'application/x-big', metadata: { origin: 'copier' }, tagging: 'a=1&b=2' }),
      );
      const key = ctx.key('dst');
      // PY2 copier.py: above multipart_copy_threshold, disable_shallow_copy → HEAD, GetObjectTagging, Initiate with
      // the source's metadata and tags, UploadPartCopy × 2, Complete, then the CRC-64 compared with the HEAD's.
      ok(
        await ctx.call('CopierCopy', {
          bucket: ctx.buckets.B2,
          key,
          sourceBucket: ctx.buckets.B1,
          sourceKey: srcKey,
          copierPartSize: 100 * 1024,
          copierMultipartThreshold: 100 * 1024,
          copierDisableShallowCopy: true,
        }),
      );
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B2, key }));
      eq(
        ['x-oss-object-type', 'x-oss-hash-crc64ecma', 'content-type', 'x-oss-meta-origin', 'x-oss-tagging-count'].map((n) => header(head, n)),
        ['Multipart', crc64(body).toString(), 'application/x-big', 'copier', '2'],
        'destination headers',
      );
      truthy(header(head, 'etag') !== header(put, 'etag'), 'a multipart ETag, not the source\'s');
    },
  },
  {
    id: s(74),
    title: 'bad signature → 403 SignatureDoesNotMatch; unknown key → 403 InvalidAccessKeyId',
    tags: ['copy', 'auth', 'raw-only'],
    async run(ctx) {
      fails(await copy(ctx, ctx.key('dst'), { signWithSecret: 'wrong-secret' }), 403, 'SignatureDoesNotMatch');
      fails(await copy(ctx, ctx.key('dst'), { signWithAccessKeyId: `nobody${randomBytes(4).toString('hex')}` }), 403, 'InvalidAccessKeyId');
    },
  },
  {
    id: s(76),
    title: '⟂ wrong Content-MD5 on a copy',
    tags: ['copy', 'raw-only', 'discovery'],
    async run(ctx) {
      const o = await copy(ctx, ctx.key('dst'), { rawHeaders: { 'content-md5': createHash('md5').update('x').digest('base64') } });
      ctx.record('status', o.status);
      ctx.record('code', o.code);
    },
  },
  {
    id: s(77),
    title: '⟂ raw copy sent without Content-Length or Transfer-Encoding',
    tags: ['copy', 'raw-only', 'discovery'],
    async run(ctx) {
      // MissingContentLength 411 is documented for PutObject; whether a copy (no body) needs the header is [U].
      const key = ctx.key('dst');
      const o = await copy(ctx, key, { omitContentLength: true });
      ctx.record('answer', [o.status, o.code ?? null]);
      if (o.status === 200) eq(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.equals(ctx.src.body), true, 'content');
    },
  },
  {
    id: s(78),
    title: '⟂ 5.5 GiB source built server-side (UploadPartCopy): copy to another bucket (EntityTooLarge expected) and within the bucket',
    tags: ['copy', 'multipart', 'slow', 'discovery'],
    async run(ctx) {
      // Spec §1.9: > 5 GB only within a bucket. Built without moving bytes: 1 MiB → 32 MiB → 1 GiB → 5.5 GiB.
      const B1 = ctx.buckets.B1;
      const MiB = 1024 * 1024;
      const unit = ctx.key('unit');
      ok(await ctx.call('PutObject', { bucket: B1, key: unit, body: randomBytes(MiB) }));
      const mib32 = ctx.key('32mib');
      await multipartObject(ctx, B1, mib32, Array.from({ length: 32 }, () => ({ sourceKey: unit })));
      const gib = ctx.key('1gib');
      await multipartObject(ctx, B1, gib, Array.from({ length: 32 }, () => ({ sourceKey: mib32 })));
      const huge = ctx.key('5.5gib');
      const halfGib = { sourceKey: gib, sourceRange: `bytes=0-${512 * MiB - 1}` };
      await multipartObject(ctx, B1, huge, [...Array.from({ length: 5 }, () => ({ sourceKey: gib })), halfGib]);
      eq(header(ok(await ctx.call('HeadObject', { bucket: B1, key: huge })), 'content-length'), String(5.5 * 1024 * MiB), 'Content-Length');
      const cross = await ctx.call('CopyObject', { bucket: ctx.buckets.B2, key: ctx.key('cross'), sourceBucket: B1, sourceKey: huge });
      ctx.record('cross-bucket copy', [cross.status, cross.code ?? null, cross.message ?? null]);
      const same = await ctx.call('CopyObject', { bucket: B1, key: ctx.key('same'), sourceBucket: B1, sourceKey: huge });
      ctx.record('same-bucket copy', [same.status, same.code ?? null]);
    },
  },
  {
    id: s(45),
    title: '⟂ if-none-match wrong + if-modified-since future',
    tags: ['copy', 'conditions', 'discovery'],
    async run(ctx) {
      const o = await copy(ctx, ctx.key('dst'), { ifNoneMatch: '"0000"', ifModifiedSince: new Date(Date.now() + 365 * 86_400_000).toUTCString() });
      ctx.record('status', o.status);
    },
  },
  {
    id: s(48),
    title: '⟂ self-copy with COPY directive and new metadata',
    tags: ['copy', 'discovery'],
    async run(ctx) {
      const key = ctx.key('self');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'self', metadata: { old: '1' } }));
      const o = await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key, sourceKey: key, metadataDirective: 'COPY', metadata: { x: '1' } });
      ctx.record('status', o.status);
      const h = await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key });
      ctx.record('metadata', [header(h, 'x-oss-meta-x'), header(h, 'x-oss-meta-old')]);
    },
  },
  {
    id: s(49),
    title: '⟂ self-copy with no headers at all',
    tags: ['copy', 'discovery'],
    async run(ctx) {
      const key = ctx.key('self');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'self', metadata: { old: '1' } }));
      const o = await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key, sourceKey: key });
      ctx.record('status', o.status);
      ctx.record('x-oss-meta-old', header(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 'x-oss-meta-old'));
    },
  },
  {
    id: s(55),
    title: '⟂ versionId naming a delete marker',
    tags: ['copy', 'versioning', 'needs-versioning', 'discovery'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const k = ctx.key('k');
      ok(await ctx.call('PutObject', { bucket: BV, key: k, body: 'v1' }));
      const marker = header(ok(await ctx.call('DeleteObject', { bucket: BV, key: k }), 204), 'x-oss-version-id');
      const o = await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d'), sourceBucket: BV, sourceKey: k, sourceVersionId: marker });
      ctx.record('answer', [o.status, o.code, o.ec]);
    },
  },
  {
    id: s(56),
    title: 'unknown versionId → 404 NoSuchVersion; ⟂ a garbage id',
    tags: ['copy', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const k = ctx.key('k');
      ok(await ctx.call('PutObject', { bucket: BV, key: k, body: 'v1' }));
      fails(await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d'), sourceBucket: BV, sourceKey: k, sourceVersionId: 'CAEQMxiBgICAof2D0BYiIDkwMTg3NDU0NGE0ZjQ1YzlhYzY4ZjU1YTE2MzM3ZTQz' }), 404, 'NoSuchVersion');
      const garbage = await ctx.call('CopyObject', { bucket: BV, key: ctx.key('d'), sourceBucket: BV, sourceKey: k, sourceVersionId: 'NotExistVersionID' });
      ctx.record('garbage id', [garbage.status, garbage.code, garbage.message]);
    },
  },
  {
    id: s(58),
    title: '⟂ pre-versioning object: version id null, copyable as ?versionId=null',
    tags: ['copy', 'versioning', 'discovery'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('prever');
      const key = ctx.key('p');
      ok(await ctx.call('PutObject', { bucket, key, body: 'before' }));
      ok(await ctx.call('PutBucketVersioning', { bucket, status: 'Enabled' }));
      ctx.record('head x-oss-version-id', header(await ctx.call('HeadObject', { bucket, key }), 'x-oss-version-id'));
      const o = await ctx.call('CopyObject', { bucket, key: ctx.key('d'), sourceBucket: bucket, sourceKey: key, sourceVersionId: 'null' });
      ctx.record('copy', [o.status, header(o, 'x-oss-copy-source-version-id')]);
    },
  },
  {
    id: s(59),
    title: 'unversioned source into a versioned destination: x-oss-version-id present; ⟂ source version id',
    tags: ['copy', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const o = ok(await copy(ctx, ctx.key('d'), {}, ctx.buckets.BV));
      truthy(header(o, 'x-oss-version-id'), 'x-oss-version-id');
      ctx.record('x-oss-copy-source-version-id', header(o, 'x-oss-copy-source-version-id') ?? null);
    },
  },
  {
    id: s(63),
    title: 'self-copy of a protected object → 409 FileImmutable (also #62 overwrite, #61 source-only recorded)',
    tags: ['copy', 'worm'],
    async run(ctx) {
      const BW = await ctx.freshBucket('selfworm');
      const obj = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket: BW, key: obj, body: 'protected' }));
      ok(await ctx.call('InitiateBucketWorm', { bucket: BW, retentionPeriodInDays: 1 }));
      fails(await ctx.call('CopyObject', { bucket: BW, key: obj, sourceBucket: BW, sourceKey: obj, metadataDirective: 'REPLACE' }), 409, 'FileImmutable');
      const out = await ctx.call('CopyObject', { bucket: ctx.buckets.B2, key: ctx.key('out'), sourceBucket: BW, sourceKey: obj });
      ctx.record('#61 copy out of a WORM bucket', [out.status, out.code]);
      ok(await ctx.call('AbortBucketWorm', { bucket: BW }), 204);
    },
  },
  {
    id: s(75),
    title: 'x-oss-copy-source is signed: sign one, send another → 403 SignatureDoesNotMatch',
    tags: ['copy', 'auth', 'raw-only'],
    async run(ctx) {
      const key = ctx.key('dst');
      const o = await ctx.call('CopyObject', {
        bucket: ctx.buckets.B1,
        key,
        sourceKey: ctx.src.key,
        afterSigning: { 'x-oss-copy-source': `/${ctx.buckets.B1}/${ctx.key('other')}` },
      });
      fails(o, 403, 'SignatureDoesNotMatch');
      await absent(ctx, ctx.buckets.B1, key);
    },
  },
];
