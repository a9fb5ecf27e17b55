// Versioning scenarios (behaviour §4, §9.7): Get/PutBucketVersioning, versions listed, reads by versionId, delete markers,
// suspended buckets. Each lists only its own keys (prefix) in the run's BV / BS buckets.
import type { Scenario, ScenarioContext } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';

const s = (n: number) => `version-${String(n).padStart(2, '0')}`;

async function versionsOf(ctx: ScenarioContext, bucket: string, key: string) {
  return ok(await ctx.call('ListObjectVersions', { bucket, prefix: key })).data?.versions?.filter((v) => v.key === key) ?? [];
}

export const versioningScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'GetBucketVersioning: no Status on a new bucket, then Enabled, then Suspended',
    tags: ['versioning'],
    async run(ctx) {
      // Swift SDK v2 ClientBucketVersioningTests.swift (nil status first); ali-oss multiversion test (undefined).
      const bucket = await ctx.freshBucket('ver');
      eq(ok(await ctx.call('GetBucketVersioning', { bucket })).data?.versioning, undefined, 'Status of a new bucket');
      for (const status of ['Enabled', 'Suspended']) {
        ok(await ctx.call('PutBucketVersioning', { bucket, status }));
        eq(ok(await ctx.call('GetBucketVersioning', { bucket })).data?.versioning, status, `Status after ${status}`);
      }
      eq(ok(await ctx.call('GetBucketInfo', { bucket })).data?.versioning, 'Suspended', 'GetBucketInfo Versioning');
    },
  },
  {
    id: s(2),
    title: 'PutBucketVersioning with an unknown status → 400 MalformedXML',
    tags: ['versioning'],
    async run(ctx) {
      // DOCS PutBucketVersioning.md says InvalidArgument; two suites run against OSS assert MalformedXML (the Swift
      // SDK's, and oss2 tests/test_bucket_versioning.py test_bucket_versioning_wrong), so the captures win.
      const bucket = await ctx.freshBucket('badver');
      fails(await ctx.call('PutBucketVersioning', { bucket, status: 'status' }), 400, 'MalformedXML');
      eq(ok(await ctx.call('GetBucketVersioning', { bucket })).data?.versioning, undefined, 'Status unchanged');
    },
  },
  {
    id: s(3),
    title: 'two PutObjects: two versions listed, the newer IsLatest; GET and HEAD ?versionId= read each',
    tags: ['versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const key = ctx.key('k');
      const v1 = header(ok(await ctx.call('PutObject', { bucket: BV, key, body: 'one' })), 'x-oss-version-id')!;
      const v2 = header(ok(await ctx.call('PutObject', { bucket: BV, key, body: 'two!' })), 'x-oss-version-id')!;
      truthy(v1 && v2 && v1 !== v2, 'two version ids');
      const listed = await versionsOf(ctx, BV, key);
      eq(
        listed.map((v) => [v.versionId, v.isLatest, v.deleteMarker]).sort(),
        [[v1, false, false], [v2, true, false]].sort(),
        'listed versions',
      );
      eq(ok(await ctx.call('GetObject', { bucket: BV, key, versionId: v1 })).body?.toString(), 'one', 'GET v1');
      eq(ok(await ctx.call('GetObject', { bucket: BV, key })).body?.toString(), 'two!', 'GET current');
      const head = ok(await ctx.call('HeadObject', { bucket: BV, key, versionId: v1 }));
      eq([header(head, 'content-length'), header(head, 'x-oss-version-id')], ['3', v1], 'HEAD v1');
    },
  },
  {
    id: s(4),
    title: 'DeleteObject in a versioned bucket: a delete marker (204, x-oss-delete-marker); GET 404; deleting the marker restores',
    tags: ['versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const key = ctx.key('k');
      const v1 = header(ok(await ctx.call('PutObject', { bucket: BV, key, body: 'one' })), 'x-oss-version-id')!;
      const del = ok(await ctx.call('DeleteObject', { bucket: BV, key }), 204);
      const marker = header(del, 'x-oss-version-id')!;
      eq(header(del, 'x-oss-delete-marker'), 'true', 'x-oss-delete-marker');
      truthy(marker && marker !== v1, 'a marker version id');
      fails(await ctx.call('GetObject', { bucket: BV, key }), 404, 'NoSuchKey');
      const listed = await versionsOf(ctx, BV, key);
      eq(
        listed.map((v) => [v.versionId, v.isLatest, v.deleteMarker]).sort(),
        [[marker, true, true], [v1, false, false]].sort(),
        'listed versions',
      );
      const removed = ok(await ctx.call('DeleteObject', { bucket: BV, key, versionId: marker }), 204);
      eq([header(removed, 'x-oss-delete-marker'), header(removed, 'x-oss-version-id')], ['true', marker], 'removing the marker');
      eq(ok(await ctx.call('GetObject', { bucket: BV, key })).body?.toString(), 'one', 'current again');
    },
  },
  {
    id: s(5),
    title: 'GET ?versionId= of a delete marker → 405 (code recorded)',
    tags: ['versioning', 'needs-versioning', 'discovery'],
    async run(ctx) {
      // Status from ali-oss's multiversion test ("should throw error when version is delete marker"); code [I].
      const BV = ctx.buckets.BV;
      const key = ctx.key('k');
      ok(await ctx.call('PutObject', { bucket: BV, key, body: 'one' }));
      const marker = header(ok(await ctx.call('DeleteObject', { bucket: BV, key }), 204), 'x-oss-version-id')!;
      const o = fails(await ctx.call('GetObject', { bucket: BV, key, versionId: marker }), 405);
      ctx.record('code', o.code ?? null);
    },
  },
  {
    id: s(6),
    title: 'DeleteObject ?versionId= removes that version for good: x-oss-version-id echoed, gone from the listing',
    tags: ['versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const key = ctx.key('k');
      const v1 = header(ok(await ctx.call('PutObject', { bucket: BV, key, body: 'one' })), 'x-oss-version-id')!;
      const v2 = header(ok(await ctx.call('PutObject', { bucket: BV, key, body: 'two' })), 'x-oss-version-id')!;
      const del = ok(await ctx.call('DeleteObject', { bucket: BV, key, versionId: v1 }), 204);
      eq([header(del, 'x-oss-version-id'), header(del, 'x-oss-delete-marker')], [v1, undefined], 'delete answer');
      eq((await versionsOf(ctx, BV, key)).map((v) => v.versionId), [v2], 'remaining versions');
      fails(await ctx.call('GetObject', { bucket: BV, key, versionId: v1 }), 404);
    },
  },
  {
    id: s(7),
    title: 'Suspended bucket: PutObject answers version id null and replaces the null version; DeleteObject leaves a null marker',
    tags: ['versioning', 'needs-versioning'],
    async run(ctx) {
      const BS = ctx.buckets.BS;
      const key = ctx.key('k');
      eq(header(ok(await ctx.call('PutObject', { bucket: BS, key, body: 'one' })), 'x-oss-version-id'), 'null', 'first put');
      eq(header(ok(await ctx.call('PutObject', { bucket: BS, key, body: 'two' })), 'x-oss-version-id'), 'null', 'second put');
      eq((await versionsOf(ctx, BS, key)).map((v) => v.versionId), ['null'], 'one null version');
      const del = ok(await ctx.call('DeleteObject', { bucket: BS, key }), 204);
      eq([header(del, 'x-oss-delete-marker'), header(del, 'x-oss-version-id')], ['true', 'null'], 'delete answer');
      eq((await versionsOf(ctx, BS, key)).map((v) => [v.versionId, v.deleteMarker]), [['null', true]], 'the null version became a marker');
    },
  },
  {
    id: s(8),
    title: 'GET ?versionId= of an id that does not exist → 404 (code recorded)',
    tags: ['versioning', 'needs-versioning', 'discovery'],
    async run(ctx) {
      // NoSuchVersion with EC 0012-00000203 is documented for the copy source; for GetObject the code is [I].
      const BV = ctx.buckets.BV;
      const key = ctx.key('k');
      ok(await ctx.call('PutObject', { bucket: BV, key, body: 'one' }));
      const o = fails(await ctx.call('GetObject', { bucket: BV, key, versionId: 'CAEQMxiBgICAof2D0BYiIDkwMTg3NDU0NGE0ZjQ1YzlhYzY4ZjU1YTE2MzM3ZTQz' }), 404);
      ctx.record('code', o.code ?? null);
    },
  },
];
