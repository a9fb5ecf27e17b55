// Bucket scenarios (behaviour §9.1): create, describe, delete; the errors of a duplicate, an invalid name, a non-empty and
// a missing bucket. Sources beyond the spec: the Swift SDK v2's integration tests, which run against real OSS
// (ClientBucketBasicTests.swift: NoSuchBucket message, GetBucketLocation `oss-<region>`, GetBucketInfo fields).
import { randomBytes } from 'node:crypto';
import type { Scenario } from '../model.js';
import { eq, fails, ok } from './expect.js';

const s = (n: number) => `bucket-${String(n).padStart(2, '0')}`;
const NO_SUCH_BUCKET = 'The specified bucket does not exist.';


export const bucketScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'PutBucket → 200; GetBucketInfo: name, Location oss-<region>, ACL private, no Versioning; GetBucketLocation; DeleteBucket → 204',
    tags: ['buckets'],
    async run(ctx) {
      const bucket = ctx.ownBucketName('bk01');
      ok(await ctx.call('PutBucket', { bucket }));
      try {
        const info = ok(await ctx.call('GetBucketInfo', { bucket })).data;
        eq(
          [info?.name, info?.location, info?.acl, info?.versioning],
          [bucket, `oss-${ctx.target.region}`, 'private', undefined],
          'GetBucketInfo Name, Location, Grant, Versioning',
        );
        eq(ok(await ctx.call('GetBucketLocation', { bucket })).data?.location, `oss-${ctx.target.region}`, 'LocationConstraint');
      } finally {
        ok(await ctx.call('DeleteBucket', { bucket }), 204);
      }
      fails(await ctx.call('GetBucketInfo', { bucket }), 404, 'NoSuchBucket', NO_SUCH_BUCKET);
    },
  },
  {
    id: s(2),
    title: 'PutBucket on a bucket one already owns → 200',
    tags: ['buckets'],
    async run(ctx) {
      // Captured (audit #3): the PutBucket doc ("已经存在，并且请求者是所有者，返回200 OK"); Java
      // CreateBucketTest.testPutWithDefaultLocation. Only another account's name is 409 BucketAlreadyExists.
      ok(await ctx.call('PutBucket', { bucket: ctx.buckets.B2 }));
    },
  },
  {
    id: s(3),
    title: 'invalid bucket name → 400 InvalidBucketName',
    tags: ['buckets'],
    async run(ctx) {
      // Too short (3–63 characters, behaviour §8.6). The SDKs refuse it before sending, so only the client and raw send it.
      fails(await ctx.call('PutBucket', { bucket: 'ab' }), 400, 'InvalidBucketName', 'The specified bucket is not valid.');
    },
  },
  {
    id: s(4),
    title: 'DeleteBucket of a non-empty bucket → 409 BucketNotEmpty; the object stays',
    tags: ['buckets'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('full');
      const key = ctx.key('obj');
      ok(await ctx.call('PutObject', { bucket, key, body: 'x' }));
      // Message as captured (audit #8: DeleteBucket doc sample; Go SDK v2 testMockDeleteBucketErrorCases).
      fails(await ctx.call('DeleteBucket', { bucket }), 409, 'BucketNotEmpty', 'The bucket has objects. Please delete them first.');
      ok(await ctx.call('HeadObject', { bucket, key }));
    },
  },
  {
    id: s(5),
    title: 'missing bucket: DeleteBucket, GetBucketInfo, GetBucketLocation, PutObject → 404 NoSuchBucket',
    tags: ['buckets'],
    async run(ctx) {
      const bucket = `nosuchbucket-${randomBytes(6).toString('hex')}`;
      fails(await ctx.call('DeleteBucket', { bucket }), 404, 'NoSuchBucket', NO_SUCH_BUCKET);
      fails(await ctx.call('GetBucketInfo', { bucket }), 404, 'NoSuchBucket', NO_SUCH_BUCKET);
      fails(await ctx.call('GetBucketLocation', { bucket }), 404, 'NoSuchBucket', NO_SUCH_BUCKET);
      fails(await ctx.call('PutObject', { bucket, key: 'k', body: 'x' }), 404, 'NoSuchBucket', NO_SUCH_BUCKET);
    },
  },
];
