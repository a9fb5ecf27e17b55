// RestoreObject and CleanRestoredObject (behaviour §9.10): the decision is domain/restore.ts planRestore; the
// record is stored with the object version, and its state follows from the clock.
import { OssError } from '../domain/errors.js';
import { isReadable, parseRestoreRequest, planClean, planRestore, restoreHeader, restoreState } from '../domain/restore.js';
import type { ObjectVersionRecord } from '../domain/types.js';
import { readXml } from '../http/body.js';
import { httpDate, sendEmpty } from '../http/render.js';
import type { OssContext } from '../http/state.js';
import { requireBucket } from './bucket.js';
import { readableObject, versionIdParam } from './lookup.js';
import { setVersionHeader } from './objectHeaders.js';

export async function restoreObject(ctx: OssContext): Promise<void> {
  const request = parseRestoreRequest(await readXml(ctx));
  const versionId = versionIdParam(ctx);
  const { bucket, o, decision } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    const decision = planRestore(o.storageClass, o.restore, request, ctx.state.config.clock.now(), ctx.state.config.restoreDelays);
    if (decision.kind === 'refuse') throw new OssError(decision.error);
    ctx.state.store.objects.setRestore(o.id, decision.record);
    return { bucket, o, decision };
  });
  setVersionHeader(ctx, bucket, o.versionId);
  // PY2 RestoreObjectResult.restore_priority; asserted by test_restore_object_tier / _job_parameters.
  if (decision.record.tier !== undefined) ctx.set('x-oss-object-restore-priority', decision.record.tier);
  sendEmpty(ctx, decision.status);
}

/** POST ?cleanRestoredObject: the restored copy is dropped and the object is frozen again (domain planClean). */
export function cleanRestoredObject(ctx: OssContext): void {
  const versionId = versionIdParam(ctx);
  const { bucket, o } = ctx.state.store.tx(() => {
    const bucket = requireBucket(ctx);
    const o = readableObject(ctx, bucket, ctx.state.key!, versionId);
    const plan = planClean(o.storageClass, o.restore, ctx.state.config.clock.now(), ctx.state.config.restoreDelays);
    if (plan !== 'clean') throw new OssError(plan);
    ctx.state.store.objects.setRestore(o.id, undefined);
    return { bucket, o };
  });
  setVersionHeader(ctx, bucket, o.versionId);
  sendEmpty(ctx);
}

/**
 * GetObject and CopyObject / UploadPartCopy of a frozen object: 403 InvalidObjectState (OSS GetObject and
 * CopyObject docs; the source's rule for copies) unless a restored copy exists or the bucket reads Archive
 * objects directly. HeadObject does not ask.
 */
export function checkThawed(ctx: OssContext, bucket: string, o: ObjectVersionRecord): void {
  const { clock, restoreDelays } = ctx.state.config;
  if (isReadable(o.storageClass, o.restore, clock.now(), restoreDelays)) return;
  if (o.storageClass === 'Archive' && ctx.state.store.buckets.getDocument<boolean>(bucket, 'archiveDirectRead') === true) return;
  throw new OssError('InvalidObjectState');
}

/** x-oss-restore on GetObject / HeadObject and listings' RestoreInfo, when a restore ran or is running. */
export function restoreHeaderOf(ctx: OssContext, o: Pick<ObjectVersionRecord, 'restore'>): string | undefined {
  const { clock, restoreDelays } = ctx.state.config;
  return restoreHeader(restoreState(o.restore, clock.now(), restoreDelays), httpDate);
}
