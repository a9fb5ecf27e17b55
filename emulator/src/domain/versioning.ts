// How a write or a delete lands in a key's version list, by the bucket's versioning state (behaviour §4).
// Unversioned and Suspended buckets behave alike for writes: the new data is the `null` version and replaces
// any earlier `null` version; only Enabled buckets mint a fresh id. The difference is what the client sees:
// a never-versioned bucket exposes no version id at all.
import type { VersioningState } from './types.js';
import { newVersionId } from './versionId.js';

export const NULL_VERSION = 'null';

export interface WritePlan {
  /** Id of the version the write creates. */
  versionId: string;
  /** The existing `null` version (if any) is removed, not kept as noncurrent. */
  replacesNullVersion: boolean;
}

export function planWrite(state: VersioningState): WritePlan {
  if (state === 'Enabled') return { versionId: newVersionId(), replacesNullVersion: false };
  return { versionId: NULL_VERSION, replacesNullVersion: true };
}

export type DeletePlan =
  /** Never-versioned bucket: the object is removed, nothing is left behind. */
  | { kind: 'remove' }
  /** Enabled / Suspended: a delete marker becomes current (Suspended: id `null`, replacing the null version). */
  | { kind: 'marker'; versionId: string; replacesNullVersion: boolean };

export function planDelete(state: VersioningState): DeletePlan {
  if (state === undefined) return { kind: 'remove' };
  return { kind: 'marker', ...planWrite(state) };
}

/**
 * The id of the existing version a write or delete removes for good, if any: the `null` version, unless versioning
 * is Enabled (where a write only stacks a new version and a delete a marker). What domain/immutability.ts checks.
 */
export function removedVersionId(plan: WritePlan | DeletePlan): string | undefined {
  if ('kind' in plan) return plan.kind === 'remove' || plan.replacesNullVersion ? NULL_VERSION : undefined;
  return plan.replacesNullVersion ? NULL_VERSION : undefined;
}
