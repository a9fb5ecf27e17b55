// ACL scenarios (behaviour §9.6): object ACL default and round trip, bucket ACL, and the invalid-value errors. The
// messages and the `default` / `private` starting values are what the Swift SDK v2's integration tests assert
// against real OSS (ClientObjectACLTests.swift, ClientBucketAclTests.swift).
import type { Scenario } from '../model.js';
import { eq, fails, ok } from './expect.js';

const s = (n: number) => `acl-${String(n).padStart(2, '0')}`;

export const aclScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'a new object reads default; PutObjectAcl private, public-read, public-read-write, default each read back',
    tags: ['acl', 'objects'],
    async run(ctx) {
      const key = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'acl' }));
      eq(ok(await ctx.call('GetObjectAcl', { bucket: ctx.buckets.B1, key })).data?.acl, 'default', 'ACL of a new object');
      for (const acl of ['private', 'public-read', 'public-read-write', 'default']) {
        ok(await ctx.call('PutObjectAcl', { bucket: ctx.buckets.B1, key, acl }));
        eq(ok(await ctx.call('GetObjectAcl', { bucket: ctx.buckets.B1, key })).data?.acl, acl, `ACL after PutObjectAcl ${acl}`);
      }
    },
  },
  {
    id: s(2),
    title: 'PutObjectAcl with an unknown ACL → 400 InvalidArgument "no such object access control exists"',
    tags: ['acl', 'objects'],
    async run(ctx) {
      const key = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'acl' }));
      fails(await ctx.call('PutObjectAcl', { bucket: ctx.buckets.B1, key, acl: 'invalid' }), 400, 'InvalidArgument', 'no such object access control exists');
      eq(ok(await ctx.call('GetObjectAcl', { bucket: ctx.buckets.B1, key })).data?.acl, 'default', 'ACL unchanged');
    },
  },
  {
    id: s(3),
    title: 'a new bucket reads private; PutBucketAcl public-read then private each read back (GetBucketAcl and GetBucketInfo)',
    tags: ['acl', 'buckets'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('acl');
      eq(ok(await ctx.call('GetBucketAcl', { bucket })).data?.acl, 'private', 'ACL of a new bucket');
      for (const acl of ['public-read', 'private']) {
        ok(await ctx.call('PutBucketAcl', { bucket, acl }));
        eq(ok(await ctx.call('GetBucketAcl', { bucket })).data?.acl, acl, `GetBucketAcl after ${acl}`);
        eq(ok(await ctx.call('GetBucketInfo', { bucket })).data?.acl, acl, `GetBucketInfo Grant after ${acl}`);
      }
    },
  },
  {
    id: s(4),
    title: 'PutBucketAcl with an unknown ACL → 400 InvalidArgument "no such bucket access control exists"',
    tags: ['acl', 'buckets'],
    async run(ctx) {
      fails(await ctx.call('PutBucketAcl', { bucket: ctx.buckets.B2, acl: 'acl' }), 400, 'InvalidArgument', 'no such bucket access control exists');
      eq(ok(await ctx.call('GetBucketAcl', { bucket: ctx.buckets.B2 })).data?.acl, 'private', 'ACL unchanged');
    },
  },
];
