// Version ids (behaviour §4): opaque strings; real ones are 64 characters of base64 text starting `CAEQ` that may
// contain `.` and `_`. Ours keep that look but use only URL-safe characters without `+ / = & ?`, because the
// SDKs append a versionId to x-oss-copy-source without encoding it. A time prefix keeps ids of one process in
// creation order; the random tail keeps them unique across restarts.
import { randomBytes } from 'node:crypto';

let last = 0n;

export function newVersionId(): string {
  let now = BigInt(Date.now()) * 1000n;
  if (now <= last) now = last + 1n;
  last = now;
  const time = now.toString(36).padStart(12, '0');
  const tail = randomBytes(36).toString('base64url').replace(/-/g, '.').slice(0, 48);
  return `CAEQ${time}${tail}`;
}

/**
 * The shapes accepted as a version id: `null`, or an id of the real form, which always begins `CAEQ` (the base64 of
 * its leading protobuf bytes). Anything else is InvalidArgument, not NoSuchVersion: oss2's live
 * tests/test_object_versioning.py::test_delete_object_versions_with_invalid_arguments expects InvalidArgument for
 * version id `234` (audit #16).
 */
export function isWellFormedVersionId(id: string): boolean {
  return id === 'null' || /^CAEQ[A-Za-z0-9._-]{1,252}$/.test(id);
}
