// GetBucketStat (`GET /?stat` on a bucket; behaviour §14.2): the bucket's object counts and sizes, counted from the
// store when asked (real OSS reports figures it refreshes about hourly; the emulator's are exact and current, so
// LastModifiedTime, "the time the figures were obtained", is the bucket's newest write: 0 for a bucket that never
// held an object, as PY2's live test_get_bucket_stat asserts of a new bucket).
// Element names and order: PY2 models/bucket_basic.py GetBucketStatResult and its unit test's BucketStat sample.
import type { OssContext } from '../http/state.js';
import { sendXml } from '../http/render.js';
import { requireBucket } from './bucket.js';

/**
 * Standard storage is billed as stored; IA, Archive, ColdArchive and DeepColdArchive bill an object under 64 KB as
 * 64 KB (OSS storage-class billing: "minimum billable size of 64 KB"), which is the difference between their
 * `…Storage` and `…RealStorage` elements [I: how OSS rounds is not captured beyond that rule]. Storage is the real
 * total; every stored version counts, current or not, and delete markers only in DeleteMarkerCount [I].
 */
export function getBucketStat(ctx: OssContext): void {
  const bucket = requireBucket(ctx);
  const f = ctx.state.store.stats.figures(bucket.name);
  const of = (cls: string) => f.byClass.get(cls) ?? { objects: 0, real: 0, billed: 0 };
  let storage = 0;
  let objects = 0;
  for (const c of f.byClass.values()) {
    storage += c.real;
    objects += c.objects;
  }
  const [standard, ia, archive, cold, deepCold] = ['Standard', 'IA', 'Archive', 'ColdArchive', 'DeepColdArchive'].map(of) as [
    ReturnType<typeof of>, ReturnType<typeof of>, ReturnType<typeof of>, ReturnType<typeof of>, ReturnType<typeof of>,
  ];
  const n = (v: number) => String(v);
  sendXml(ctx, 'BucketStat', {
    Storage: n(storage),
    ObjectCount: n(objects),
    MultipartUploadCount: n(f.uploads),
    LiveChannelCount: '0', // none can exist: PutLiveChannel is not served (api/liveChannel.ts)
    LastModifiedTime: n(Math.floor(f.lastModified / 1000)),
    StandardStorage: n(standard.real),
    StandardObjectCount: n(standard.objects),
    InfrequentAccessStorage: n(ia.billed),
    InfrequentAccessRealStorage: n(ia.real),
    InfrequentAccessObjectCount: n(ia.objects),
    ArchiveStorage: n(archive.billed),
    ArchiveRealStorage: n(archive.real),
    ArchiveObjectCount: n(archive.objects),
    ColdArchiveStorage: n(cold.billed),
    ColdArchiveRealStorage: n(cold.real),
    ColdArchiveObjectCount: n(cold.objects),
    DeepColdArchiveStorage: n(deepCold.billed),
    DeepColdArchiveRealStorage: n(deepCold.real),
    DeepColdArchiveObjectCount: n(deepCold.objects),
    DeleteMarkerCount: n(f.deleteMarkers),
  });
}
