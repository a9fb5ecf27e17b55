// POST /-/reset (issue 23 item 3): every bucket with its objects, versions, uploads and configuration (ACL,
// versioning, WORM, policy, access points) and the account-level Block Public Access gone in one transaction; KMS
// master keys stay, as identities do (they belong to the account and the identities file, not to a bucket).
// Contents are released through ContentStore.unref, so a GET still streaming an object when the reset lands finishes
// from bytes that are reclaimed only after it.
import type { Store } from './store.js';

export interface ResetCounts {
  buckets: number;
  objects: number;
  uploads: number;
}

export function resetStore(store: Store): ResetCounts {
  const db = store.db;
  return store.tx(() => {
    const uploads = db.prepare('SELECT upload_id FROM uploads').pluck().all() as string[];
    for (const id of uploads) store.uploads.remove(id);
    const contents = db.prepare('DELETE FROM objects RETURNING content_id').pluck().all() as Array<number | null>;
    for (const id of contents) if (id !== null) store.content.unref(id);
    const buckets = db.prepare('SELECT name FROM buckets').pluck().all() as string[];
    for (const name of buckets) store.buckets.delete(name); // also drops the bucket row cache entry
    store.account.clear(); // account-level Block Public Access: back to off, so one test's setting never leaks
    return { buckets: buckets.length, objects: contents.length, uploads: uploads.length };
  });
}
