// Access point and Block Public Access scenarios (behaviour §14.22, §14.15): ap-NN the access point APIs and a read
// through an alias, bpa-NN the access point and account levels of Block Public Access. Real OSS answers `creating`
// for a while after CreateAccessPoint (PY2 / oss2 live tests poll GetAccessPoint), so these scenarios record Status
// rather than wait for it; the emulator's is `enable` at once.
import { createHash } from 'node:crypto';
import type { Scenario, ScenarioContext } from '../model.js';
import { eq, fails, ok, truthy } from './expect.js';

const ap = (n: number) => `ap-${String(n).padStart(2, '0')}`;
const bpa = (n: number) => `bpa-${String(n).padStart(2, '0')}`;

/**
 * An access point name of this run, scenario and driver: unique in the account as OSS wants, within its 3–19
 * characters (the bucket name of the run and the key label hashed).
 */
function apName(ctx: ScenarioContext, bucket: string, label: string): string {
  return `ap-${createHash('sha256').update(`${bucket}/${ctx.key(label)}`).digest('hex').slice(0, 12)}`;
}

async function createInternet(ctx: ScenarioContext, bucket: string, label: string): Promise<{ name: string; alias: string }> {
  const name = apName(ctx, bucket, label);
  const made = ok(await ctx.call('CreateAccessPoint', { bucket, accessPointName: name, networkOrigin: 'internet' }));
  const alias = made.data?.alias ?? '';
  truthy(alias.startsWith(`${name}-`) && alias.endsWith('-ossalias'), `the alias <name>-…-ossalias (${alias})`);
  return { name, alias };
}

export const accessPointScenarios: Scenario[] = [
  {
    id: ap(1),
    title: 'CreateAccessPoint → GetAccessPoint and ListAccessPoints show it; DeleteAccessPoint 204, then 404',
    tags: ['access-points'],
    async run(ctx) {
      // PY2 live tests/integration/test_access_point_client.py, oss2 live tests/test_access_point.py.
      const bucket = await ctx.freshBucket('ap');
      const { name, alias } = await createInternet(ctx, bucket, 'ap1');
      const got = ok(await ctx.call('GetAccessPoint', { bucket, accessPointName: name })).data?.accessPoint;
      eq([got?.accessPointName, got?.bucket, got?.networkOrigin, got?.alias], [name, bucket, 'internet', alias], 'GetAccessPoint');
      const listed = ok(await ctx.call('ListAccessPoints', { bucket })).data?.accessPoints ?? [];
      eq(listed, [{ accessPointName: name, bucket, alias }], 'the bucket\'s access points');
      ok(await ctx.call('DeleteAccessPoint', { bucket, accessPointName: name }), 204);
      // oss2 live tests/test_public_access_block.py: a missing access point is 404 "Accesspoint not found".
      fails(await ctx.call('GetAccessPoint', { bucket, accessPointName: name }), 404, undefined, 'Accesspoint not found');
    },
  },
  {
    id: ap(2),
    title: 'Put/Get/DeleteAccessPointPolicy: read back byte for byte, 204, then absent',
    tags: ['access-points'],
    async run(ctx) {
      const bucket = await ctx.freshBucket('ap');
      const { name } = await createInternet(ctx, bucket, 'ap2');
      try {
        const policy = JSON.stringify({
          Version: '1',
          Statement: [{ Effect: 'Deny', Action: ['oss:GetObject'], Principal: ['*'], Resource: [`acs:oss:*:*:accesspoint/${name}/object/*`] }],
        });
        ok(await ctx.call('PutAccessPointPolicy', { bucket, accessPointName: name, policy }));
        eq(ok(await ctx.call('GetAccessPointPolicy', { bucket, accessPointName: name })).data?.policy, policy, 'the policy read back');
        ok(await ctx.call('DeleteAccessPointPolicy', { bucket, accessPointName: name }), 204);
        fails(await ctx.call('GetAccessPointPolicy', { bucket, accessPointName: name }), 404);
      } finally {
        await ctx.call('DeleteAccessPoint', { bucket, accessPointName: name });
      }
    },
  },
  {
    id: ap(3),
    title: 'an object written to the bucket is read and listed through the access point alias as the bucket name',
    tags: ['access-points'],
    async run(ctx) {
      // User guide "Use access points": the alias functions as the bucket name.
      const bucket = await ctx.freshBucket('ap');
      const { name, alias } = await createInternet(ctx, bucket, 'ap3');
      try {
        const key = ctx.key('via-alias');
        ok(await ctx.call('PutObject', { bucket, key, body: 'through an access point' }));
        const read = ok(await ctx.call('GetObject', { bucket: alias, key }));
        eq(read.body?.toString('utf8'), 'through an access point', 'the body read through the alias');
        const listed = ok(await ctx.call('ListObjectsV2', { bucket: alias, prefix: key }));
        eq((listed.data?.contents ?? []).map((c) => c.key), [key], 'the key listed through the alias');
      } finally {
        await ctx.call('DeleteAccessPoint', { bucket, accessPointName: name });
      }
    },
  },
  {
    id: ap(4),
    title: 'CreateAccessPoint refuses a name outside 3–19 lowercase letters, digits and hyphens',
    tags: ['access-points'],
    async run(ctx) {
      // API reference CreateAccessPoint (naming rules); the code is [I] in behaviour §14.22.
      const bucket = await ctx.freshBucket('ap');
      for (const accessPointName of ['ab', 'Upper-Case', 'ends-with-hyphen-']) {
        fails(await ctx.call('CreateAccessPoint', { bucket, accessPointName, networkOrigin: 'internet' }), 400);
      }
      eq(ok(await ctx.call('ListAccessPoints', { bucket })).data?.accessPoints ?? [], [], 'nothing was created');
    },
  },
  {
    id: bpa(1),
    title: 'the access point\'s Block Public Access: read back, the bucket\'s flag untouched, DELETE 204 and false',
    tags: ['public-access-block', 'access-points'],
    async run(ctx) {
      // PY2 live tests/integration/test_access_point_public_access_block_client.py.
      const bucket = await ctx.freshBucket('bpa');
      const { name } = await createInternet(ctx, bucket, 'bpa1');
      try {
        ok(await ctx.call('PutAccessPointPublicAccessBlock', { bucket, accessPointName: name, blockPublicAccess: true }));
        eq(ok(await ctx.call('GetAccessPointPublicAccessBlock', { bucket, accessPointName: name })).data?.blockPublicAccess, true, 'the access point\'s flag');
        ok(await ctx.call('DeleteAccessPointPublicAccessBlock', { bucket, accessPointName: name }), 204);
        eq(ok(await ctx.call('GetAccessPointPublicAccessBlock', { bucket, accessPointName: name })).data?.blockPublicAccess, false, 'after the delete');
      } finally {
        await ctx.call('DeleteAccessPoint', { bucket, accessPointName: name });
      }
    },
  },
  {
    id: bpa(2),
    title: 'an access point that does not exist: its Block Public Access is 404 "Accesspoint not found"',
    tags: ['public-access-block', 'access-points'],
    async run(ctx) {
      // oss2 live tests/test_public_access_block.py test_access_point_public_access_block_normal.
      const bucket = await ctx.freshBucket('bpa');
      const accessPointName = 'oss-access-point-name-test';
      fails(await ctx.call('PutAccessPointPublicAccessBlock', { bucket, accessPointName, blockPublicAccess: true }), 404, undefined, 'Accesspoint not found');
      fails(await ctx.call('GetAccessPointPublicAccessBlock', { bucket, accessPointName }), 404, undefined, 'Accesspoint not found');
      fails(await ctx.call('DeleteAccessPointPublicAccessBlock', { bucket, accessPointName }), 404, undefined, 'Accesspoint not found');
    },
  },
  {
    id: bpa(3),
    title: 'account-level Block Public Access: read back as put, DELETE 204 and false again',
    tags: ['public-access-block'],
    async run(ctx) {
      // PY2 live tests/integration/test_public_access_block_client.py; oss2 live test_public_access_block_normal.
      // Switched on only between these calls: every bucket of the account is blocked meanwhile.
      try {
        ok(await ctx.call('PutPublicAccessBlock', { bucket: '', blockPublicAccess: true }));
        eq(ok(await ctx.call('GetPublicAccessBlock', { bucket: '' })).data?.blockPublicAccess, true, 'the account\'s flag');
      } finally {
        ok(await ctx.call('DeletePublicAccessBlock', { bucket: '' }), 204);
      }
      eq(ok(await ctx.call('GetPublicAccessBlock', { bucket: '' })).data?.blockPublicAccess, false, 'after the delete');
    },
  },
];
