// Lifecycle scenarios (behaviour §14.7): Put/Get/DeleteBucketLifecycle. Execution against a moved clock is the
// emulator's own (emulator/test/http/lifecycle.test.ts): real OSS runs its rules once a day, which no run can wait for.
import type { Scenario } from '../model.js';
import { eq, fails, ok } from './expect.js';

const s = (n: number) => `lifecycle-${String(n).padStart(2, '0')}`;

export const lifecycleScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'GetBucketLifecycle: 404 NoSuchLifecycle before any rule, the rule back after a put, 404 again after a delete',
    tags: ['lifecycle'],
    async run(ctx) {
      // oss2 live tests/test_bucket.py test_lifecycle_days (NoSuchLifecycle after the delete; the delete twice).
      const bucket = await ctx.freshBucket('lc');
      fails(await ctx.call('GetBucketLifecycle', { bucket }), 404, 'NoSuchLifecycle');
      const rule = { id: 'expire-tmp', prefix: 'tmp/', status: 'Enabled', expirationDays: 30 };
      ok(await ctx.call('PutBucketLifecycle', { bucket, lifecycleRules: [rule] }));
      eq(ok(await ctx.call('GetBucketLifecycle', { bucket })).data?.lifecycleRules, [rule], 'the rule read back');
      ok(await ctx.call('DeleteBucketLifecycle', { bucket }), 204);
      ok(await ctx.call('DeleteBucketLifecycle', { bucket }), 204);
      fails(await ctx.call('GetBucketLifecycle', { bucket }), 404, 'NoSuchLifecycle');
    },
  },
];
