// Finding the object version a request names, with the errors and headers OSS gives when it is missing or a
// delete marker (behaviour §4: 404 on a current marker, 405 when a marker is addressed by id).
import { OssError, invalidArgument } from '../domain/errors.js';
import type { BucketRecord, ObjectVersionRecord } from '../domain/types.js';
import { isWellFormedVersionId } from '../domain/versionId.js';
import type { OssContext } from '../http/state.js';

/** `?versionId=`: undefined when absent; an empty (behaviour §3.2) or malformed (domain/versionId.ts) value is refused. */
export function versionIdParam(ctx: OssContext): string | undefined {
  const v = ctx.state.query.get('versionId');
  if (v === '') throw invalidArgument('InvalidArgumentEmptyVersionId', 'versionId', '');
  if (v !== undefined && !isWellFormedVersionId(v)) throw invalidArgument('InvalidArgumentVersionId', 'versionId', v);
  return v;
}

export function readableObject(
  ctx: OssContext,
  bucket: BucketRecord,
  key: string,
  versionId: string | undefined,
): ObjectVersionRecord {
  const objects = ctx.state.store.objects;
  if (versionId === undefined) {
    const o = objects.current(bucket.name, key);
    if (o === undefined) throw new OssError('NoSuchKey', { Key: key });
    if (o.isDeleteMarker) {
      ctx.set('x-oss-delete-marker', 'true');
      ctx.set('x-oss-version-id', o.versionId);
      throw new OssError('NoSuchKey', { Key: key });
    }
    return o;
  }
  const o = objects.version(bucket.name, key, versionId);
  if (o === undefined) throw new OssError('NoSuchVersion', { Key: key, VersionId: versionId });
  if (o.isDeleteMarker) {
    ctx.set('x-oss-delete-marker', 'true');
    ctx.set('x-oss-version-id', o.versionId);
    throw new OssError('MethodNotAllowed', { Method: ctx.method, ResourceType: 'DeleteMarker' });
  }
  return o;
}
