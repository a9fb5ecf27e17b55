// Bucket retention policy (WORM) scenarios (behaviour §6): the InProgress life cycle, its errors, what a policy protects,
// and — only in scenarios tagged destructive-worm-lock, since a locked bucket cannot be deleted on real OSS — locking
// and extending. Each uses a bucket of its own. Sources: PY2 tests/integration/test_bucket_worm_client.py (Initiate
// → Abort 204 → Initiate → Get InProgress → Complete → Extend), the Swift SDK v2's ClientBucketWormTests.swift
// (404 NoSuchWORMConfiguration "The WORM Configuration does not exist." without a policy and after Abort).
import type { Scenario } from '../model.js';
import { eq, fails, ok, truthy } from './expect.js';

const s = (n: number) => `worm-${String(n).padStart(2, '0')}`;
const NO_WORM = 'The WORM Configuration does not exist.';

export const wormScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'no policy: GetBucketWorm → 404 NoSuchWORMConfiguration',
    tags: ['worm'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('worm');
      fails(await ctx.call('GetBucketWorm', { bucket }), 404, 'NoSuchWORMConfiguration', NO_WORM);
    },
  },
  {
    id: s(2),
    title: 'Initiate → x-oss-worm-id; Get: InProgress, the id, 1 day; Abort → 204; Get → 404; Initiate again → 200',
    tags: ['worm'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('worm');
      const wormId = ok(await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 1 })).data?.wormId;
      truthy(wormId, 'x-oss-worm-id');
      const got = ok(await ctx.call('GetBucketWorm', { bucket })).data;
      eq([got?.wormId, got?.wormState, got?.retentionPeriodInDays], [wormId, 'InProgress', 1], 'WormId, State, RetentionPeriodInDays');
      ok(await ctx.call('AbortBucketWorm', { bucket }), 204);
      fails(await ctx.call('GetBucketWorm', { bucket }), 404, 'NoSuchWORMConfiguration', NO_WORM);
      ok(await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 1 }));
      ok(await ctx.call('AbortBucketWorm', { bucket }), 204);
    },
  },
  {
    id: s(3),
    title: 'CompleteBucketWorm with the id of an aborted policy → 404 (code recorded)',
    tags: ['worm', 'discovery'],
    async run(ctx) {
      // GO2 TestBucketWorm: Complete/Extend after Abort → 404; which code and message is [I] (behaviour §6.1).
      const bucket = await ctx.freshBucket('worm');
      const wormId = ok(await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 1 })).data?.wormId;
      ok(await ctx.call('AbortBucketWorm', { bucket }), 204);
      const o = fails(await ctx.call('CompleteBucketWorm', { bucket, wormId }), 404);
      ctx.record('answer', [o.code ?? null, o.message ?? null]);
    },
  },
  {
    id: s(4),
    title: '⟂ InitiateBucketWorm while a policy is in progress; AbortBucketWorm without a policy',
    tags: ['worm', 'discovery'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('worm');
      const none = await ctx.call('AbortBucketWorm', { bucket });
      ctx.record('abort without a policy', [none.status, none.code ?? null]);
      ok(await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 1 }));
      const again = await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 2 });
      ctx.record('second initiate', [again.status, again.code ?? null, again.message ?? null]);
      ok(await ctx.call('AbortBucketWorm', { bucket }), 204);
    },
  },
  {
    id: s(5),
    title: '⟂ InitiateBucketWorm with 0 days',
    tags: ['worm', 'discovery'],
    async run(ctx) {
      // 1 day … 70 years is documented (behaviour §6.1); the error is not.
      const bucket = await ctx.freshBucket('worm');
      const o = await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 0 });
      ctx.record('answer', [o.status, o.code ?? null, o.message ?? null]);
      if (o.status === 200) ok(await ctx.call('AbortBucketWorm', { bucket }), 204);
    },
  },
  {
    id: s(6),
    title: 'InProgress policy: overwrite and delete of an existing object → 409 FileImmutable; a new object and reads are fine',
    tags: ['worm'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('worm');
      const key = ctx.key('protected');
      ok(await ctx.call('PutObject', { bucket, key, body: 'before' }));
      ok(await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 1 }));
      const immutable = 'The object you specified is immutable.';
      fails(await ctx.call('PutObject', { bucket, key, body: 'after' }), 409, 'FileImmutable', immutable);
      fails(await ctx.call('DeleteObject', { bucket, key }), 409, 'FileImmutable', immutable);
      eq(ok(await ctx.call('GetObject', { bucket, key })).body?.toString(), 'before', 'content');
      ok(await ctx.call('PutObject', { bucket, key: ctx.key('new'), body: 'new' }));
      ok(await ctx.call('AbortBucketWorm', { bucket }), 204);
      ok(await ctx.call('DeleteObject', { bucket, key }), 204);
    },
  },
  {
    id: s(7),
    title: 'locked policy: ExtendBucketWorm 1 → 2 days, GetBucketWorm Locked with 2 days',
    tags: ['worm', 'destructive-worm-lock'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('extend');
      const wormId = ok(await ctx.call('InitiateBucketWorm', { bucket, retentionPeriodInDays: 1 })).data?.wormId;
      ok(await ctx.call('CompleteBucketWorm', { bucket, wormId }));
      ok(await ctx.call('ExtendBucketWorm', { bucket, wormId, retentionPeriodInDays: 2 }));
      const got = ok(await ctx.call('GetBucketWorm', { bucket })).data;
      eq([got?.wormState, got?.retentionPeriodInDays], ['Locked', 2], 'State, RetentionPeriodInDays');
    },
  },
];
