// PostObject scenarios (behaviour §9.13): a browser form to the bucket, through every driver that can post one
// (our client's presignPostObject, ali-oss calculatePostSignature, raw V4 and V1 forms). Sources: API reference
// PostObject (success_action_status / success_action_redirect, the form fields) and the PostObject errors page
// ("Post Object common errors" #3, #8, #13; the EC pages 0006-00000227).
import { createHash } from 'node:crypto';
import { crc64 } from '@local-oss/client';
import type { Scenario } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';

const s = (n: number) => `post-${String(n).padStart(2, '0')}`;

export const postScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'a signed form → 204 with ETag and CRC-64; the object has the bytes, the Content-Type and x-oss-meta-* fields',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('form');
      const body = Buffer.from('posted by a browser form');
      const post = ok(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body, contentType: 'text/plain', metadata: { origin: 'form' } }), 204);
      const etag = `"${createHash('md5').update(body).digest('hex').toUpperCase()}"`;
      eq([header(post, 'etag'), header(post, 'x-oss-hash-crc64ecma')], [etag, crc64(body).toString()], 'PostObject headers');
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq([header(head, 'content-type'), header(head, 'x-oss-meta-origin'), header(head, 'etag')], ['text/plain', 'form', etag], 'stored headers');
      truthy(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.equals(body), 'identical bytes');
    },
  },
  {
    id: s(2),
    title: 'success_action_status 201 → the PostResponse document (Bucket, Key, ETag of the header)',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('created');
      const post = ok(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', postFields: { success_action_status: '201' } }), 201);
      eq([post.data?.name, post.data?.key, post.data?.etag], [ctx.buckets.B1, key, header(post, 'etag')], 'PostResponse');
    },
  },
  {
    id: s(3),
    title: 'success_action_redirect → 303 to that URL with bucket, key and etag',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('redirect');
      const post = ok(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', postFields: { success_action_redirect: 'http://app.example/done' } }), 303);
      const location = new URL(header(post, 'location') ?? 'about:blank');
      eq(
        [location.origin + location.pathname, location.searchParams.get('bucket'), location.searchParams.get('key'), location.searchParams.get('etag')],
        ['http://app.example/done', ctx.buckets.B1, key, header(post, 'etag')],
        'Location',
      );
    },
  },
  {
    id: s(4),
    title: 'a key the policy does not allow → 403 AccessDenied "Policy Condition failed" quoting the condition; nothing stored',
    tags: ['objects', 'auth'],
    async run(ctx) {
      const key = ctx.key('outside');
      const post = fails(
        await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', postConditions: [['starts-with', '$key', 'user/eric/']] }),
        403,
        'AccessDenied',
        'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/eric/"]',
      );
      eq(post.ec, '0006-00000227', 'EC');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
  {
    id: s(5),
    title: 'content-length-range: a file over the maximum → 400 EntityTooLarge, under the minimum → 400 EntityTooSmall; nothing stored',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('sized');
      const range = { postConditions: [['content-length-range', 5, 10]] };
      fails(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'eleven byte', ...range }), 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size.');
      fails(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'four', ...range }), 400, 'EntityTooSmall', 'Your proposed upload smaller than the minimum allowed size.');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
      ok(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'just ten!!', ...range }), 204);
    },
  },
  {
    id: s(6),
    title: 'x-oss-forbid-overwrite true over an existing object → 409 FileAlreadyExists; the object is kept',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('kept');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'first' }));
      fails(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'second', forbidOverwrite: true }), 409, 'FileAlreadyExists');
      eq(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key })).body?.toString(), 'first', 'kept bytes');
    },
  },
  {
    id: s(7),
    title: 'an expired policy → 403 AccessDenied "Invalid according to Policy: Policy expired."',
    tags: ['objects', 'auth'],
    async run(ctx) {
      const key = ctx.key('expired');
      fails(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', postExpiresSeconds: -60 }), 403, 'AccessDenied', 'Invalid according to Policy: Policy expired.');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
  {
    id: s(8),
    title: 'the key field after the file part → 400 InvalidArgument (the form is read up to the file)',
    tags: ['objects'],
    async run(ctx) {
      const key = ctx.key('late');
      fails(
        await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', postKeyAfterFile: true }),
        400,
        'InvalidArgument',
        "The bucket POST must contain the specified 'key'. If it is specified, please check the order of the fields",
      );
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
  {
    id: s(9),
    title: '${filename} in the key field becomes the file part\'s filename',
    tags: ['objects'],
    async run(ctx) {
      const dir = ctx.key('named');
      ok(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key: `${dir}/\${filename}`, body: 'named', postFilename: 'photo.jpg' }), 204);
      eq(ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key: `${dir}/photo.jpg` })).body?.toString(), 'named', 'substituted key');
    },
  },
  {
    id: s(10),
    title: 'a form signed with the wrong secret → 403 SignatureDoesNotMatch; unsigned to a private bucket → 403 AccessDenied',
    tags: ['objects', 'auth', 'raw-only'],
    async run(ctx) {
      const key = ctx.key('forged');
      fails(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', signWithSecret: 'not-the-secret' }), 403, 'SignatureDoesNotMatch');
      fails(await ctx.call('PostObject', { bucket: ctx.buckets.B1, key, body: 'x', anonymous: true }), 403, 'AccessDenied');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
];
