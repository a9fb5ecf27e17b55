// GetBucketStat's figures (api/bucketStat.ts), counted from the objects and uploads tables in one read.
import type { Db } from './db.js';

export interface ClassFigures {
  objects: number;
  /** Bytes stored. */
  real: number;
  /** Bytes billed: objects under 64 KB count as 64 KB in the IA and archive classes (api/bucketStat.ts). */
  billed: number;
}

export interface BucketFigures {
  byClass: Map<string, ClassFigures>;
  deleteMarkers: number;
  uploads: number;
  /** The newest write (ms since the epoch) of any version or marker, 0 when the bucket never held one. */
  lastModified: number;
}

const MIN_BILLED = 64 * 1024;

export class StatsStore {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      byClass: db.prepare(
        `SELECT storage_class AS storageClass, count(*) AS objects, coalesce(sum(size), 0) AS real,
                coalesce(sum(max(size, ${MIN_BILLED})), 0) AS billed
         FROM objects WHERE bucket = ? AND is_delete_marker = 0 GROUP BY storage_class`,
      ),
      markers: db.prepare('SELECT count(*) FROM objects WHERE bucket = ? AND is_delete_marker = 1').pluck(),
      uploads: db.prepare('SELECT count(*) FROM uploads WHERE bucket = ?').pluck(),
      lastModified: db.prepare('SELECT coalesce(max(last_modified), 0) FROM objects WHERE bucket = ?').pluck(),
    };
  }

  /** Every stored version counts, current or not (they all take storage). */
  figures(bucket: string): BucketFigures {
    const rows = this.stmt.byClass.all(bucket) as ({ storageClass: string } & ClassFigures)[];
    return {
      byClass: new Map(rows.map((r) => [r.storageClass, { objects: r.objects, real: r.real, billed: r.billed }])),
      deleteMarkers: this.stmt.markers.get(bucket) as number,
      uploads: this.stmt.uploads.get(bucket) as number,
      lastModified: this.stmt.lastModified.get(bucket) as number,
    };
  }
}
