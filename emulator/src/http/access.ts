// Who may do what (docs/permissions.md §4, "Authorization process"). Three kinds of caller:
//   - the owner key (the CLI's key pair): the account itself, allowed everything a bucket policy does not deny it;
//   - a RAM user or STS credential from the identities file: allowed what its RAM policies or a bucket policy allow,
//     refused what either explicitly denies; ACLs still grant public reads/writes;
//   - anonymous: bucket policies (Principal "*") and ACLs only (behaviour §9.6; an object's `default` ACL follows its
//     bucket's).
// Every API names its actions in domain/actions.ts; handlers with more to check once they have resolved something
// (a copy's source, an encrypted object, the keys of a multi-delete) call permit() themselves, before any write.
import { randomBytes } from 'node:crypto';
import type { Check } from '../domain/actions.js';
import { ossArn, type ArnContext } from '../domain/policy.js';
import { OssError } from '../domain/errors.js';
import { evaluate, parsePolicy, type Caller, type Decision, type Policy, type PolicyRequest } from '../domain/policy.js';
import type { OssContext } from './state.js';
import { isPublicPolicy, publicAccessBlockedBy } from '../domain/publicAccessBlock.js';
import { accessPointArn, accessPointResource, combineAccessPoint, type AccessPointRecord } from '../domain/accessPoint.js';

/** The bucket's own flag (Get/PutBucketPublicAccessBlock; GetBucketInfo's BlockPublicAccess, behaviour §14.15). */
export function bucketPublicAccessBlock(ctx: OssContext, bucket: string): boolean {
  return ctx.state.store.buckets.getDocument<boolean>(bucket, 'publicAccessBlock') === true;
}

/** The account-level flag (Put/Get/DeletePublicAccessBlock on the service). */
export function accountPublicAccessBlock(ctx: OssContext): boolean {
  return ctx.state.store.account.getDocument<boolean>('publicAccessBlock') === true;
}

/**
 * Whether public grants on this bucket are blocked for this request: the account's, the bucket's and (through an
 * access point) the access point's settings, combined by domain/publicAccessBlock.ts publicAccessBlockedBy.
 */
export function publicAccessBlocked(ctx: OssContext, bucket: string, accessPoint: AccessPointRecord | undefined = viaAccessPoint(ctx, bucket)): boolean {
  return publicAccessBlockedBy({
    account: accountPublicAccessBlock(ctx),
    bucket: bucketPublicAccessBlock(ctx, bucket),
    accessPoint: accessPoint?.blockPublicAccess,
  });
}

/** The access point the request came through, when it stands for this bucket. */
function viaAccessPoint(ctx: OssContext, bucket: string | undefined): AccessPointRecord | undefined {
  const ap = ctx.state.accessPoint;
  return ap !== undefined && ap.bucket === bucket ? ap : undefined;
}

function blocksPublicPolicy(ctx: OssContext, bucket: string | undefined, policy: Policy): boolean {
  return bucket !== undefined && publicAccessBlocked(ctx, bucket) && isPublicPolicy(policy);
}

export type Access = 'read' | 'write' | 'owner';

function aclAllows(acl: string, access: Access): boolean {
  if (access === 'read') return acl === 'public-read' || acl === 'public-read-write';
  if (access === 'write') return acl === 'public-read-write';
  return false;
}

/** What the bucket and object ACLs grant anyone (the last step before an implicit deny). */
function aclGrants(ctx: OssContext, bucketName: string | undefined, key: string | undefined, access: Access): boolean {
  if (bucketName === undefined || access === 'owner') return false;
  const bucket = ctx.state.store.buckets.get(bucketName);
  if (bucket === undefined) return true; // the handler answers NoSuchBucket, as OSS does for anyone
  if (publicAccessBlocked(ctx, bucketName)) return false; // existing public grants are ignored (behaviour §14.15)
  let acl: string = bucket.acl;
  if (key !== undefined) {
    const obj = ctx.state.store.objects.current(bucketName, key);
    if (obj !== undefined && obj.acl !== 'default') acl = obj.acl;
  }
  return aclAllows(acl, access);
}

/** The ARN context of a bucket: its own region (the request's default region when it does not exist yet). */
export function arnContext(ctx: OssContext, bucketName?: string): ArnContext {
  const bucket = bucketName === undefined ? undefined : ctx.state.store.buckets.get(bucketName);
  return { region: bucket?.region ?? ctx.state.hostRegion ?? ctx.state.config.region, account: ctx.state.config.accountId };
}

/** `acs:oss:region:account:bucket[/key]` → bucket (undefined for KMS and account resources). */
function bucketOf(resource: string): string | undefined {
  const m = /^acs:oss:[^:]*:[^:]*:([^/*]+)(\/|$)/.exec(resource);
  return m?.[1];
}

const bucketPolicyCache = new WeakMap<object, Map<string, { text: string; policy: Policy }>>();

/** The bucket's policy, parsed once per text (it was validated when it was put). */
function bucketPolicy(ctx: OssContext, bucket: string | undefined): Policy | undefined {
  if (bucket === undefined) return undefined;
  const text = ctx.state.store.buckets.getPolicy(bucket);
  if (text === undefined) return undefined;
  let cache = bucketPolicyCache.get(ctx.state.store);
  if (cache === undefined) bucketPolicyCache.set(ctx.state.store, (cache = new Map()));
  const hit = cache.get(bucket);
  if (hit?.text === text) return hit.policy;
  const policy = parsePolicy(text);
  cache.set(bucket, { text, policy });
  return policy;
}

/** Condition keys of the request (docs/permissions.md §4 "Condition keys OSS supports"). */
function conditionContext(ctx: OssContext, listing: boolean): Record<string, string | undefined> {
  const principal = ctx.state.principal;
  const q = ctx.state.query;
  return {
    'acs:SourceIp': ctx.request.socket.remoteAddress?.replace(/^::ffff:/, ''),
    'acs:SecureTransport': ctx.secure ? 'true' : 'false',
    'acs:CurrentTime': new Date(ctx.state.config.clock.now()).toISOString(),
    'acs:UserAgent': ctx.get('user-agent') || undefined,
    'acs:AccessId': principal.kind === 'key' ? principal.accessKeyId : undefined,
    'acs:MFAPresent': 'false',
    // Only the listing APIs carry oss:Prefix / oss:Delimiter (RAMOP example with oss:ListObjects).
    'oss:Prefix': listing ? (q.get('prefix') ?? '') : undefined,
    'oss:Delimiter': listing ? (q.get('delimiter') ?? undefined) : undefined,
    'oss:x-oss-object-acl': ctx.get('x-oss-object-acl') || undefined,
    'oss:x-oss-acl': ctx.get('x-oss-acl') || undefined,
    // Through an access point: the keys a bucket policy delegates to access points with (user guide "Access points").
    ...accessPointConditions(ctx),
  };
}

function accessPointConditions(ctx: OssContext): Record<string, string | undefined> {
  const ap = ctx.state.accessPoint;
  if (ap === undefined) return {};
  return {
    'oss:DataAccessPointArn': accessPointArn(arnContext(ctx, ap.bucket).region, ctx.state.config.accountId, ap.name),
    'oss:DataAccessPointAccount': ctx.state.config.accountId,
    'oss:AccessPointNetworkOrigin': ap.networkOrigin,
  };
}

/** Who is asking, as policies' Principal sees it (also the overwrite rules' Principals: api/landing.ts). */
export function callerOf(ctx: OssContext): Caller | undefined {
  const p = ctx.state.principal;
  if (p.kind === 'anonymous') return undefined;
  const account = ctx.state.config.accountId;
  if (p.identity === undefined) return { ids: [account], isBucketOwner: true };
  const ids = [p.accessKeyId];
  if (p.identity.kind === 'user' && p.identity.uid !== undefined) ids.push(p.identity.uid);
  if (p.identity.name !== undefined) ids.push(p.identity.name);
  return { ids };
}

export interface PermitOptions {
  /** What the ACLs may grant for this request when no policy allows it (none for a copy's extra checks). */
  acl?: { access: Access; bucket?: string; key?: string };
  /** ListObjects / ListObjectVersions / ListMultipartUploads: oss:Prefix and oss:Delimiter are known. */
  listing?: boolean;
}

/** AccessDeniedDetail as real OSS sends it (docs/permissions.md §2); the diagnostic blob is opaque by design. */
function detail(ctx: OssContext, action: string, kind: 'ExplicitDeny' | 'ImplicitDeny', policyType: string): Record<string, string> {
  const p = ctx.state.principal;
  const identity = p.kind === 'key' ? p.identity : undefined;
  return {
    PolicyType: policyType,
    AuthPrincipalOwnerId: ctx.state.config.accountId,
    AuthPrincipalType: identity?.kind === 'sts' ? 'AssumedRoleUser' : 'SubUser',
    AuthPrincipalDisplayName: (identity?.kind === 'user' ? identity.uid : undefined) ?? identity?.name ?? (p.kind === 'key' ? p.accessKeyId : ''),
    NoPermissionType: kind,
    AuthAction: action,
    EncodedDiagnosticMessage: randomBytes(24).toString('base64'),
  };
}

function refuse(ctx: OssContext, check: Check, ram: Decision, bucket: Decision): never {
  const p = ctx.state.principal;
  if (ram === 'deny' || bucket === 'deny') {
    // One message for both layers (sic, docs/permissions.md §2); the EC tells them apart.
    const ec = ram === 'deny' && bucket === 'deny' ? '0003-00000203' : ram === 'deny' ? '0003-00000201' : '0003-00000101';
    const policyType = ram === 'deny' ? 'AccountLevelIdentityBasedPolicy' : 'ResourceBasedPolicy';
    throw new OssError('AccessDeniedByPolicy', { AccessDeniedDetail: detail(ctx, check.action, 'ExplicitDeny', policyType) }, ec);
  }
  if (p.kind === 'anonymous') {
    throw new OssError(ctx.state.bucket === undefined ? 'AccessDeniedAnonymous' : ctx.state.key === undefined ? 'AccessDenied' : 'AccessDeniedBucketAcl');
  }
  if (check.action.startsWith('kms:')) throw new OssError('AccessDeniedKms', { AuthAction: check.action });
  throw new OssError('AccessDeniedBucketAcl', {
    AccessDeniedDetail: detail(ctx, check.action, 'ImplicitDeny', 'AccountLevelIdentityBasedPolicy'),
  });
}

/**
 * ACLs only stand in for the request's own read or write of the resource they are set on (`aclResource`): never
 * for tags, KMS or another resource (a public-read copy source does not grant oss:PutObjectTagging on the
 * destination).
 */
function aclCovers(aclResource: string | undefined, check: Check): boolean {
  if (aclResource === undefined || check.resource !== aclResource) return false;
  return !check.action.startsWith('kms:') && !/Tagging$/.test(check.action);
}

/**
 * Every check must pass: an explicit Deny in the caller's RAM policies or the bucket policy refuses; otherwise the
 * owner, a RAM Allow, a bucket-policy Allow or (for the request's own access) the ACLs let it through. A refusal
 * throws before the handler has changed anything.
 */
export function permit(ctx: OssContext, checks: Check[], options: PermitOptions = {}): void {
  const p = ctx.state.principal;
  const identity = p.kind === 'key' ? p.identity : undefined;
  const owner = p.kind === 'key' && identity === undefined;
  const caller = callerOf(ctx);
  const { acl } = options;
  const aclResource = acl?.bucket === undefined ? undefined : ossArn(arnContext(ctx, acl.bucket), acl.bucket, acl.key);
  // Built on first use: the owner's requests to buckets without a policy never evaluate a condition.
  let context: Record<string, string | undefined> | undefined;
  const requestFor = (check: Check) => ({
    action: check.action,
    resource: check.resource,
    context: (context ??= conditionContext(ctx, options.listing === true)),
    caller,
  });
  for (const check of checks) {
    const ram: Decision = identity !== undefined ? evaluate(identity.policies, requestFor(check)) : 'implicit-deny';
    const policy = bucketPolicy(ctx, bucketOf(check.resource));
    let bucket: Decision = policy === undefined ? 'implicit-deny' : evaluate([policy], requestFor(check));
    // Block Public Access: a public policy's Allow no longer reaches anonymous callers (behaviour §14.15).
    if (bucket === 'allow' && p.kind === 'anonymous' && blocksPublicPolicy(ctx, bucketOf(check.resource), policy!)) bucket = 'implicit-deny';
    if (ram === 'deny' || bucket === 'deny') refuse(ctx, check, ram, bucket);
    const merged = owner || ram === 'allow' || bucket === 'allow' || (aclCovers(aclResource, check) && aclGrants(ctx, acl!.bucket, acl!.key, acl!.access));
    const ap = viaAccessPoint(ctx, bucketOf(check.resource));
    if (ap !== undefined) {
      // Through an access point its policy must allow it too (domain/accessPoint.ts combineAccessPoint).
      const apDecision = accessPointDecision(ctx, ap, check, requestFor(check));
      const combined = combineAccessPoint(merged ? 'allow' : 'implicit-deny', apDecision, owner);
      if (combined === 'allow') continue;
      refuse(ctx, check, ram, apDecision === 'deny' ? 'deny' : bucket);
    }
    if (merged) continue;
    refuse(ctx, check, ram, bucket);
  }
}

const accessPointPolicyCache = new Map<string, Policy>();

/** What the access point's policy says of a check, over the access point's resource for it (`accesspoint/<name>/object/<key>`). */
function accessPointDecision(ctx: OssContext, ap: AccessPointRecord, check: Check, request: PolicyRequest): Decision {
  if (ap.policy === undefined) return 'implicit-deny';
  let policy = accessPointPolicyCache.get(ap.policy);
  if (policy === undefined) {
    policy = parsePolicy(ap.policy);
    if (accessPointPolicyCache.size > 1000) accessPointPolicyCache.clear();
    accessPointPolicyCache.set(ap.policy, policy);
  }
  const resource = accessPointResource(check.resource, ap.bucket, ap.name) ?? check.resource;
  const decision = evaluate([policy], { ...request, resource });
  // Block Public Access: a public access point policy's Allow no longer reaches anonymous callers.
  if (decision === 'allow' && ctx.state.principal.kind === 'anonymous' && publicAccessBlocked(ctx, ap.bucket, ap) && isPublicPolicy(policy)) return 'implicit-deny';
  return decision;
}
