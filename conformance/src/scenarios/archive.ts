// Archive storage and RestoreObject (behaviour §9.10): a frozen object answers HEAD but refuses GET and copies
// (403 InvalidObjectState, DOCS GetObject / CopyObject); RestoreObject starts (202), refuses a second start while
// running (409 RestoreAlreadyInProgress, message from PY2 tests/integration/test_client.py test_restore_object), and
// reports its tier (x-oss-object-restore-priority, PY2 test_restore_object_job_parameters).
import type { Scenario } from '../model.js';
import { eq, fails, header, ok } from './expect.js';

const s = (n: number) => `archive-${String(n).padStart(2, '0')}`;

export const archiveScenarios: Scenario[] = [
  {
    id: s(1),
    title: 'unrestored Archive object: HEAD 200 (class Archive, no x-oss-restore); GET and CopyObject → 403 InvalidObjectState',
    tags: ['archive'],
    async run(ctx) {
      const key = ctx.key('frozen');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'archive bytes', storageClass: 'Archive' }));
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq([header(head, 'x-oss-storage-class'), header(head, 'x-oss-restore')], ['Archive', undefined], 'HEAD class and restore');
      fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key }), 403, 'InvalidObjectState');
      const copy = ctx.key('copy');
      fails(await ctx.call('CopyObject', { bucket: ctx.buckets.B1, key: copy, sourceBucket: ctx.buckets.B1, sourceKey: key }), 403, 'InvalidObjectState');
      fails(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key: copy }), 404, 'NoSuchKey');
    },
  },
  {
    id: s(2),
    title: 'RestoreObject of an Archive object → 202; again → 409 RestoreAlreadyInProgress; HEAD x-oss-restore ongoing-request="true"; GET still 403',
    tags: ['archive'],
    async run(ctx) {
      const key = ctx.key('restore');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'archive bytes', storageClass: 'Archive' }));
      ok(await ctx.call('RestoreObject', { bucket: ctx.buckets.B1, key }), 202);
      fails(await ctx.call('RestoreObject', { bucket: ctx.buckets.B1, key }), 409, 'RestoreAlreadyInProgress', 'The restore operation is in progress.');
      const head = ok(await ctx.call('HeadObject', { bucket: ctx.buckets.B1, key }));
      eq(header(head, 'x-oss-restore'), 'ongoing-request="true"', 'x-oss-restore');
      fails(await ctx.call('GetObject', { bucket: ctx.buckets.B1, key }), 403, 'InvalidObjectState');
    },
  },
  {
    id: s(3),
    title: 'RestoreObject of a ColdArchive object with Days 1, Tier Expedited → 202 with x-oss-object-restore-priority: Expedited',
    tags: ['archive'],
    async run(ctx) {
      const key = ctx.key('cold');
      ok(await ctx.call('PutObject', { bucket: ctx.buckets.B1, key, body: 'cold bytes', storageClass: 'ColdArchive' }));
      const r = ok(await ctx.call('RestoreObject', { bucket: ctx.buckets.B1, key, restoreDays: 1, restoreTier: 'Expedited' }), 202);
      eq(header(r, 'x-oss-object-restore-priority'), 'Expedited', 'restore priority');
    },
  },
];
