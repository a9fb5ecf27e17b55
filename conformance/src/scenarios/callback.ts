// Upload callbacks (behaviour §9.14) and sequential multipart uploads (§9.15), as far as a scenario can go on any
// target: refusals of bad callback documents (EC pages 0007-00000002/-03/-102) and a callback whose server refuses
// the connection (203 CallbackFailed, the object stored). A callback actually received and answered needs a server
// the target can reach; real OSS cannot reach the runner's loopback, so those are emulator/test/http/callback.test.ts.
import type { Scenario } from '../model.js';
import { eq, fails, header, ok, truthy } from './expect.js';

const c = (n: number) => `callback-${String(n).padStart(2, '0')}`;
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');
/** Port 1 on the target's own loopback: nothing listens there, on the emulator's host or OSS's. */
const REFUSING = 'http://127.0.0.1:1/callback';

export const callbackScenarios: Scenario[] = [
  {
    id: c(1),
    title: 'PutObject with a callback whose server refuses the connection → 203 CallbackFailed; the object is stored',
    tags: ['objects', 'callback'],
    async run(ctx) {
      const key = ctx.key('refused');
      fails(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'callback bytes', callback: b64({ callbackUrl: REFUSING, callbackBody: 'object=${object}' }) }), 203, 'CallbackFailed');
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq(header(head, 'content-length'), '14', 'stored size');
    },
  },
  {
    id: c(2),
    title: 'PutObject with x-oss-callback that is not base64 → 400 InvalidArgument (EC 0007-00000002); nothing stored',
    tags: ['objects', 'callback'],
    async run(ctx) {
      const key = ctx.key('bad-base64');
      const r = fails(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'x', callback: 'x123-*&' }), 400, 'InvalidArgument');
      eq(r.ec, '0007-00000002', 'EC');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
  {
    id: c(3),
    title: 'PutObject with a callback that is not JSON → 400 "The callback configuration is not json format." (EC 0007-00000003)',
    tags: ['objects', 'callback'],
    async run(ctx) {
      const key = ctx.key('bad-json');
      const callback = b64('{"callbackUrl":"http://127.0.0.1:1/","callbackBody":"{"bucket":${bucket}}"}');
      const r = fails(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'x', callback }), 400, 'InvalidArgument', 'The callback configuration is not json format.');
      eq(r.ec, '0007-00000003', 'EC');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }), 404, 'NoSuchKey');
    },
  },
  {
    id: c(4),
    title: 'PutObject with a callback-var that is not base64 → 400 InvalidArgument (EC 0007-00000102)',
    tags: ['objects', 'callback'],
    async run(ctx) {
      const key = ctx.key('bad-var');
      const callback = b64({ callbackUrl: REFUSING, callbackBody: 'v=${x:a}' });
      const r = fails(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'x', callback, callbackVar: 'x123-*&' }), 400, 'InvalidArgument');
      eq(r.ec, '0007-00000102', 'EC');
    },
  },
  {
    id: c(5),
    title: 'CompleteMultipartUpload with a callback whose server refuses the connection → 203 CallbackFailed; the object is stored',
    tags: ['multipart', 'callback'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('mp-refused');
      const uploadId = ok(await ctx.call('InitiateMultipartUpload', { bucket, key })).data?.uploadId;
      truthy(uploadId, 'UploadId');
      const part = ok(await ctx.call('UploadPart', { bucket, key, uploadId, partNumber: 1, body: 'only part' }));
      const etag = part.data?.etag ?? header(part, 'etag')!;
      const callback = b64({ callbackUrl: REFUSING, callbackBody: 'size=${size}' });
      fails(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts: [{ partNumber: 1, etag }], callback }), 203, 'CallbackFailed');
      eq(header(ok(await ctx.call('HeadObject', { bucket, key })), 'x-oss-object-type'), 'Multipart', 'object type');
    },
  },
];

export const sequentialScenarios: Scenario[] = [
  {
    id: 'sequential-01',
    title: 'sequential upload: a part that skips ahead → 400 PartNotSequential; in order it completes, and HEAD shows Content-MD5',
    tags: ['multipart'],
    async run(ctx) {
      const bucket = ctx.buckets.B1;
      const key = ctx.key('sequential');
      const uploadId = ok(await ctx.call('InitiateMultipartUpload', { bucket, key, sequential: true })).data?.uploadId;
      truthy(uploadId, 'UploadId');
      try {
        fails(await ctx.call('UploadPart', { bucket, key, uploadId, partNumber: 2, body: 'second' }), 400, 'PartNotSequential');
        const part = ok(await ctx.call('UploadPart', { bucket, key, uploadId, partNumber: 1, body: 'first' }));
        const etag = part.data?.etag ?? header(part, 'etag')!;
        ok(await ctx.call('CompleteMultipartUpload', { bucket, key, uploadId, parts: [{ partNumber: 1, etag }] }));
      } catch (err) {
        await ctx.call('AbortMultipartUpload', { bucket, key, uploadId });
        throw err;
      }
      // MD5('first'), base64.
      eq(header(ok(await ctx.call('HeadObject', { bucket, key })), 'content-md5'), 'iwTV43ddKY54RV78XKQE1Q==', 'Content-MD5');
    },
  },
];
