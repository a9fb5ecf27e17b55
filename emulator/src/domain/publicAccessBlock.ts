// Block Public Access (Put/Get/DeleteBucketPublicAccessBlock, behaviour §14.15): while on, public ACLs and public
// bucket policies cannot be set and the existing ones grant nothing. Sources: the PutBucketPublicAccessBlock API
// reference ("If you enable Block Public Access, existing public access permissions are ignored and you cannot
// configure public access permissions"; `<PublicAccessBlockConfiguration><BlockPublicAccess>`, false by default),
// the user guide "Block public access" (which bucket-policy statements are public: an Allow whose Principal holds a
// wildcard, unless a Condition such as acs:SourceVpc / acs:SourceIp / acs:AccessId restricts it), PY2 / oss2 live
// tests (read back as put, DELETE 204), and real answers quoted by users: a public x-oss-object-acl is 403
// AccessDenied "Put public object acl is not allowed." EC 0016-00000901; a public policy "Put public bucket policy is
// not allowed.".
import { OssError } from './errors.js';
import type { Policy } from './policy.js';

/** The PutBucketPublicAccessBlock body (parsed XML); a missing flag is false (the API reference's default). */
export function parsePublicAccessBlock(doc: Record<string, unknown> | undefined): boolean {
  const root = doc?.PublicAccessBlockConfiguration;
  if (root === '') return false;
  if (root === null || typeof root !== 'object') throw new OssError('MalformedXML');
  const raw = (root as Record<string, unknown>).BlockPublicAccess;
  // Without case: oss2 sends Python's `True` / `False` and its live test_public_access_block passes against OSS.
  const v = typeof raw === 'string' ? raw.toLowerCase() : raw;
  if (v === undefined || v === '' || v === 'false') return false;
  if (v === 'true') return true;
  throw new OssError('MalformedXML', { ErrorDetail: 'BlockPublicAccess must be true or false' });
}

/** The three levels a block can be set at; undefined = never set (off). */
export interface PublicAccessBlockSettings {
  account?: boolean;
  bucket?: boolean;
  /** Only for a request through an access point (behaviour §14.22). */
  accessPoint?: boolean;
}

/**
 * Whether public access is blocked for a request: on at any level it passes through. The API reference of
 * PutPublicAccessBlock ("enable Block Public Access for all of OSS": every bucket of the account) and of
 * PutAccessPointPublicAccessBlock; the levels add up, none switches another off [I: how the levels combine is not
 * captured; a block anywhere on the path is what a user expects].
 */
export function publicAccessBlockedBy(settings: PublicAccessBlockSettings): boolean {
  return settings.account === true || settings.bucket === true || settings.accessPoint === true;
}

export function isPublicAcl(acl: string | undefined): boolean {
  return acl === 'public-read' || acl === 'public-read-write';
}

/**
 * Whether a bucket policy grants public access: an Allow statement without a Principal or whose Principal has a
 * wildcard, and that no Condition restricts. PY2 live test_bucket_policy_client: a policy whose one statement has no
 * Principal is public (GetBucketPolicyStatus IsPublic true). [I: any Condition counts as restricting; the guide lists
 * the keys that do.]
 */
export function isPublicPolicy(policy: Policy): boolean {
  return policy.Statement.some(
    (s) =>
      s.Effect === 'Allow' &&
      (s.Principal === undefined || s.Principal.some((p) => p.includes('*'))) &&
      (s.Condition === undefined || Object.keys(s.Condition).length === 0),
  );
}
