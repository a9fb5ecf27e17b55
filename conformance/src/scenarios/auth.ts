// Authentication scenarios (behaviour §3.2, §8): wrong secret, unknown AccessKeyId, no signature, an old request date,
// a malformed Authorization header. Hand-built requests only (raw, raw-v1): the SDKs always sign right.
import { randomBytes } from 'node:crypto';
import type { Scenario, ScenarioContext } from '../model.js';
import { eq, fails, ok } from './expect.js';

const s = (n: number) => `auth-${String(n).padStart(2, '0')}`;

async function object(ctx: ScenarioContext): Promise<string> {
  const key = ctx.key('obj');
  ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'secret' }));
  return key;
}

export const authScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'signed with a wrong secret → 403 SignatureDoesNotMatch (GET and PUT); nothing written',
    tags: ['auth', 'raw-only'],
    async run(ctx) {
      const key = await object(ctx);
      const message = 'The request signature we calculated does not match the signature you provided. Check your key and signing method.';
      fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, signWithSecret: 'wrong-secret' }), 403, 'SignatureDoesNotMatch', message);
      const other = ctx.key('other');
      fails(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key: other, body: 'x', signWithSecret: 'wrong-secret' }), 403, 'SignatureDoesNotMatch', message);
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key: other }), 404);
    },
  },
  {
    id: s(2),
    title: 'an AccessKeyId OSS does not know → 403 InvalidAccessKeyId',
    tags: ['auth', 'raw-only'],
    async run(ctx) {
      const key = await object(ctx);
      fails(
        await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, signWithAccessKeyId: `nobody${randomBytes(4).toString('hex')}` }),
        403,
        'InvalidAccessKeyId',
        'The OSS Access Key Id you provided does not exist in our records.',
      );
    },
  },
  {
    id: s(3),
    title: 'no signature: a private object → 403 AccessDenied; ⟂ a public-read object',
    tags: ['auth', 'acl', 'raw-only'],
    async run(ctx) {
      const key = await object(ctx);
      const denied = fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, anonymous: true }), 403, 'AccessDenied');
      ctx.record('message for the private object', denied.message ?? null);
      // An ACL allows anonymous reads (DOCS ACL), but newer accounts block public access by default (GetBucketInfo
      // BlockPublicAccess true in the Swift SDK's integration test), so what this answers is recorded.
      const open = ctx.key('public');
      const put = await ctx.call('PutObject', { bucket: ctx.buckets.B1, key: open, body: 'public', acl: 'public-read' });
      if (put.status !== 200) {
        ctx.record('PutObject with x-oss-object-acl public-read', [put.status, put.code ?? null, put.message ?? null]);
        return;
      }
      const read = await ctx.call('GetObject', { bucket: ctx.buckets.B1, key: open, anonymous: true });
      ctx.record('public-read object', [read.status, read.code ?? null]);
      if (read.status === 200) eq(read.body?.toString(), 'public', 'content');
    },
  },
  {
    id: s(4),
    title: 'a request dated 20 minutes ago → 403 RequestTimeTooSkewed',
    tags: ['auth', 'raw-only'],
    async run(ctx) {
      // More than 15 minutes off the server's clock (behaviour §8.4 and §3.2, DOCS).
      const key = await object(ctx);
      fails(
        await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, signedAt: new Date(Date.now() - 20 * 60_000) }),
        403,
        'RequestTimeTooSkewed',
        'The difference between the request time and the current time is too large.',
      );
      ok(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, signedAt: new Date(Date.now() - 5 * 60_000) }));
    },
  },
  {
    id: s(5),
    title: 'a malformed Authorization header → 400 InvalidArgument (message recorded)',
    tags: ['auth', 'raw-only'],
    async run(ctx) {
      // The HTTP 400 catalogue lists "Authorization header is invalid." among InvalidArgument's messages (behaviour §3.2).
      const key = await object(ctx);
      const o = fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key, afterSigning: { authorization: 'OSS no-colon-here' } }), 400, 'InvalidArgument');
      ctx.record('message', o.message ?? null);
    },
  },
];
