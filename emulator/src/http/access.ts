// Who may do what. A request signed with a known key is the owner of every bucket (one account, as a fresh OSS
// account); an anonymous request may only read public-read(-write) buckets and objects and write
// public-read-write ones (spec §9.6; DOCS "Object ACL": an object's `default` ACL follows its bucket's).
import { OssError } from '../domain/errors.js';
import type { OssContext } from './state.js';

export type Access = 'read' | 'write' | 'owner';

function allows(acl: string, access: Access): boolean {
  if (access === 'read') return acl === 'public-read' || acl === 'public-read-write';
  if (access === 'write') return acl === 'public-read-write';
  return false;
}

export function authorize(ctx: OssContext, access: Access): void {
  if (ctx.state.principal.kind !== 'anonymous') return;
  const { bucket: name, key } = ctx.state;
  if (name === undefined) throw new OssError('AccessDeniedAnonymous');
  const bucket = ctx.state.store.buckets.get(name);
  if (bucket === undefined) return; // the handler answers NoSuchBucket, as OSS does for anonymous requests too
  let acl: string = bucket.acl;
  if (key !== undefined && access !== 'owner') {
    const obj = ctx.state.store.objects.current(name, key);
    if (obj !== undefined && obj.acl !== 'default') acl = obj.acl;
  }
  if (!allows(acl, access)) {
    throw new OssError(key === undefined ? 'AccessDenied' : 'AccessDeniedBucketAcl');
  }
}
