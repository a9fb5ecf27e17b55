// Object tagging scenarios (behaviour §5): Put/Get/DeleteObjectTagging, x-oss-tagging-count, tags per version, and the
// limits (≤ 10 tags, key ≤ 128, value ≤ 256), whose error codes the sources leave open ([U]): those are recorded.
import type { Scenario, ScenarioContext } from '../model.js';
import { eq, fails, header, ok } from './expect.js';

const s = (n: number) => `tagging-${String(n).padStart(2, '0')}`;

async function object(ctx: ScenarioContext, bucket = ctx.buckets.B1): Promise<string> {
  const key = ctx.key('obj');
  ok(await ctx.call('PutObject', { bucket, key, body: 'tagged' }));
  return key;
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: `v${i}` }));

export const taggingScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'untagged: empty tag set, no x-oss-tagging-count; Put → Get the set, count 2; Delete → 204, empty again',
    tags: ['tagging'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = await object(ctx);
      // Swift SDK v2 ClientObjectTaggingTests.swift: an untagged object answers 200 with no tags.
      eq(ok(await ctx.call('GetObjectTagging', { bucket, key })).data?.tags, [], 'tags of an untagged object');
      eq(header(ok(await ctx.call('HeadObject', { bucket, key })), 'x-oss-tagging-count'), undefined, 'x-oss-tagging-count untagged');
      const set = [{ key: 'project', value: 'local oss' }, { key: 'a:b', value: '1+1=2' }];
      ok(await ctx.call('PutObjectTagging', { bucket, key, tagSet: set }));
      eq(ok(await ctx.call('GetObjectTagging', { bucket, key })).data?.tags?.slice().sort((x, y) => x.key.localeCompare(y.key)), set.slice().sort((x, y) => x.key.localeCompare(y.key)), 'tags');
      eq(header(ok(await ctx.call('HeadObject', { bucket, key })), 'x-oss-tagging-count'), '2', 'x-oss-tagging-count');
      ok(await ctx.call('DeleteObjectTagging', { bucket, key }), 204);
      eq(ok(await ctx.call('GetObjectTagging', { bucket, key })).data?.tags, [], 'tags after DeleteObjectTagging');
    },
  },
  {
    id: s(2),
    title: 'PutObjectTagging replaces the whole set and leaves Last-Modified alone',
    tags: ['tagging'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = await object(ctx);
      const before = header(ok(await ctx.call('HeadObject', { bucket, key })), 'last-modified');
      ok(await ctx.call('PutObjectTagging', { bucket, key, tagSet: [{ key: 'a', value: '1' }] }));
      // A second apart, so a Last-Modified moved by the tag write would show (second resolution).
      await new Promise((r) => setTimeout(r, 1100));
      ok(await ctx.call('PutObjectTagging', { bucket, key, tagSet: [{ key: 'b', value: '2' }] }));
      eq(ok(await ctx.call('GetObjectTagging', { bucket, key })).data?.tags, [{ key: 'b', value: '2' }], 'tags');
      eq(header(ok(await ctx.call('HeadObject', { bucket, key })), 'last-modified'), before, 'Last-Modified');
    },
  },
  {
    id: s(3),
    title: 'x-oss-tagging on PutObject is read back by GetObjectTagging',
    tags: ['tagging'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket, key, body: 'x', tagging: 'k1=v1&k2=v%202' }));
      eq(ok(await ctx.call('GetObjectTagging', { bucket, key })).data?.tags, [{ key: 'k1', value: 'v1' }, { key: 'k2', value: 'v 2' }], 'tags');
    },
  },
  {
    id: s(4),
    title: 'tags are per version: PutObjectTagging ?versionId= of the older version leaves the current one untagged',
    tags: ['tagging', 'versioning', 'needs-versioning'],
    async run(ctx) {
      const BV = ctx.buckets.BV;
      const key = ctx.key('obj');
      const v1 = header(ok(await ctx.call('PutObject', { bucket: BV, key, body: 'one' })), 'x-oss-version-id')!;
      ok(await ctx.call('PutObject', { bucket: BV, key, body: 'two' }));
      const put = ok(await ctx.call('PutObjectTagging', { bucket: BV, key, versionId: v1, tagSet: [{ key: 'old', value: 'yes' }] }));
      eq(header(put, 'x-oss-version-id'), v1, 'x-oss-version-id of PutObjectTagging');
      eq(ok(await ctx.call('GetObjectTagging', { bucket: BV, key, versionId: v1 })).data?.tags, [{ key: 'old', value: 'yes' }], 'tags of v1');
      eq(ok(await ctx.call('GetObjectTagging', { bucket: BV, key })).data?.tags, [], 'tags of the current version');
    },
  },
  {
    id: s(5),
    title: 'PutObjectTagging with 11 tags → 400 (code recorded), tags unchanged',
    tags: ['tagging', 'discovery'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = await object(ctx);
      const o = fails(await ctx.call('PutObjectTagging', { bucket, key, tagSet: tags(11) }), 400);
      ctx.record('code', o.code ?? null);
      eq(ok(await ctx.call('GetObjectTagging', { bucket, key })).data?.tags, [], 'tags');
      ok(await ctx.call('PutObjectTagging', { bucket, key, tagSet: tags(10) }));
    },
  },
  {
    id: s(6),
    title: 'a 129-character tag key and a 257-character value → 400 (codes recorded); 128 and 256 are accepted',
    tags: ['tagging', 'discovery'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = await object(ctx);
      const longKey = fails(await ctx.call('PutObjectTagging', { bucket, key, tagSet: [{ key: 'k'.repeat(129), value: 'v' }] }), 400);
      const longValue = fails(await ctx.call('PutObjectTagging', { bucket, key, tagSet: [{ key: 'k', value: 'v'.repeat(257) }] }), 400);
      ctx.record('codes', { key129: longKey.code ?? null, value257: longValue.code ?? null });
      ok(await ctx.call('PutObjectTagging', { bucket, key, tagSet: [{ key: 'k'.repeat(128), value: 'v'.repeat(256) }] }));
    },
  },
];
