// Symlinks, SealAppendObject and CleanRestoredObject (behaviour §9.10–9.12, issue 20). Requests and answers are PY2's
// models in camelCase (documents.ts).
import type { Outcome, Scenario } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const res = (o: Outcome): any => o.data?.result ?? {};

export const symlinkScenarios: Scenario[] = [
  {
    id: 'symlink-01',
    title: 'PutSymlink / GetSymlink: the target read back; GET and HEAD through the link answer the target\'s bytes and ETag with x-oss-object-type Symlink',
    tags: ['symlink', 'objects'],
    async run(ctx) {
      // oss2 live test_put_symlink (GET through the link, object type), PY2 GetSymlinkResult, behaviour §9.12.
      const bucket = ctx.buckets.B1;
      const target = ctx.key('target');
      const link = ctx.key('link');
      const put = ok(await ctx.call('PutObject', { bucket, key: target, body: 'symlink target bytes' }));
      ok(await ctx.call('PutSymlink', { bucket, key: link, request: { target } }));
      // PY2 hands x-oss-symlink-target over as sent (URL-encoded); the client and ali-oss decode it.
      eq(decodeURIComponent(res(ok(await ctx.call('GetSymlink', { bucket, key: link }))).target ?? ''), target, 'the target read back');
      const got = ok(await ctx.call('GetObject', { bucket, key: link }));
      eq([got.body?.toString(), header(got, 'etag'), header(got, 'x-oss-object-type')], ['symlink target bytes', header(put, 'etag'), 'Symlink'], 'GET through the link');
      const head = ok(await ctx.call('HeadObject', { bucket, key: link }));
      eq([header(head, 'content-length'), header(head, 'x-oss-object-type')], ['20', 'Symlink'], 'HEAD through the link');
    },
  },
  {
    id: 'symlink-02',
    title: 'a link to a missing target: PutSymlink 200, GET through it → 404 NoSuchKey; GetSymlink of a plain object → 400 NotSymlink',
    tags: ['symlink', 'objects'],
    async run(ctx) {
      // behaviour §9.12 (both [I] on the code); the missing target's 404 follows oss2's NoSuchKey for the target.
      const bucket = ctx.buckets.B1;
      const link = ctx.key('dangling');
      ok(await ctx.call('PutSymlink', { bucket, key: link, request: { target: ctx.key('missing') } }));
      fails(await ctx.call('GetObject', { bucket, key: link }), 404, 'NoSuchKey');
      fails(await ctx.call('GetSymlink', { bucket, key: ctx.src.key }), 400, 'NotSymlink');
    },
  },
  {
    id: 'symlink-03',
    title: '⟂ CopyObject of a link: what the copy is (a link to the same key, or the target\'s bytes) is recorded',
    tags: ['symlink', 'copy', 'discovery'],
    async run(ctx) {
      // behaviour §9.12: "CopyObject of a link makes a link to the same key" is [I]; no source captured it.
      const bucket = ctx.buckets.B1;
      const target = ctx.key('target');
      const link = ctx.key('link');
      const copy = ctx.key('copy');
      ok(await ctx.call('PutObject', { bucket, key: target, body: 'copied through a link' }));
      ok(await ctx.call('PutSymlink', { bucket, key: link, request: { target } }));
      ok(await ctx.call('CopyObject', { bucket, key: copy, sourceKey: link }));
      const asLink = await ctx.call('GetSymlink', { bucket, key: copy });
      const read = ok(await ctx.call('GetObject', { bucket, key: copy }));
      eq(read.body?.toString(), 'copied through a link', 'the copy reads as the target');
      ctx.record('copy', { getSymlinkStatus: asLink.status, target: decodeURIComponent(res(asLink).target ?? ''), objectType: header(read, 'x-oss-object-type') });
    },
  },
  {
    id: 'seal-01',
    title: 'SealAppendObject: position ≠ length → 409 PositionNotEqualToLength; sealed → 200 with x-oss-sealed-time, also on HEAD; a later append → 409 ObjectNotAppendable; a Normal object → 409 ObjectNotAppendable',
    tags: ['append', 'objects'],
    async run(ctx) {
      // GO2/PY2 SealAppendObjectResult (x-oss-sealed-time), Java SealAppendObjectTest (HEAD), behaviour §9.11 ([I] codes).
      const bucket = ctx.buckets.B1;
      const key = ctx.key('appended');
      eq(res(ok(await ctx.call('AppendObject', { bucket, key, body: 'abc', request: { position: 0 } }))).nextPosition, 3, 'next position');
      fails(await ctx.call('SealAppendObject', { bucket, key, request: { position: 2 } }), 409, 'PositionNotEqualToLength');
      const sealed = res(ok(await ctx.call('SealAppendObject', { bucket, key, request: { position: 3 } }))).sealedTime;
      truthy(sealed, 'x-oss-sealed-time');
      eq(header(ok(await ctx.call('HeadObject', { bucket, key })), 'x-oss-sealed-time'), sealed, 'HEAD x-oss-sealed-time');
      fails(await ctx.call('AppendObject', { bucket, key, body: 'def', request: { position: 3 } }), 409, 'ObjectNotAppendable');
      fails(await ctx.call('SealAppendObject', { bucket, key: ctx.src.key, request: { position: ctx.src.body.length } }), 409, 'ObjectNotAppendable');
    },
  },
  {
    id: 'archive-04',
    title: 'CleanRestoredObject of an Archive object: nothing restored → 409 ArchiveRestoreFileStale; while restoring → 409 ArchiveRestoreNotFinished',
    tags: ['archive'],
    async run(ctx) {
      // PY2 tests/integration/test_clean_restored_object_client.py (codes), behaviour §9.10.
      const bucket = ctx.buckets.B1;
      const key = ctx.key('frozen');
      ok(await ctx.call('PutObject', { bucket, key, body: 'archive bytes', storageClass: 'Archive' }));
      fails(await ctx.call('CleanRestoredObject', { bucket, key }), 409, 'ArchiveRestoreFileStale');
      ok(await ctx.call('RestoreObject', { bucket, key }), 202);
      fails(await ctx.call('CleanRestoredObject', { bucket, key }), 409, 'ArchiveRestoreNotFinished');
    },
  },
];
