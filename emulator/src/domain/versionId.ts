// Version ids (spec §4): opaque strings; real ones are 64 characters of base64 text starting `CAEQ` that may
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

/** The shapes accepted in a versionId parameter: `null` or an id made of these characters. */
export function isWellFormedVersionId(id: string): boolean {
  return id === 'null' || /^[A-Za-z0-9._-]{1,256}$/.test(id);
}
