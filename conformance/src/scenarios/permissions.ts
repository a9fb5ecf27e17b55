// CopyObject under RAM policies (issue 10, docs/permissions.md §1 CopyObject row and §2): for each permission the
// CopyObject "Permissions" table names, a RAM user granted exactly what the copy needs (allowed → 200), one without
// that permission (missing → 403 implicit deny) and one allowed everything but explicitly denied it (denied → 403
// explicit deny). The owner key sets up the sources and checks afterwards that a refused copy wrote nothing.
import type { Outcome, Params, RamPolicy, RamUser, Scenario, ScenarioContext, Tag } from '../model.js';
import { BUCKET_PREFIX } from '../runner.js';
import { eq, fails, header, ok } from './expect.js';

/** Every object of the suite's buckets, and any KMS key: real users' policies need not reach further. */
const RESOURCES = [`acs:oss:*:*:${BUCKET_PREFIX}-*/*`, 'acs:kms:*:*:*'];

const IMPLICIT = { message: 'You have no right to access this object because of bucket acl.', ec: '0003-00000001' };
const EXPLICIT = { message: 'Access denied by bucket policy.', ec: '0003-00000201' };
const KMS = { message: 'This request is forbidden by kms.' };

function allow(actions: string[], deny?: string): RamPolicy {
  return {
    Version: '1',
    Statement: [
      { Effect: 'Allow', Action: actions, Resource: RESOURCES },
      ...(deny === undefined ? [] : [{ Effect: 'Deny' as const, Action: [deny], Resource: RESOURCES }]),
    ],
  };
}

/** `oss:GetObjectVersionTagging` → `get-object-version-tagging`; `kms:Decrypt` → `kms-decrypt`. */
function slug(action: string): string {
  const [service, name] = action.split(':') as [string, string];
  const words = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
  return service === 'oss' ? words : `${service}-${words}`;
}

/** A source prepared by the owner, the copy the RAM user asks for, and what the owner then sees at the destination. */
interface Setup {
  name: string;
  what: string;
  needs: string[];
  prepare(ctx: ScenarioContext): Promise<{ source: Params; extra: Partial<Params> }>;
  verify(ctx: ScenarioContext, dest: { bucket: string; key: string }): Promise<void>;
}

async function put(ctx: ScenarioContext, bucket: string, key: string, body: string, tagging?: string): Promise<string | undefined> {
  // No ACL: the object follows its private bucket, so only a policy can let the RAM user read it.
  const o = ok(await ctx.call('PutObject', { bucket, key, body, ...(tagging ? { tagging } : {}) }));
  return header(o, 'x-oss-version-id');
}

async function tagsOf(ctx: ScenarioContext, dest: { bucket: string; key: string }) {
  return ok(await ctx.call('GetObjectTagging', dest)).data?.tags;
}

/** Two versions of one key in the versioned bucket; the copy names the first. */
async function twoVersions(ctx: ScenarioContext, tagged: boolean): Promise<{ source: Params; extra: Partial<Params> }> {
  const key = ctx.key('src');
  const v1 = await put(ctx, ctx.buckets.BV, key, 'version one', tagged ? 'perm=v1' : undefined);
  await put(ctx, ctx.buckets.BV, key, 'version two, longer', tagged ? 'perm=v2' : undefined);
  if (!v1) throw new Error('setup: PutObject in the versioned bucket returned no x-oss-version-id');
  return { source: { bucket: ctx.buckets.BV, key }, extra: { sourceVersionId: v1 } };
}

const SETUPS: Record<string, Setup> = {
  plain: {
    name: 'plain',
    what: 'a cross-bucket copy of an untagged object',
    needs: ['oss:GetObject', 'oss:PutObject'],
    async prepare(ctx) {
      const key = ctx.key('src');
      await put(ctx, ctx.buckets.B1, key, 'plain source');
      return { source: { bucket: ctx.buckets.B1, key }, extra: {} };
    },
    async verify(ctx, dest) {
      eq((await ctx.call('GetObject', dest)).body?.toString(), 'plain source', 'copied bytes');
    },
  },
  version: {
    name: 'version',
    what: 'a copy of a specific source version (?versionId=)',
    needs: ['oss:GetObject', 'oss:GetObjectVersion', 'oss:PutObject'],
    prepare: (ctx) => twoVersions(ctx, false),
    async verify(ctx, dest) {
      eq((await ctx.call('GetObject', dest)).body?.toString(), 'version one', 'copied bytes');
    },
  },
  'copy-tags': {
    name: 'copy-tags',
    what: 'tagging directive Copy from a tagged source',
    needs: ['oss:GetObject', 'oss:PutObject', 'oss:GetObjectTagging', 'oss:PutObjectTagging'],
    async prepare(ctx) {
      const key = ctx.key('src');
      await put(ctx, ctx.buckets.B1, key, 'tagged source', 'perm=copy');
      return { source: { bucket: ctx.buckets.B1, key }, extra: { taggingDirective: 'Copy' } };
    },
    async verify(ctx, dest) {
      eq(await tagsOf(ctx, dest), [{ key: 'perm', value: 'copy' }], 'copied tags');
    },
  },
  'replace-tags': {
    name: 'replace-tags',
    what: 'tagging directive Replace with x-oss-tagging',
    // The CopyObject table lists both tagging actions for tags given in x-oss-tagging.
    needs: ['oss:GetObject', 'oss:PutObject', 'oss:GetObjectTagging', 'oss:PutObjectTagging'],
    async prepare(ctx) {
      const key = ctx.key('src');
      await put(ctx, ctx.buckets.B1, key, 'untagged source');
      return { source: { bucket: ctx.buckets.B1, key }, extra: { taggingDirective: 'Replace', tagging: 'perm=set' } };
    },
    async verify(ctx, dest) {
      eq(await tagsOf(ctx, dest), [{ key: 'perm', value: 'set' }], 'set tags');
    },
  },
  'version-tags': {
    name: 'version-tags',
    what: "tagging directive Copy from a specific source version's tags",
    needs: ['oss:GetObject', 'oss:GetObjectVersion', 'oss:GetObjectVersionTagging', 'oss:PutObject', 'oss:PutObjectTagging'],
    async prepare(ctx) {
      const v = await twoVersions(ctx, true);
      return { ...v, extra: { ...v.extra, taggingDirective: 'Copy' } };
    },
    async verify(ctx, dest) {
      eq(await tagsOf(ctx, dest), [{ key: 'perm', value: 'v1' }], "the version's tags");
    },
  },
  kms: {
    name: 'kms',
    what: 'a destination encrypted with x-oss-server-side-encryption: KMS',
    needs: ['oss:GetObject', 'oss:PutObject', 'kms:GenerateDataKey', 'kms:Decrypt'],
    async prepare(ctx) {
      const key = ctx.key('src');
      await put(ctx, ctx.buckets.B1, key, 'kms source');
      return { source: { bucket: ctx.buckets.B1, key }, extra: { serverSideEncryption: 'KMS' } };
    },
    async verify(ctx, dest) {
      eq(header(ok(await ctx.call('HeadObject', dest)), 'x-oss-server-side-encryption'), 'KMS', 'x-oss-server-side-encryption');
    },
  },
};

type Variant = 'allowed' | 'missing' | 'denied';

/** The copy as the RAM user: source and destination in the run's buckets, the destination a fresh key of B2. */
async function copyAs(ctx: ScenarioContext, setup: Setup, user: string): Promise<{ out: Outcome; dest: { bucket: string; key: string } }> {
  const { source, extra } = await setup.prepare(ctx);
  const dest = { bucket: ctx.buckets.B2, key: ctx.key('dst') };
  const out = await ctx.as(user).call('CopyObject', { ...dest, sourceBucket: source.bucket, sourceKey: source.key, ...extra });
  return { out, dest };
}

/** 403 AccessDenied with the layer's message and EC, naming the refused action where the body says (raw drivers). */
function refused(o: Outcome, expected: { message: string; ec?: string }, action: string): void {
  fails(o, 403, 'AccessDenied', expected.message);
  if (expected.ec !== undefined) eq(o.ec, expected.ec, 'EC');
  const named = /<AuthAction>([^<]*)<\/AuthAction>/.exec(o.body?.toString('utf8') ?? '')?.[1];
  if (named !== undefined) eq(named, action, 'AuthAction');
}

async function nothingWritten(ctx: ScenarioContext, dest: { bucket: string; key: string }): Promise<void> {
  fails(await ctx.call('HeadObject', dest), 404);
}

function scenario(setup: Setup, variant: Variant, action?: string, discovery?: string): Scenario {
  const user: RamUser =
    variant === 'allowed'
      ? { name: `copy-${setup.name}-allowed`, policy: allow(setup.needs) }
      : variant === 'missing'
        ? { name: `copy-${setup.name}-no-${slug(action!)}`, policy: allow(setup.needs.filter((a) => a !== action)) }
        : { name: `deny-${slug(action!)}`, policy: allow(['oss:*', 'kms:*'], action) };
  const kms = setup.needs.some((a) => a.startsWith('kms:'));
  const tags: Tag[] = ['copy', 'permissions', 'needs-ram-users'];
  if (kms) tags.push('kms');
  if (setup.name !== 'plain' && setup.name !== 'kms') tags.push(setup.name.includes('tags') ? 'tagging' : 'versioning');
  if (setup.name.startsWith('version')) tags.push('needs-versioning');
  if (discovery !== undefined) tags.push('discovery');
  const title =
    variant === 'allowed'
      ? `RAM: ${setup.what}, allowed exactly ${setup.needs.join(', ')}`
      : variant === 'missing'
        ? `RAM: ${setup.what} without ${action}${discovery ?? ' → 403 implicit deny'}`
        : `RAM: ${setup.what}, everything allowed but ${action} denied${discovery ?? ' → 403 explicit deny'}`;
  return {
    id: `perm-copy-${setup.name}-${variant === 'allowed' ? 'allowed' : `${variant}-${slug(action!)}`}`,
    title,
    tags,
    ramUsers: [user],
    async run(ctx) {
      const { out, dest } = await copyAs(ctx, setup, user.name);
      if (discovery !== undefined) {
        // The sources do not settle this case (see the CASES note): record what the target answered.
        ctx.record('answer', { status: out.status, code: out.code, message: out.message, ec: out.ec });
        if (action!.startsWith('kms:')) fails(out, 403, 'AccessDenied');
        if (out.status !== 200) await nothingWritten(ctx, dest);
        return;
      }
      if (variant === 'allowed') {
        ok(out);
        await setup.verify(ctx, dest);
        return;
      }
      const kmsAction = action!.startsWith('kms:');
      refused(out, variant === 'denied' ? EXPLICIT : kmsAction ? KMS : IMPLICIT, action!);
      await nothingWritten(ctx, dest);
    },
  };
}

/** The permission each setup is there to test, besides its allowed case. */
const CASES: [Setup, string, { missing?: string; denied?: string }?][] = [
  [SETUPS.plain!, 'oss:GetObject'],
  [SETUPS.plain!, 'oss:PutObject'],
  [SETUPS.version!, 'oss:GetObjectVersion'],
  [SETUPS['copy-tags']!, 'oss:GetObjectTagging'],
  [SETUPS['copy-tags']!, 'oss:PutObjectTagging'],
  [SETUPS['replace-tags']!, 'oss:PutObjectTagging'],
  // Tags set in x-oss-tagging are not read from the source; the table still names oss:GetObjectTagging for them.
  [SETUPS['replace-tags']!, 'oss:GetObjectTagging', { missing: ' ⟂ (403 or 200?)', denied: ' ⟂ (403 or 200?)' }],
  [SETUPS['version-tags']!, 'oss:GetObjectVersionTagging'],
  // An explicit Deny of a kms: action: OSS's policy message, or KMS's own refusal? (docs/permissions.md §2, §3 [U])
  [SETUPS.kms!, 'kms:GenerateDataKey', { denied: ' ⟂ (403; which message?)' }],
  [SETUPS.kms!, 'kms:Decrypt', { denied: ' ⟂ (403; which message?)' }],
];

export const permissionScenarios: Scenario[] = [
  ...Object.values(SETUPS).map((setup) => scenario(setup, 'allowed')),
  ...CASES.flatMap(([setup, action, discovery]) => [
    scenario(setup, 'missing', action, discovery?.missing),
    scenario(setup, 'denied', action, discovery?.denied),
  ]),
];
