// What may never be removed or replaced, in one place (behaviour §6.2, §6.3): a version under a legal hold, under an
// unexpired object retention (GOVERNANCE yields to x-oss-bypass-governance-retention: true, COMPLIANCE to nothing),
// or younger than the bucket retention policy's period. Every write and delete asks this of exactly the versions it
// would remove (domain/versioning.ts removedVersionId): overwriting in an Enabled bucket removes none, so it is
// never refused here, while an unversioned or Suspended bucket's write replaces the `null` version.
//
// And which set-ups OSS refuses so that the rule stays simple (OSS API reference, PutBucketObjectWormConfiguration
// "Usage notes"; EC pages 0027-00000003 and 0012-00000006): object-level WORM needs versioning Enabled and then
// keeps it Enabled; a bucket retention policy and versioning exclude each other; ObjectWorm and a bucket
// retention policy exclude each other. The codes and messages of those refusals are not captured [I].
import { OssError } from './errors.js';
import type { ObjectVersionRecord, VersioningState } from './types.js';
import { activePolicy, isProtected, type WormPolicy } from './worm.js';

export interface Protection {
  /** The bucket's retention policy document, if any (an InProgress one that lapsed protects nothing). */
  bucketPolicy?: WormPolicy;
  bypassGovernance: boolean;
  now: number;
}

export type Removable = Pick<ObjectVersionRecord, 'isDeleteMarker' | 'lastModified' | 'legalHold' | 'retention'>;

/** 409 FileImmutable unless the version may be removed or replaced. Delete markers carry no protection. */
export function checkRemovable(version: Removable | undefined, p: Protection): void {
  if (version === undefined || version.isDeleteMarker) return;
  if (version.legalHold === 'ON') throw new OssError('FileImmutable');
  const r = version.retention;
  if (r && Date.parse(r.retainUntilDate) > p.now && !(r.mode === 'GOVERNANCE' && p.bypassGovernance)) {
    throw new OssError('FileImmutable');
  }
  if (isProtected(version.lastModified, p.bucketPolicy, p.now)) throw new OssError('FileImmutable');
}

/** PutBucketObjectWormConfiguration: versioning Enabled and no bucket retention policy in force. */
export function checkObjectWormSetup(versioning: VersioningState, bucketPolicy: WormPolicy | undefined, now: number): void {
  if (versioning !== 'Enabled') throw new OssError('InvalidRequestObjectWormVersioning');
  if (activePolicy(bucketPolicy, now) !== undefined) throw new OssError('InvalidRequestObjectWormBucketWorm');
}

/** InitiateBucketWorm: never on a bucket that has had versioning (EC 0027-00000003) nor one with ObjectWorm. */
export function checkBucketWormSetup(versioning: VersioningState, objectWormEnabled: boolean): void {
  if (versioning !== undefined) throw new OssError('InvalidRequestBucketWormVersioning');
  if (objectWormEnabled) throw new OssError('InvalidRequestObjectWormBucketWorm');
}

/** PutBucketVersioning: not while a retention policy is in force (EC 0012-00000006); ObjectWorm keeps it Enabled. */
export function checkVersioningChange(
  next: 'Enabled' | 'Suspended',
  bucketPolicy: WormPolicy | undefined,
  objectWormEnabled: boolean,
  now: number,
): void {
  if (activePolicy(bucketPolicy, now) !== undefined) throw new OssError('InvalidRequestVersioningBucketWorm');
  if (objectWormEnabled && next !== 'Enabled') throw new OssError('InvalidRequestObjectWormVersioning');
}
