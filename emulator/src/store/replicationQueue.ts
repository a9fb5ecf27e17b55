// The replication queue (migration 10): each change to a key of a bucket with replication rules, in order, until
// api/replicationRun.ts has applied it (behaviour §14.22). Rows are small; the runner reads a bounded page at a time.
import type { ReplicationOp } from '../domain/replication.js';
import type { Db } from './db.js';

export interface QueuedChange {
  id: number;
  bucket: string;
  key: string;
  versionId: string;
  op: ReplicationOp;
  /** A delete that stacked a delete marker (versioned bucket). */
  marker: boolean;
  at: number;
}

interface Row {
  id: number;
  bucket: string;
  key: string;
  version_id: string;
  op: ReplicationOp;
  marker: number;
  at: number;
}

export class ReplicationQueue {
  private readonly stmt;

  constructor(db: Db) {
    this.stmt = {
      add: db.prepare('INSERT INTO replication_queue (bucket, key, version_id, op, marker, at) VALUES (?, ?, ?, ?, ?, ?)'),
      page: db.prepare('SELECT * FROM replication_queue WHERE bucket = ? AND id > ? ORDER BY id LIMIT ?'),
      remove: db.prepare('DELETE FROM replication_queue WHERE id = ?'),
      count: db.prepare('SELECT count(*) FROM replication_queue WHERE bucket = ?').pluck(),
    };
  }

  add(change: Omit<QueuedChange, 'id'>): void {
    this.stmt.add.run(change.bucket, change.key, change.versionId, change.op, change.marker ? 1 : 0, change.at);
  }

  /** The next changes of a bucket after `afterId`, oldest first. */
  page(bucket: string, afterId: number, limit: number): QueuedChange[] {
    return (this.stmt.page.all(bucket, afterId, limit) as Row[]).map((r) => ({
      id: r.id,
      bucket: r.bucket,
      key: r.key,
      versionId: r.version_id,
      op: r.op,
      marker: r.marker === 1,
      at: r.at,
    }));
  }

  remove(id: number): void {
    this.stmt.remove.run(id);
  }

  pending(bucket: string): number {
    return this.stmt.count.get(bucket) as number;
  }
}
